import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A payment the platform settles when what it was for is no longer owed — the fees paid already
 * by another payment, an obligation confirmed at the desk or replaced — is money received that
 * must go back: REFUND_DUE, with its receipt number, rather than a second PAID.
 */
export class PaymentRefunds implements MigrationInterface {
  readonly name = 'DossiersPaymentRefunds1766300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE payment DROP CONSTRAINT payment_state_check`);
    await db.query(`ALTER TABLE payment ADD CONSTRAINT payment_state_check CHECK (state IN ('PENDING', 'PAID', 'FAILED', 'REFUND_DUE'))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`UPDATE payment SET state = 'PAID' WHERE state = 'REFUND_DUE' AND purpose = 'FINANCIAL_OBLIGATION'`);
    await db.query(`ALTER TABLE payment DROP CONSTRAINT payment_state_check`);
    await db.query(`ALTER TABLE payment ADD CONSTRAINT payment_state_check CHECK (state IN ('PENDING', 'PAID', 'FAILED'))`);
  }
}
