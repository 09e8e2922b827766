import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The dossier lifecycle: reception details, the liên thông steps each unit holds, the
 * append-only history (forms 05/06), the daily code sequence per receiving agency, and the
 * working-calendar decisions of each year.
 *
 * Write access follows the steps: the receiving unit owns the dossier; the unit holding the
 * active step may move it on; each unit writes only its own step.
 */
export class Lifecycle implements MigrationInterface {
  readonly name = 'DossiersLifecycle1764200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE dossier
       ADD COLUMN applicant_phone text,
       ADD COLUMN applicant_email text,
       ADD COLUMN applicant_address text,
       ADD COLUMN proxy_name text,
       ADD COLUMN proxy_id_number text,
       ADD COLUMN documents jsonb NOT NULL DEFAULT '[]',
       ADD COLUMN area_unit_code text,
       ADD COLUMN time_limit_hours numeric(8, 2),
       ADD COLUMN current_step integer,
       ADD COLUMN paused_at timestamptz,
       ADD COLUMN supplement_count integer NOT NULL DEFAULT 0,
       ADD COLUMN rescheduled boolean NOT NULL DEFAULT false,
       ADD COLUMN outcome text CHECK (outcome IN ('APPROVED', 'REFUSED')),
       ADD COLUMN returned_at timestamptz,
       ADD COLUMN return_method text CHECK (return_method IN ('IN_PERSON', 'POSTAL', 'ONLINE'))`);
    await db.query(`CREATE TABLE dossier_step (
       id uuid PRIMARY KEY,
       dossier_id uuid NOT NULL REFERENCES dossier (id),
       position integer NOT NULL CHECK (position > 0),
       title text NOT NULL,
       level text NOT NULL CHECK (level IN ('PROVINCE', 'DISTRICT', 'COMMUNE')),
       unit_code text NOT NULL,
       role text,
       allotted_hours numeric(8, 2) NOT NULL CHECK (allotted_hours > 0),
       finished_at timestamptz,
       handler_id uuid,
       owner_path text NOT NULL,
       UNIQUE (dossier_id, position))`);
    await db.query(`CREATE INDEX dossier_step_owner_idx ON dossier_step (owner_path text_pattern_ops, dossier_id)`);
    await db.query(`ALTER TABLE dossier_step ENABLE ROW LEVEL SECURITY`);
    await db.query(`ALTER TABLE dossier_step FORCE ROW LEVEL SECURITY`);
    await db.query(`CREATE POLICY dossier_step_read ON dossier_step FOR SELECT USING (true)`);
    // The receiving unit lays out every step at reception; afterwards each unit writes only its own.
    await db.query(`CREATE POLICY dossier_step_insert ON dossier_step FOR INSERT
       WITH CHECK (EXISTS (SELECT 1 FROM dossier d WHERE d.id = dossier_id AND motcua_in_scope(d.owner_path)))`);
    await db.query(`CREATE POLICY dossier_step_update ON dossier_step FOR UPDATE USING (motcua_in_scope(owner_path)) WITH CHECK (motcua_in_scope(owner_path))`);
    await db.query(`GRANT SELECT, INSERT, UPDATE ON dossier_step TO motcua_app`);
    await db.query(`DROP POLICY dossier_update ON dossier`);
    await db.query(`CREATE POLICY dossier_update ON dossier FOR UPDATE
       USING (motcua_in_scope(owner_path) OR EXISTS (SELECT 1 FROM dossier_step s WHERE s.dossier_id = dossier.id AND s.position = dossier.current_step AND motcua_in_scope(s.owner_path)))
       WITH CHECK (motcua_in_scope(owner_path) OR EXISTS (SELECT 1 FROM dossier_step s WHERE s.dossier_id = dossier.id AND motcua_in_scope(s.owner_path)))`);
    await db.query(`CREATE TABLE dossier_event (
       id bigserial PRIMARY KEY,
       dossier_id uuid NOT NULL REFERENCES dossier (id),
       action text NOT NULL,
       from_status text,
       to_status text NOT NULL,
       at timestamptz NOT NULL,
       actor_subject text NOT NULL,
       actor_role text NOT NULL,
       actor_unit text NOT NULL,
       step_position integer,
       details jsonb NOT NULL DEFAULT '{}',
       owner_path text NOT NULL)`);
    await db.query(`CREATE INDEX dossier_event_dossier_idx ON dossier_event (dossier_id, id)`);
    await db.query(`ALTER TABLE dossier_event ENABLE ROW LEVEL SECURITY`);
    await db.query(`ALTER TABLE dossier_event FORCE ROW LEVEL SECURITY`);
    await db.query(`CREATE POLICY dossier_event_read ON dossier_event FOR SELECT USING (true)`);
    await db.query(`CREATE POLICY dossier_event_insert ON dossier_event FOR INSERT WITH CHECK (motcua_in_scope(owner_path))`);
    await db.query(`GRANT SELECT, INSERT ON dossier_event TO motcua_app`);
    await db.query(`GRANT USAGE ON SEQUENCE dossier_event_id_seq TO motcua_app`);
    // One row per receiving agency and day; the reception transaction increments it under a row lock.
    await db.query(`CREATE TABLE dossier_code_sequence (
       agency_electronic_id text NOT NULL,
       day date NOT NULL,
       last_number integer NOT NULL,
       owner_path text NOT NULL,
       PRIMARY KEY (agency_electronic_id, day))`);
    await db.query(`ALTER TABLE dossier_code_sequence ENABLE ROW LEVEL SECURITY`);
    await db.query(`ALTER TABLE dossier_code_sequence FORCE ROW LEVEL SECURITY`);
    await db.query(`CREATE POLICY dossier_code_sequence_read ON dossier_code_sequence FOR SELECT USING (true)`);
    await db.query(`CREATE POLICY dossier_code_sequence_insert ON dossier_code_sequence FOR INSERT WITH CHECK (motcua_in_scope(owner_path))`);
    await db.query(`CREATE POLICY dossier_code_sequence_update ON dossier_code_sequence FOR UPDATE USING (motcua_in_scope(owner_path)) WITH CHECK (motcua_in_scope(owner_path))`);
    await db.query(`CREATE POLICY dossier_code_sequence_delete ON dossier_code_sequence FOR DELETE USING (motcua_in_scope(owner_path))`);
    await db.query(`CREATE INDEX dossier_code_sequence_owner_path_idx ON dossier_code_sequence (owner_path text_pattern_ops)`);
    await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON dossier_code_sequence TO motcua_app`);
    await db.query(`CREATE TABLE calendar_day (
     date date PRIMARY KEY,
     working boolean NOT NULL,
     name text,
     owner_path text NOT NULL)`);
    await db.query(`ALTER TABLE calendar_day ENABLE ROW LEVEL SECURITY`);
    await db.query(`ALTER TABLE calendar_day FORCE ROW LEVEL SECURITY`);
    await db.query(`CREATE POLICY calendar_day_read ON calendar_day FOR SELECT USING (true)`);
    await db.query(`CREATE POLICY calendar_day_insert ON calendar_day FOR INSERT WITH CHECK (motcua_in_scope(owner_path))`);
    await db.query(`CREATE POLICY calendar_day_update ON calendar_day FOR UPDATE USING (motcua_in_scope(owner_path)) WITH CHECK (motcua_in_scope(owner_path))`);
    await db.query(`CREATE POLICY calendar_day_delete ON calendar_day FOR DELETE USING (motcua_in_scope(owner_path))`);
    await db.query(`CREATE INDEX calendar_day_owner_path_idx ON calendar_day (owner_path text_pattern_ops)`);
    await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON calendar_day TO motcua_app`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE calendar_day`);
    await db.query(`DROP TABLE dossier_code_sequence`);
    await db.query(`DROP TABLE dossier_event`);
    await db.query(`DROP POLICY dossier_update ON dossier`);
    await db.query(`CREATE POLICY dossier_update ON dossier FOR UPDATE USING (motcua_in_scope(owner_path)) WITH CHECK (motcua_in_scope(owner_path))`);
    await db.query(`DROP TABLE dossier_step`);
    await db.query(`ALTER TABLE dossier DROP COLUMN applicant_phone, DROP COLUMN applicant_email, DROP COLUMN applicant_address, DROP COLUMN proxy_name,
       DROP COLUMN proxy_id_number, DROP COLUMN documents, DROP COLUMN area_unit_code, DROP COLUMN time_limit_hours, DROP COLUMN current_step,
       DROP COLUMN paused_at, DROP COLUMN supplement_count, DROP COLUMN rescheduled, DROP COLUMN outcome, DROP COLUMN returned_at, DROP COLUMN return_method`);
  }
}
