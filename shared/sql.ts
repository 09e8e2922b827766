/**
 * SQL fragments of the unit tree, one home for each: statements everywhere ask "is this row in
 * that subtree" and "which child of the scope is it under" the same way. `scope` and `pattern`
 * are SQL expressions (a placeholder, a column); paths are codes joined by dots, so no LIKE
 * wildcard can occur in them.
 */

/** True when the path in `column` is the scope's or below it; `pattern` is the scope's `path.%`, by default built in SQL. */
export const withinSql = (column: string, scope: string, pattern = `${scope} || '.%'`) => `(${column} = ${scope} OR ${column} LIKE ${pattern})`;

/** The LIKE pattern of what lies below a path, as a parameter: `27.259` → `27.259.%`. */
export const belowPattern = (path: string) => `${path}.%`;

/** A query builder's condition and parameters for the rows whose `column` lies in `scope`'s subtree. */
export const inSubtree = (column: string, scope: string): [string, { own: string; below: string }] => [
  withinSql(column, ':own', ':below'),
  { own: scope, below: belowPattern(scope) },
];

/** The code of the scope's child whose subtree holds the path in `column` (the scope's own code for its own rows). */
export const childUnitSql = (column: string, scope: string) =>
  `CASE WHEN ${column} = ${scope} THEN split_part(${scope}, '.', -1) ELSE split_part(substr(${column}, length(${scope}) + 2), '.', 1) END`;
