import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who filed online is a person, or a person acting for an organisation: `filed_by` is the
 * citizen ID, or `<citizen ID>/<tax code>` when filed for the organisation, so signing in without
 * the organisation's claim (or for another one) gives no right over its filings. Online, the
 * applicant is the citizen themselves or the organisation they act for: filing in someone else's
 * name under an authorisation is done at the desk, where the authorisation is seen. A filing the
 * citizen cancels before the desk received it ends NOT_RECEIVED.
 */
export class FilingIdentity implements MigrationInterface {
  readonly name = 'DossiersFilingIdentity1765800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE FUNCTION motcua_filers() RETURNS text[] LANGUAGE sql STABLE AS $$
      SELECT CASE WHEN motcua_citizen() IS NULL THEN ARRAY[]::text[]
                  WHEN motcua_organisation() IS NULL THEN ARRAY[motcua_citizen()]
                  ELSE ARRAY[motcua_citizen(), motcua_citizen() || '/' || motcua_organisation()] END
    $$`);
    await db.query(`DROP POLICY dossier_insert_online ON dossier`);
    await db.query(`CREATE POLICY dossier_insert_online ON dossier FOR INSERT
       WITH CHECK (filed_by = ANY (motcua_filers()) AND status = 'NEW' AND channel = 'ONLINE')`);
    await db.query(`DROP POLICY dossier_update_by_filer ON dossier`);
    await db.query(`CREATE POLICY dossier_update_by_filer ON dossier FOR UPDATE
       USING (filed_by = ANY (motcua_filers()))
       WITH CHECK (filed_by = ANY (motcua_filers()) AND status IN ('NEW', 'NOT_RECEIVED', 'PROCESSING', 'WITHDRAWN'))`);
    await db.query(`DROP POLICY dossier_applicant_insert_online ON dossier_applicant`);
    await db.query(`CREATE POLICY dossier_applicant_insert_online ON dossier_applicant FOR INSERT
       WITH CHECK (proxy_id_number IS NULL AND EXISTS (SELECT 1 FROM dossier d WHERE d.id = dossier_id AND d.owner_path = dossier_applicant.owner_path
                   AND ((d.filed_by = motcua_citizen() AND id_number = motcua_citizen())
                        OR (d.filed_by = motcua_citizen() || '/' || motcua_organisation() AND id_number = motcua_organisation()))))`);
    await db.query(`DROP POLICY dossier_applicant_update_draft ON dossier_applicant`);
    await db.query(`CREATE POLICY dossier_applicant_update_draft ON dossier_applicant FOR UPDATE
       USING (EXISTS (SELECT 1 FROM dossier d WHERE d.id = dossier_id AND d.filed_by = ANY (motcua_filers()) AND d.submitted_at IS NULL))
       WITH CHECK (proxy_id_number IS NULL AND (id_number = motcua_citizen() OR id_number = motcua_organisation()))`);
    await db.query(`DROP POLICY dossier_event_insert_by_filer ON dossier_event`);
    await db.query(`CREATE POLICY dossier_event_insert_by_filer ON dossier_event FOR INSERT
       WITH CHECK (actor_role = 'CITIZEN' AND actor_subject = motcua_citizen()
                   AND EXISTS (SELECT 1 FROM dossier d WHERE d.id = dossier_id AND d.filed_by = ANY (motcua_filers())))`);
    await db.query(`CREATE OR REPLACE FUNCTION dossier_step_holder_columns() RETURNS trigger LANGUAGE plpgsql AS $$
     DECLARE
       movable text[] := ARRAY['status', 'version', 'current_step', 'due_at', 'paused_at', 'supplement_count',
                               'rescheduled', 'finished_at', 'outcome', 'handler_id'];
       drafted CONSTANT text[] := ARRAY['documents', 'submitted_at', 'received_at'];
     BEGIN
       IF current_user <> 'motcua_app' OR motcua_in_scope(OLD.owner_path) THEN
         RETURN NEW;
       END IF;
       IF OLD.filed_by = ANY (motcua_filers()) THEN
         IF OLD.submitted_at IS NULL THEN
           movable := movable || drafted;
         END IF;
         IF (to_jsonb(NEW) - movable) IS DISTINCT FROM (to_jsonb(OLD) - movable) THEN
           RAISE EXCEPTION 'the citizen who filed dossier % may complete its draft, supplement, withdraw or cancel it, nothing else', OLD.code
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
    await db.query(`DROP POLICY dossier_event_insert_by_filer ON dossier_event`);
    await db.query(`CREATE POLICY dossier_event_insert_by_filer ON dossier_event FOR INSERT
       WITH CHECK (actor_role = 'CITIZEN' AND actor_subject = motcua_citizen()
                   AND EXISTS (SELECT 1 FROM dossier d WHERE d.id = dossier_id AND d.filed_by = motcua_citizen()))`);
    await db.query(`DROP POLICY dossier_applicant_update_draft ON dossier_applicant`);
    await db.query(`CREATE POLICY dossier_applicant_update_draft ON dossier_applicant FOR UPDATE
       USING (EXISTS (SELECT 1 FROM dossier d WHERE d.id = dossier_id AND d.filed_by = motcua_citizen() AND d.submitted_at IS NULL))
       WITH CHECK (id_number = motcua_citizen() OR proxy_id_number = motcua_citizen() OR id_number = motcua_organisation())`);
    await db.query(`DROP POLICY dossier_applicant_insert_online ON dossier_applicant`);
    await db.query(`CREATE POLICY dossier_applicant_insert_online ON dossier_applicant FOR INSERT
       WITH CHECK (EXISTS (SELECT 1 FROM dossier d WHERE d.id = dossier_id AND d.filed_by = motcua_citizen() AND d.owner_path = dossier_applicant.owner_path)
                   AND (id_number = motcua_citizen() OR proxy_id_number = motcua_citizen() OR id_number = motcua_organisation()))`);
    await db.query(`DROP POLICY dossier_update_by_filer ON dossier`);
    await db.query(`CREATE POLICY dossier_update_by_filer ON dossier FOR UPDATE
       USING (filed_by = motcua_citizen())
       WITH CHECK (filed_by = motcua_citizen() AND status IN ('NEW', 'PROCESSING', 'WITHDRAWN'))`);
    await db.query(`DROP POLICY dossier_insert_online ON dossier`);
    await db.query(`CREATE POLICY dossier_insert_online ON dossier FOR INSERT
       WITH CHECK (filed_by = motcua_citizen() AND status = 'NEW' AND channel = 'ONLINE')`);
    await db.query(`DROP FUNCTION motcua_filers()`);
  }
}
