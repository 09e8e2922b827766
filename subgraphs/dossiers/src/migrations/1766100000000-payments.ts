import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Online fees. A dossier keeps the fees (phí, lệ phí) of the procedure version it was filed under;
 * a `payment` asks the payment platform for the fees or for the financial obligation the unit
 * notified, and the platform's signed callback settles it once, with a receipt number. A payment
 * is shown to whoever is shown the dossier's applicant; the citizen creates it; only the dossier's
 * owner scope (the callback acts for it, once the platform's signature is checked) settles it.
 */
export class Payments implements MigrationInterface {
  readonly name = 'DossiersPayments1766100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE dossier ADD COLUMN catalogue_fee_vnd integer CHECK (catalogue_fee_vnd >= 0)`);
    await db.query(`CREATE TABLE payment (
       id uuid PRIMARY KEY,
       dossier_id uuid NOT NULL REFERENCES dossier (id),
       purpose text NOT NULL CHECK (purpose IN ('FEE', 'FINANCIAL_OBLIGATION')),
       amount_vnd integer NOT NULL CHECK (amount_vnd > 0),
       state text NOT NULL CHECK (state IN ('PENDING', 'PAID', 'FAILED')),
       provider text NOT NULL,
       provider_ref text,
       pay_url text,
       transaction_no text,
       receipt_number text UNIQUE,
       created_by text NOT NULL,
       created_at timestamptz NOT NULL,
       settled_at timestamptz,
       owner_path text NOT NULL)`);
    await db.query(`CREATE INDEX payment_dossier_idx ON payment (dossier_id, created_at)`);
    // A dossier's fees are paid once, however many callbacks come.
    await db.query(`CREATE UNIQUE INDEX payment_fee_paid_once ON payment (dossier_id) WHERE state = 'PAID' AND purpose = 'FEE'`);
    await db.query(`ALTER TABLE payment ENABLE ROW LEVEL SECURITY`);
    await db.query(`ALTER TABLE payment FORCE ROW LEVEL SECURITY`);
    await db.query(`CREATE POLICY payment_read ON payment FOR SELECT
       USING (EXISTS (SELECT 1 FROM dossier_applicant a WHERE a.dossier_id = payment.dossier_id))`);
    await db.query(`CREATE POLICY payment_insert ON payment FOR INSERT
       WITH CHECK (created_by = current_setting('motcua.subject', true) AND state = 'PENDING'
                   AND EXISTS (SELECT 1 FROM dossier_applicant a WHERE a.dossier_id = payment.dossier_id))`);
    await db.query(`CREATE POLICY payment_settle ON payment FOR UPDATE USING (motcua_in_scope(owner_path)) WITH CHECK (motcua_in_scope(owner_path))`);
    await db.query(`GRANT SELECT, INSERT ON payment TO motcua_app`);
    await db.query(`GRANT UPDATE (state, transaction_no, receipt_number, settled_at, provider_ref, pay_url) ON payment TO motcua_app`);
    // The owner a platform callback acts for, once its signature is checked: the id alone, nothing else of the payment.
    await db.query(`CREATE FUNCTION payment_owner(payment_id uuid) RETURNS text
       LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
         SELECT owner_path FROM payment WHERE id = payment_id
     $$`);
    await db.query(`REVOKE ALL ON FUNCTION payment_owner(uuid) FROM PUBLIC`);
    await db.query(`GRANT EXECUTE ON FUNCTION payment_owner(uuid) TO motcua_app`);
    // Biên lai: numbered in the order payments settle, with the year in front (BL-2026-000123).
    await db.query(`CREATE SEQUENCE payment_receipt_seq`);
    await db.query(`GRANT USAGE ON SEQUENCE payment_receipt_seq TO motcua_app`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP SEQUENCE payment_receipt_seq`);
    await db.query(`DROP FUNCTION payment_owner(uuid)`);
    await db.query(`DROP TABLE payment`);
    await db.query(`ALTER TABLE dossier DROP COLUMN catalogue_fee_vnd`);
  }
}
