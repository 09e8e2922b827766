import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial implements MigrationInterface {
  readonly name = 'CatalogueInitial1763800000000';

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
    await db.query(`CREATE TABLE field (
       code text PRIMARY KEY,
       name text NOT NULL)`);
    await db.query(`GRANT SELECT ON field TO motcua_app`);
    await db.query(`CREATE TABLE administrative_unit (
       code text PRIMARY KEY CHECK (code ~ '^[A-Za-z0-9-]+$'),
       name text NOT NULL CHECK (name <> ''),
       kind text NOT NULL CHECK (kind IN ('ADMINISTRATIVE', 'AGENCY', 'SERVICE_CENTRE')),
       level text NOT NULL CHECK (level IN ('PROVINCE', 'DISTRICT', 'COMMUNE')),
       parent_code text REFERENCES administrative_unit (code),
       path text NOT NULL UNIQUE,
       electronic_id text UNIQUE,
       valid_from date NOT NULL,
       valid_to date CHECK (valid_to IS NULL OR valid_to >= valid_from),
       owner_path text NOT NULL)`);
    await db.query(`CREATE INDEX administrative_unit_parent_idx ON administrative_unit (parent_code)`);
    await db.query(`CREATE INDEX administrative_unit_path_idx ON administrative_unit (path text_pattern_ops)`);
    await db.query(`ALTER TABLE administrative_unit ENABLE ROW LEVEL SECURITY`);
    await db.query(`ALTER TABLE administrative_unit FORCE ROW LEVEL SECURITY`);
    await db.query(`CREATE POLICY administrative_unit_read ON administrative_unit FOR SELECT USING (true)`);
    await db.query(`CREATE POLICY administrative_unit_insert ON administrative_unit FOR INSERT WITH CHECK (motcua_in_scope(owner_path))`);
    await db.query(`CREATE POLICY administrative_unit_update ON administrative_unit FOR UPDATE USING (motcua_in_scope(owner_path)) WITH CHECK (motcua_in_scope(owner_path))`);
    await db.query(`CREATE POLICY administrative_unit_delete ON administrative_unit FOR DELETE USING (motcua_in_scope(owner_path))`);
    await db.query(`CREATE INDEX administrative_unit_owner_path_idx ON administrative_unit (owner_path text_pattern_ops)`);
    await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON administrative_unit TO motcua_app`);
    await db.query(`CREATE TABLE procedure (
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
       owner_path text NOT NULL)`);
    await db.query(`CREATE INDEX procedure_field_idx ON procedure (field_code, name, id)`);
    await db.query(`CREATE INDEX procedure_name_idx ON procedure (name, id)`);
    await db.query(`ALTER TABLE procedure ENABLE ROW LEVEL SECURITY`);
    await db.query(`ALTER TABLE procedure FORCE ROW LEVEL SECURITY`);
    await db.query(`CREATE POLICY procedure_read ON procedure FOR SELECT USING (true)`);
    await db.query(`CREATE POLICY procedure_insert ON procedure FOR INSERT WITH CHECK (motcua_in_scope(owner_path))`);
    await db.query(`CREATE POLICY procedure_update ON procedure FOR UPDATE USING (motcua_in_scope(owner_path)) WITH CHECK (motcua_in_scope(owner_path))`);
    await db.query(`CREATE POLICY procedure_delete ON procedure FOR DELETE USING (motcua_in_scope(owner_path))`);
    await db.query(`CREATE INDEX procedure_owner_path_idx ON procedure (owner_path text_pattern_ops)`);
    await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON procedure TO motcua_app`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE procedure`);
    await db.query(`DROP TABLE administrative_unit`);
    await db.query(`DROP TABLE field`);
    await db.query(`DROP TABLE client_request`);
  }
}
