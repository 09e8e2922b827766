import { sqlMigration } from '../../../../shared/rls';

/**
 * Frozen. Mã đánh giá: a secret printed in the receipt's QR code. A rating needs it beside the
 * dossier code, which is sequential and easy to guess. Dossiers received before get one too.
 */
export const RatingSecret = sqlMigration(
  'DossiersRatingSecret1764800000000',
  [`ALTER TABLE dossier ADD COLUMN rating_secret text NOT NULL DEFAULT substr(replace(gen_random_uuid()::text, '-', ''), 1, 16)`],
  [`ALTER TABLE dossier DROP COLUMN rating_secret`],
);
