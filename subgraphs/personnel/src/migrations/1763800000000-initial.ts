import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial implements MigrationInterface {
  readonly name = 'PersonnelInitial1763800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'motcua_app') THEN
    CREATE ROLE motcua_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
END $$`);
    await db.query(`
CREATE OR REPLACE FUNCTION motcua_in_scope(owner_path text) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('motcua.unit_path', true), '') <> ''
     AND (owner_path = current_setting('motcua.unit_path', true)
          OR starts_with(owner_path, current_setting('motcua.unit_path', true) || '.'))
$$`);
    await db.query(`GRANT USAGE ON SCHEMA public TO motcua_app`);
    await db.query(`CREATE TABLE client_request (
     subject text NOT NULL,
     client_request_id text NOT NULL,
     operation text NOT NULL,
     result jsonb,
     created_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (subject, client_request_id))`);
    await db.query(`GRANT SELECT, INSERT, UPDATE ON client_request TO motcua_app`);
    await db.query(`CREATE TABLE official (
       id uuid PRIMARY KEY,
       full_name text NOT NULL CHECK (full_name <> ''),
       title text NOT NULL,
       home_agency_code text NOT NULL,
       email text,
       phone text,
       employment_status text NOT NULL CHECK (employment_status IN ('ACTIVE', 'ON_LEAVE', 'LEFT')),
       is_leader boolean NOT NULL DEFAULT false,
       owner_path text NOT NULL)`);
    await db.query(`CREATE INDEX official_name_idx ON official (full_name, id)`);
    await db.query(`CREATE INDEX official_home_agency_idx ON official (home_agency_code)`);
    await db.query(`ALTER TABLE official ENABLE ROW LEVEL SECURITY`);
    await db.query(`ALTER TABLE official FORCE ROW LEVEL SECURITY`);
    await db.query(`CREATE POLICY official_read ON official FOR SELECT USING (true)`);
    await db.query(`CREATE POLICY official_insert ON official FOR INSERT WITH CHECK (motcua_in_scope(owner_path))`);
    await db.query(`CREATE POLICY official_update ON official FOR UPDATE USING (motcua_in_scope(owner_path)) WITH CHECK (motcua_in_scope(owner_path))`);
    await db.query(`CREATE POLICY official_delete ON official FOR DELETE USING (motcua_in_scope(owner_path))`);
    await db.query(`CREATE INDEX official_owner_path_idx ON official (owner_path text_pattern_ops)`);
    await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON official TO motcua_app`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE official`);
    await db.query(`DROP TABLE client_request`);
  }
}
