import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Dịch vụ công trực tuyến: a citizen files a dossier online (NEW, ONLINE), as a draft first if
 * they like; it is submitted when `submitted_at` is set, and the desk accepts or refuses it. The
 * citizen who filed it (`filed_by`, their citizen ID) writes only their own: a NEW online dossier,
 * its applicant row naming themselves (as applicant, authorised person or for their
 * organisation), their draft's edits, their supplement and their withdrawal, each with its history row.
 */
export class OnlineFiling implements MigrationInterface {
  readonly name = 'DossiersOnlineFiling1765700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE dossier ADD COLUMN submitted_at timestamptz, ADD COLUMN filed_by text`);
    await db.query(`CREATE INDEX dossier_filed_by_idx ON dossier (filed_by) WHERE filed_by IS NOT NULL`);
    await db.query(`CREATE INDEX dossier_awaiting_idx ON dossier (owner_path text_pattern_ops) WHERE status = 'NEW' AND submitted_at IS NOT NULL`);
    await db.query(`CREATE POLICY dossier_insert_online ON dossier FOR INSERT
       WITH CHECK (filed_by = motcua_citizen() AND status = 'NEW' AND channel = 'ONLINE')`);
    await db.query(`CREATE POLICY dossier_update_by_filer ON dossier FOR UPDATE
       USING (filed_by = motcua_citizen())
       WITH CHECK (filed_by = motcua_citizen() AND status IN ('NEW', 'PROCESSING', 'WITHDRAWN'))`);
    await db.query(`CREATE POLICY dossier_applicant_insert_online ON dossier_applicant FOR INSERT
       WITH CHECK (EXISTS (SELECT 1 FROM dossier d WHERE d.id = dossier_id AND d.filed_by = motcua_citizen() AND d.owner_path = dossier_applicant.owner_path)
                   AND (id_number = motcua_citizen() OR proxy_id_number = motcua_citizen() OR id_number = motcua_organisation()))`);
    await db.query(`CREATE POLICY dossier_applicant_update_draft ON dossier_applicant FOR UPDATE
       USING (EXISTS (SELECT 1 FROM dossier d WHERE d.id = dossier_id AND d.filed_by = motcua_citizen() AND d.submitted_at IS NULL))
       WITH CHECK (id_number = motcua_citizen() OR proxy_id_number = motcua_citizen() OR id_number = motcua_organisation())`);
    await db.query(`CREATE POLICY dossier_event_insert_by_filer ON dossier_event FOR INSERT
       WITH CHECK (actor_role = 'CITIZEN' AND actor_subject = motcua_citizen()
                   AND EXISTS (SELECT 1 FROM dossier d WHERE d.id = dossier_id AND d.filed_by = motcua_citizen()))`);
    // Besides the units holding a step, the citizen who filed it moves it on (supplement, withdrawal)
    // and, while it is a draft, completes its documents and submits it; nothing else of the row.
    await db.query(`CREATE OR REPLACE FUNCTION dossier_step_holder_columns() RETURNS trigger LANGUAGE plpgsql AS $$
     DECLARE
       movable text[] := ARRAY['status', 'version', 'current_step', 'due_at', 'paused_at', 'supplement_count',
                                        'rescheduled', 'finished_at', 'outcome', 'handler_id'];
       drafted CONSTANT text[] := ARRAY['documents', 'submitted_at', 'received_at'];
     BEGIN
       IF current_user <> 'motcua_app' OR motcua_in_scope(OLD.owner_path) THEN
         RETURN NEW;
       END IF;
       IF OLD.filed_by IS NOT NULL AND OLD.filed_by = motcua_citizen() THEN
         IF OLD.submitted_at IS NULL THEN
           movable := movable || drafted;
         END IF;
         IF (to_jsonb(NEW) - movable) IS DISTINCT FROM (to_jsonb(OLD) - movable) THEN
           RAISE EXCEPTION 'the citizen who filed dossier % may complete its draft, supplement or withdraw it, nothing else', OLD.code
             USING ERRCODE = '42501';
         END IF;
         RETURN NEW;
       END IF;
       IF (to_jsonb(NEW) - movable) IS DISTINCT FROM (to_jsonb(OLD) - movable) THEN
         RAISE EXCEPTION 'a unit holding a step of dossier % may only move it on and name its handler', OLD.code
           USING ERRCODE = '42501';
       END IF;
       RETURN NEW;
     END $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`CREATE OR REPLACE FUNCTION dossier_step_holder_columns() RETURNS trigger LANGUAGE plpgsql AS $$
     DECLARE
       movable CONSTANT text[] := ARRAY['status', 'version', 'current_step', 'due_at', 'paused_at', 'supplement_count',
                                        'rescheduled', 'finished_at', 'outcome', 'handler_id'];
     BEGIN
       IF current_user <> 'motcua_app' OR motcua_in_scope(OLD.owner_path) THEN
         RETURN NEW;
       END IF;
       IF (to_jsonb(NEW) - movable) IS DISTINCT FROM (to_jsonb(OLD) - movable) THEN
         RAISE EXCEPTION 'a unit holding a step of dossier % may only move it on and name its handler', OLD.code
           USING ERRCODE = '42501';
       END IF;
       RETURN NEW;
     END $$`);
    await db.query(`DROP POLICY dossier_event_insert_by_filer ON dossier_event`);
    await db.query(`DROP POLICY dossier_applicant_update_draft ON dossier_applicant`);
    await db.query(`DROP POLICY dossier_applicant_insert_online ON dossier_applicant`);
    await db.query(`DROP POLICY dossier_update_by_filer ON dossier`);
    await db.query(`DROP POLICY dossier_insert_online ON dossier`);
    await db.query(`DROP INDEX dossier_awaiting_idx`);
    await db.query(`DROP INDEX dossier_filed_by_idx`);
    await db.query(`ALTER TABLE dossier DROP COLUMN filed_by, DROP COLUMN submitted_at`);
  }
}
