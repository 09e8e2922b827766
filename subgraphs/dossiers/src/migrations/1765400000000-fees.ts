import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Frozen. Nghĩa vụ tài chính: the fee owed and the fee paid are the dossier's own fields, not
 * only inside a history row's JSON; dossiers asked to pay before take the amount their history
 * recorded.
 */
export class Fees implements MigrationInterface {
  readonly name = 'DossiersFees1765400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE dossier ADD COLUMN fee_owed_vnd integer CHECK (fee_owed_vnd >= 0), ADD COLUMN fee_paid_vnd integer CHECK (fee_paid_vnd >= 0)`);
    // Row security is forced on the owner too: lifted for the owner's own backfill, then forced again.
    await db.query(`ALTER TABLE dossier NO FORCE ROW LEVEL SECURITY`);
    await db.query(`UPDATE dossier d SET fee_owed_vnd = (SELECT (e.details->>'amountVnd')::int FROM dossier_event e
        WHERE e.dossier_id = d.id AND e.action = 'requestFinancialObligation' ORDER BY e.id DESC LIMIT 1)
      WHERE EXISTS (SELECT 1 FROM dossier_event e WHERE e.dossier_id = d.id AND e.action = 'requestFinancialObligation')`);
    await db.query(`UPDATE dossier d SET fee_paid_vnd = fee_owed_vnd
      WHERE EXISTS (SELECT 1 FROM dossier_event e WHERE e.dossier_id = d.id AND e.action = 'confirmFinancialObligation')`);
    await db.query(`ALTER TABLE dossier FORCE ROW LEVEL SECURITY`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE dossier DROP COLUMN fee_paid_vnd, DROP COLUMN fee_owed_vnd`);
  }
}
