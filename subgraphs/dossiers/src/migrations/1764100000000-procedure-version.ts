import { sqlMigration } from '../../../../shared/rls';

/**
 * A dossier keeps the procedure version and case it was received under, so a later amendment
 * (a shorter time limit, other documents) never changes what applied to it. Null only on
 * dossiers received before versions were recorded.
 */
export const PinProcedureVersion = sqlMigration(
  'DossiersPinProcedureVersion1764100000000',
  [
    `ALTER TABLE dossier ADD COLUMN procedure_version_id uuid`,
    `ALTER TABLE dossier ADD COLUMN case_variant_id uuid`,
    `CREATE INDEX dossier_procedure_version_idx ON dossier (procedure_version_id)`,
  ],
  [`ALTER TABLE dossier DROP COLUMN case_variant_id`, `ALTER TABLE dossier DROP COLUMN procedure_version_id`],
);
