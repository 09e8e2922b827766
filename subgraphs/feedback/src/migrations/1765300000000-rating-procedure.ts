import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Frozen. A rating records the procedure and field of the dossier rated, so satisfaction is
 * grouped by them without asking the dossiers service for every rating. Ratings given before
 * carry neither (the dossiers live in another database) and count only in the other groupings.
 */
export class RatingProcedure implements MigrationInterface {
  readonly name = 'FeedbackRatingProcedure1765300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE rating ADD COLUMN procedure_id uuid, ADD COLUMN field_code text`);
    await db.query(`CREATE INDEX rating_procedure_idx ON rating (procedure_id, rated_at) WHERE procedure_id IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE rating DROP COLUMN field_code, DROP COLUMN procedure_id`);
  }
}
