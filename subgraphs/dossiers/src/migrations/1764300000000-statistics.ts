import { sqlMigration } from '../../../../shared/rls';

/**
 * Statistics by field read the field from the dossier (the procedure version's field at
 * reception), and every statistic starts from a unit's subtree and a period.
 */
export const Statistics = sqlMigration(
  'DossiersStatistics1764300000000',
  [
    `ALTER TABLE dossier ADD COLUMN field_code text`,
    `CREATE INDEX dossier_owner_received_idx ON dossier (owner_path text_pattern_ops, received_at)`,
  ],
  [`DROP INDEX dossier_owner_received_idx`, `ALTER TABLE dossier DROP COLUMN field_code`],
);
