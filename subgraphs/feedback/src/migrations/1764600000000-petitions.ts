import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Suggestions (hòm thư góp ý) and feedback and petitions (PAKN) with their working-day limits;
 * ratings learn where they were given and the rated official's home agency, for the board and
 * the ranking of departments.
 */
export class Petitions implements MigrationInterface {
  readonly name = 'FeedbackPetitions1764600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE rating ADD COLUMN receiving_unit_code text, ADD COLUMN agency_code text`);
    await db.query(`CREATE INDEX rating_owner_idx ON rating (owner_path text_pattern_ops, rated_at)`);
    await db.query(`DROP POLICY rating_insert ON rating`);
    await db.query(`CREATE POLICY rating_insert ON rating FOR INSERT WITH CHECK (true)`);
    await db.query(`CREATE TABLE suggestion (
       id uuid PRIMARY KEY,
       unit_code text NOT NULL,
       content text NOT NULL CHECK (content <> ''),
       author_name text,
       author_contact text,
       status text NOT NULL CHECK (status IN ('OPEN', 'ANSWERED', 'CLOSED')),
       answer text,
       submitted_at timestamptz NOT NULL,
       answered_at timestamptz,
       owner_path text NOT NULL)`);
    await db.query(`ALTER TABLE suggestion ENABLE ROW LEVEL SECURITY`);
    await db.query(`ALTER TABLE suggestion FORCE ROW LEVEL SECURITY`);
    await db.query(`CREATE POLICY suggestion_read ON suggestion FOR SELECT USING (true)`);
    await db.query(`CREATE POLICY suggestion_insert ON suggestion FOR INSERT WITH CHECK (motcua_in_scope(owner_path))`);
    await db.query(`CREATE POLICY suggestion_update ON suggestion FOR UPDATE USING (motcua_in_scope(owner_path)) WITH CHECK (motcua_in_scope(owner_path))`);
    await db.query(`CREATE POLICY suggestion_delete ON suggestion FOR DELETE USING (motcua_in_scope(owner_path))`);
    await db.query(`CREATE INDEX suggestion_owner_path_idx ON suggestion (owner_path text_pattern_ops)`);
    await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON suggestion TO motcua_app`);
    await db.query(`DROP POLICY suggestion_insert ON suggestion`);
    await db.query(`CREATE POLICY suggestion_insert ON suggestion FOR INSERT WITH CHECK (true)`);
    await db.query(`CREATE TABLE petition (
       id uuid PRIMARY KEY,
       dossier_id uuid,
       dossier_code text,
       unit_code text NOT NULL,
       subject text NOT NULL CHECK (subject <> ''),
       content text NOT NULL CHECK (content <> ''),
       petitioner_name text NOT NULL,
       petitioner_phone text,
       petitioner_email text,
       status text NOT NULL CHECK (status IN ('RECEIVED', 'REJECTED', 'INFORMATION_REQUESTED', 'PROCESSING', 'ANSWERED', 'PUBLISHED')),
       received_at timestamptz NOT NULL,
       reject_by timestamptz NOT NULL,
       information_by timestamptz NOT NULL,
       resolve_by timestamptz NOT NULL,
       publish_by timestamptz,
       note text,
       answer text,
       answered_at timestamptz,
       published_answer text,
       published_at timestamptz,
       repeat_of_id uuid REFERENCES petition (id),
       version integer NOT NULL DEFAULT 1,
       owner_path text NOT NULL)`);
    await db.query(`CREATE INDEX petition_dossier_idx ON petition (dossier_id)`);
    await db.query(`CREATE INDEX petition_resolve_by_idx ON petition (owner_path text_pattern_ops, resolve_by)`);
    await db.query(`CREATE INDEX petition_phone_idx ON petition (petitioner_phone, received_at)`);
    await db.query(`ALTER TABLE petition ENABLE ROW LEVEL SECURITY`);
    await db.query(`ALTER TABLE petition FORCE ROW LEVEL SECURITY`);
    await db.query(`CREATE POLICY petition_read ON petition FOR SELECT USING (true)`);
    await db.query(`CREATE POLICY petition_insert ON petition FOR INSERT WITH CHECK (motcua_in_scope(owner_path))`);
    await db.query(`CREATE POLICY petition_update ON petition FOR UPDATE USING (motcua_in_scope(owner_path)) WITH CHECK (motcua_in_scope(owner_path))`);
    await db.query(`CREATE POLICY petition_delete ON petition FOR DELETE USING (motcua_in_scope(owner_path))`);
    await db.query(`CREATE INDEX petition_owner_path_idx ON petition (owner_path text_pattern_ops)`);
    await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON petition TO motcua_app`);
    await db.query(`DROP POLICY petition_insert ON petition`);
    await db.query(`CREATE POLICY petition_insert ON petition FOR INSERT WITH CHECK (true)`);
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
    await db.query(`DROP TABLE petition`);
    await db.query(`DROP TABLE suggestion`);
    await db.query(`DROP POLICY rating_insert ON rating`);
    await db.query(`CREATE POLICY rating_insert ON rating FOR INSERT WITH CHECK (motcua_in_scope(owner_path))`);
    await db.query(`DROP INDEX rating_owner_idx`);
    await db.query(`ALTER TABLE rating DROP COLUMN receiving_unit_code, DROP COLUMN agency_code`);
  }
}
