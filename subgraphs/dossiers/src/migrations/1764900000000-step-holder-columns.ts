import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Frozen. The unit holding a liên thông step may update the dossier (the update policy lets it),
 * but only the columns its actions write: moving the dossier on (status, step, clock, outcome)
 * and naming its handler. The applicant, the receiving desk, the code and the rest are the
 * receiving unit's. Checked for the application role; migrations and seeds run as the owner.
 */
export class StepHolderColumns implements MigrationInterface {
  readonly name = 'DossiersStepHolderColumns1764900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE FUNCTION dossier_step_holder_columns() RETURNS trigger LANGUAGE plpgsql AS $$
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
    await db.query(`CREATE TRIGGER dossier_step_holder_columns BEFORE UPDATE ON dossier FOR EACH ROW EXECUTE FUNCTION dossier_step_holder_columns()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER dossier_step_holder_columns ON dossier`);
    await db.query(`DROP FUNCTION dossier_step_holder_columns()`);
  }
}
