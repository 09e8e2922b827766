import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial implements MigrationInterface {
  readonly name = 'FeedbackInitial1763800000000';

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
    await db.query(`CREATE TABLE rating (
       id uuid PRIMARY KEY,
       dossier_id uuid NOT NULL,
       official_id uuid,
       counter_number integer,
       channel text NOT NULL CHECK (channel IN ('COUNTER_BUTTON', 'KIOSK', 'QR_CODE', 'PORTAL')),
       result_satisfaction text NOT NULL CHECK (result_satisfaction IN ('VERY_SATISFIED', 'SATISFIED', 'NEUTRAL', 'DISSATISFIED', 'VERY_DISSATISFIED')),
       attitude_satisfaction text NOT NULL CHECK (attitude_satisfaction IN ('VERY_SATISFIED', 'SATISFIED', 'NEUTRAL', 'DISSATISFIED', 'VERY_DISSATISFIED')),
       comment text,
       rated_at timestamptz NOT NULL DEFAULT now(),
       owner_path text NOT NULL,
       UNIQUE (dossier_id, channel))`);
    await db.query(`CREATE INDEX rating_official_idx ON rating (official_id)`);
    await db.query(`CREATE INDEX rating_rated_at_idx ON rating (rated_at DESC, id DESC)`);
    await db.query(`ALTER TABLE rating ENABLE ROW LEVEL SECURITY`);
    await db.query(`ALTER TABLE rating FORCE ROW LEVEL SECURITY`);
    await db.query(`CREATE POLICY rating_read ON rating FOR SELECT USING (true)`);
    await db.query(`CREATE POLICY rating_insert ON rating FOR INSERT WITH CHECK (motcua_in_scope(owner_path))`);
    await db.query(`CREATE POLICY rating_update ON rating FOR UPDATE USING (motcua_in_scope(owner_path)) WITH CHECK (motcua_in_scope(owner_path))`);
    await db.query(`CREATE POLICY rating_delete ON rating FOR DELETE USING (motcua_in_scope(owner_path))`);
    await db.query(`CREATE INDEX rating_owner_path_idx ON rating (owner_path text_pattern_ops)`);
    await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON rating TO motcua_app`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE rating`);
    await db.query(`DROP TABLE client_request`);
  }
}
