import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial implements MigrationInterface {
  readonly name = 'DossiersInitial1763800000000';

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
    await db.query(`CREATE TABLE dossier (
       id uuid PRIMARY KEY,
       code text NOT NULL UNIQUE,
       procedure_id uuid NOT NULL,
       receiving_unit_code text NOT NULL,
       handler_id uuid,
       applicant_kind text NOT NULL CHECK (applicant_kind IN ('PERSON', 'ORGANISATION')),
       applicant_name text NOT NULL CHECK (applicant_name <> ''),
       applicant_id_number text NOT NULL,
       channel text NOT NULL CHECK (channel IN ('IN_PERSON', 'POSTAL', 'ONLINE')),
       status text NOT NULL CHECK (status IN ('NEW', 'RECEIVED', 'NOT_RECEIVED', 'PROCESSING', 'SUPPLEMENT_REQUESTED', 'FINANCIAL_OBLIGATION', 'WITHDRAWN', 'STOPPED', 'PROCESSED', 'RESULT_RETURNED')),
       received_at timestamptz NOT NULL,
       due_at timestamptz,
       finished_at timestamptz,
       owner_path text NOT NULL,
       version integer NOT NULL DEFAULT 1)`);
    await db.query(`CREATE INDEX dossier_received_idx ON dossier (received_at DESC, id DESC)`);
    await db.query(`CREATE INDEX dossier_procedure_idx ON dossier (procedure_id)`);
    await db.query(`CREATE INDEX dossier_handler_idx ON dossier (handler_id)`);
    await db.query(`ALTER TABLE dossier ENABLE ROW LEVEL SECURITY`);
    await db.query(`ALTER TABLE dossier FORCE ROW LEVEL SECURITY`);
    await db.query(`CREATE POLICY dossier_read ON dossier FOR SELECT USING (true)`);
    await db.query(`CREATE POLICY dossier_insert ON dossier FOR INSERT WITH CHECK (motcua_in_scope(owner_path))`);
    await db.query(`CREATE POLICY dossier_update ON dossier FOR UPDATE USING (motcua_in_scope(owner_path)) WITH CHECK (motcua_in_scope(owner_path))`);
    await db.query(`CREATE POLICY dossier_delete ON dossier FOR DELETE USING (motcua_in_scope(owner_path))`);
    await db.query(`CREATE INDEX dossier_owner_path_idx ON dossier (owner_path text_pattern_ops)`);
    await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON dossier TO motcua_app`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE dossier`);
    await db.query(`DROP TABLE client_request`);
  }
}
