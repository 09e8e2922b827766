import type { EntityManager } from 'typeorm';
import { PaymentEntity, type PaymentPurpose, type PaymentState } from './entities/payment.entity';

export async function insertPayment(db: EntityManager, payment: PaymentEntity): Promise<void> {
  await db.insert(PaymentEntity, payment);
}

/** A dossier's payments for one purpose the caller may see, newest first. */
export function paymentsFor(db: EntityManager, dossierId: string, purpose: PaymentPurpose): Promise<PaymentEntity[]> {
  return db.find(PaymentEntity, { where: { dossierId, purpose }, order: { createdAt: 'DESC' } });
}

/** The unit a payment belongs to, whoever asks (a definer function): a platform callback acts for it once its signature is checked. */
export async function paymentOwner(db: EntityManager, paymentId: string): Promise<string | null> {
  const [row]: { owner: string | null }[] = await db.query(`SELECT payment_owner($1) AS owner`, [paymentId]);
  return row.owner;
}

/** The payment, locked until the transaction ends: of two callbacks at once, the second sees what the first settled. */
export function paymentForUpdate(db: EntityManager, id: string): Promise<PaymentEntity | null> {
  return db.createQueryBuilder(PaymentEntity, 'p').where('p.id = :id', { id }).setLock('pessimistic_write').getOne();
}

/** Settles a payment; money received (paid, or to refund) gets the next receipt number, with the year (Biên lai BL-2026-000123). */
export async function settlePayment(
  db: EntityManager,
  id: string,
  state: Exclude<PaymentState, 'PENDING'>,
  transactionNo: string,
  at: Date,
  year: string,
): Promise<void> {
  await db.query(
    `UPDATE payment SET state = $2, transaction_no = $3, settled_at = $4,
            receipt_number = CASE WHEN $2 <> 'FAILED' THEN 'BL-' || $5 || '-' || lpad(nextval('payment_receipt_seq')::text, 6, '0') END
      WHERE id = $1`,
    [id, state, transactionNo, at, year],
  );
}

/** When the dossier's open financial obligation was asked for: the latest request (null if none was). */
export async function lastObligationRequestedAt(db: EntityManager, dossierId: string): Promise<Date | null> {
  const [row]: { at: Date | null }[] = await db.query(
    `SELECT max(at) AS at FROM dossier_event WHERE dossier_id = $1 AND action = 'requestFinancialObligation'`,
    [dossierId],
  );
  return row.at;
}

export function paymentsOfDossiers(db: EntityManager, dossierIds: string[]): Promise<PaymentEntity[]> {
  return db
    .createQueryBuilder(PaymentEntity, 'p')
    .where('p.dossier_id = ANY(:ids)', { ids: dossierIds })
    .orderBy('p.created_at', 'ASC')
    .addOrderBy('p.id', 'ASC')
    .getMany();
}
