import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Frozen. Mã đánh giá: a secret printed in the receipt's QR code. A rating needs it beside the
 * dossier code, which is sequential and easy to guess. Dossiers received before get one too.
 */
export class RatingSecret implements MigrationInterface {
  readonly name = 'DossiersRatingSecret1764800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE dossier ADD COLUMN rating_secret text NOT NULL DEFAULT substr(replace(gen_random_uuid()::text, '-', ''), 1, 16)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE dossier DROP COLUMN rating_secret`);
  }
}
