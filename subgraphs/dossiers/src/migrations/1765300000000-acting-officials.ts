import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Frozen. Officials act in their own name: each history row records the official signed in (as
 * the gateway confirmed with personnel), and a dossier the counter it was received at.
 */
export class ActingOfficials implements MigrationInterface {
  readonly name = 'DossiersActingOfficials1765300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE dossier_event ADD COLUMN actor_official_id uuid`);
    await db.query(`ALTER TABLE dossier ADD COLUMN receiving_counter_number integer`);
    await db.query(`CREATE INDEX dossier_event_actor_official_idx ON dossier_event (actor_official_id) WHERE actor_official_id IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE dossier DROP COLUMN receiving_counter_number`);
    await db.query(`ALTER TABLE dossier_event DROP COLUMN actor_official_id`);
  }
}
