import { sqlMigration } from '../../../../shared/rls';

/**
 * Frozen. Officials act in their own name: each history row records the official signed in (as
 * the gateway confirmed with personnel), and a dossier the counter it was received at.
 */
export const ActingOfficials = sqlMigration(
  'DossiersActingOfficials1765300000000',
  [
    `ALTER TABLE dossier_event ADD COLUMN actor_official_id uuid`,
    `ALTER TABLE dossier ADD COLUMN receiving_counter_number integer`,
    `CREATE INDEX dossier_event_actor_official_idx ON dossier_event (actor_official_id) WHERE actor_official_id IS NOT NULL`,
  ],
  [`ALTER TABLE dossier DROP COLUMN receiving_counter_number`, `ALTER TABLE dossier_event DROP COLUMN actor_official_id`],
);
