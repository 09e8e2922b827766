import { APP_ROLE, appendOnlyTableSql, sqlMigration } from '../../../../shared/rls';

export const UnitHistory = sqlMigration(
  'CatalogueUnitHistory1764000000000',
  [
    `CREATE TABLE unit_version (
       id bigserial PRIMARY KEY,
       code text NOT NULL REFERENCES administrative_unit (code),
       valid_from date NOT NULL,
       name text NOT NULL CHECK (name <> ''),
       kind text NOT NULL,
       level text NOT NULL,
       parent_code text,
       path text NOT NULL,
       electronic_id text,
       ended boolean NOT NULL DEFAULT false,
       change text NOT NULL CHECK (change IN ('CREATED', 'RENAMED', 'MOVED', 'MERGED_INTO', 'ABSORBED')),
       decision text,
       owner_path text NOT NULL,
       UNIQUE (code, valid_from, id))`,
    `CREATE INDEX unit_version_at_idx ON unit_version (code, valid_from DESC, id DESC)`,
    ...appendOnlyTableSql('unit_version'),
    `GRANT USAGE ON SEQUENCE unit_version_id_seq TO ${APP_ROLE}`,
    `INSERT INTO unit_version (code, valid_from, name, kind, level, parent_code, path, electronic_id, change, owner_path)
     SELECT code, valid_from, name, kind, level, parent_code, path, electronic_id, 'CREATED', owner_path FROM administrative_unit`,
  ],
  ['DROP TABLE unit_version'],
);
