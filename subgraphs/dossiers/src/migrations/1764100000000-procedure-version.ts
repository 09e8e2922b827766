import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A dossier keeps the procedure version and case it was received under, so a later amendment
 * (a shorter time limit, other documents) never changes what applied to it. Null only on
 * dossiers received before versions were recorded.
 */
export class PinProcedureVersion implements MigrationInterface {
  readonly name = 'DossiersPinProcedureVersion1764100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE dossier ADD COLUMN procedure_version_id uuid`);
    await db.query(`ALTER TABLE dossier ADD COLUMN case_variant_id uuid`);
    await db.query(`CREATE INDEX dossier_procedure_version_idx ON dossier (procedure_version_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE dossier DROP COLUMN case_variant_id`);
    await db.query(`ALTER TABLE dossier DROP COLUMN procedure_version_id`);
  }
}
