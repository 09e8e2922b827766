import { APP_ROLE, kernelSql, ownedTableSql, sqlMigration } from '../../../../shared/rls';

export const Initial = sqlMigration(
  'CatalogueInitial1763800000000',
  [
    ...kernelSql,
    `CREATE TABLE field (
       code text PRIMARY KEY,
       name text NOT NULL)`,
    `GRANT SELECT ON field TO ${APP_ROLE}`,

    `CREATE TABLE administrative_unit (
       code text PRIMARY KEY CHECK (code ~ '^[A-Za-z0-9-]+$'),
       name text NOT NULL CHECK (name <> ''),
       kind text NOT NULL CHECK (kind IN ('ADMINISTRATIVE', 'AGENCY', 'SERVICE_CENTRE')),
       level text NOT NULL CHECK (level IN ('PROVINCE', 'DISTRICT', 'COMMUNE')),
       parent_code text REFERENCES administrative_unit (code),
       path text NOT NULL UNIQUE,
       electronic_id text UNIQUE,
       valid_from date NOT NULL,
       valid_to date CHECK (valid_to IS NULL OR valid_to >= valid_from),
       owner_path text NOT NULL)`,
    `CREATE INDEX administrative_unit_parent_idx ON administrative_unit (parent_code)`,
    `CREATE INDEX administrative_unit_path_idx ON administrative_unit (path text_pattern_ops)`,
    ...ownedTableSql('administrative_unit'),

    `CREATE TABLE procedure (
       id uuid PRIMARY KEY,
       code text NOT NULL,
       local_code text UNIQUE,
       name text NOT NULL CHECK (name <> ''),
       field_code text NOT NULL REFERENCES field (code),
       levels text[] NOT NULL,
       executing_agency_code text REFERENCES administrative_unit (code),
       time_limit_days numeric(6, 2) CHECK (time_limit_days >= 0),
       fee_vnd integer NOT NULL DEFAULT 0 CHECK (fee_vnd >= 0),
       online_level text NOT NULL CHECK (online_level IN ('FULL', 'PARTIAL', 'NONE')),
       inter_agency boolean NOT NULL DEFAULT false,
       one_stop boolean NOT NULL DEFAULT true,
       boundary_free boolean NOT NULL DEFAULT false,
       owner_path text NOT NULL)`,
    `CREATE INDEX procedure_field_idx ON procedure (field_code, name, id)`,
    `CREATE INDEX procedure_name_idx ON procedure (name, id)`,
    ...ownedTableSql('procedure'),
  ],
  ['DROP TABLE procedure', 'DROP TABLE administrative_unit', 'DROP TABLE field', 'DROP TABLE client_request'],
);
