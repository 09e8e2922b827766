import { kernelSql, ownedTableSql, sqlMigration } from '../../../../shared/rls';

export const Initial = sqlMigration(
  'PersonnelInitial1763800000000',
  [
    ...kernelSql,
    `CREATE TABLE official (
       id uuid PRIMARY KEY,
       full_name text NOT NULL CHECK (full_name <> ''),
       title text NOT NULL,
       home_agency_code text NOT NULL,
       email text,
       phone text,
       employment_status text NOT NULL CHECK (employment_status IN ('ACTIVE', 'ON_LEAVE', 'LEFT')),
       is_leader boolean NOT NULL DEFAULT false,
       owner_path text NOT NULL)`,
    `CREATE INDEX official_name_idx ON official (full_name, id)`,
    `CREATE INDEX official_home_agency_idx ON official (home_agency_code)`,
    ...ownedTableSql('official'),
  ],
  ['DROP TABLE official', 'DROP TABLE client_request'],
);
