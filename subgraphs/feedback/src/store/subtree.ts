import { withinSql } from '../../../../shared/sql';

/** A query builder's condition and parameters for the rows of `scope`'s subtree, over `alias`'s `owner_path`. */
export const inSubtree = (alias: string, scope: string): [string, { own: string; below: string }] => [
  withinSql(`${alias}.owner_path`, ':own', ':below'),
  { own: scope, below: `${scope}.%` },
];
