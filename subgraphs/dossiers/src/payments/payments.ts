import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { WorkingCalendar } from '../../../../shared/calendar';
import { requireCitizen, type Caller } from '../../../../shared/caller';
import { inCallerScope } from '../../../../shared/db';
import { conflict, notFound } from '../../../../shared/errors';
import { isUuid } from '../../../../shared/ids';
import { vietnamDate } from '../../../../shared/scalars';
import { act } from '../lifecycle/actions';
import { MOVES } from '../lifecycle/moves';
import { applicantShown, dossierById } from '../store/dossiers';
import type { PaymentEntity, PaymentPurpose } from '../store/entities/payment.entity';
import { insertPayment, lastObligationRequestedAt, paymentForUpdate, paymentOwner, paymentsFor, settlePayment } from '../store/payments';
import type { PaymentProvider } from './provider';

/** Ended without being processed: nothing is owed for it any more. */
const ENDED_UNPROCESSED = new Set(['NOT_RECEIVED', 'WITHDRAWN', 'STOPPED']);

/** What is owed for each purpose: the procedure's fees, or the financial obligation the unit notified (while it waits for payment). */
function amountOwed(
  dossier: { code: string; catalogueFeeVnd: number | null; status: string; feeOwedVnd: number | null },
  purpose: PaymentPurpose,
): number {
  if (purpose === 'FEE') {
    if (ENDED_UNPROCESSED.has(dossier.status))
      throw conflict(`Dossier ${dossier.code} has ended (${dossier.status}); nothing is owed for it.`, 'input.purpose');
    if (!dossier.catalogueFeeVnd) throw conflict(`Dossier ${dossier.code}'s procedure has no fees to pay.`, 'input.purpose');
    return dossier.catalogueFeeVnd;
  }
  if (dossier.status !== 'FINANCIAL_OBLIGATION' || !dossier.feeOwedVnd)
    throw conflict(`Dossier ${dossier.code} has no financial obligation waiting for payment.`, 'input.purpose');
  return dossier.feeOwedVnd;
}

/**
 * A citizen asks to pay online what their dossier owes: the payment is recorded, and the platform
 * gives the address where they pay. A payment still waiting for the same thing (the fees, or the
 * obligation as last notified) is given again rather than a second one made; paid fees are not
 * asked again.
 */
export async function requestPayment(
  manager: EntityManager,
  caller: Caller,
  provider: PaymentProvider | null,
  dossierId: string,
  purpose: PaymentPurpose,
  now: Date,
): Promise<string> {
  requireCitizen(caller);
  const dossier = await dossierById(manager, dossierId);
  // Yours: you filed it, or it names you as applicant (the database shows you the applicant only then).
  if (!dossier || !(await applicantShown(manager, dossierId)))
    throw notFound(`No dossier has id ${dossierId}, or it is not yours.`, 'input.dossierId');
  if (!provider) throw conflict('This province offers no online payment yet; pay at the one-stop desk.', 'input.purpose');
  const amountVnd = amountOwed(dossier, purpose);
  const earlier = await paymentsFor(manager, dossierId, purpose);
  if (purpose === 'FEE' && earlier.some((p) => p.state === 'PAID'))
    throw conflict(`Dossier ${dossier.code}'s fees are paid already.`, 'input.purpose');
  const since = purpose === 'FINANCIAL_OBLIGATION' ? await lastObligationRequestedAt(manager, dossierId) : null;
  const waiting = earlier.find((p) => p.state === 'PENDING' && p.amountVnd === amountVnd && (!since || p.createdAt >= since));
  if (waiting) return waiting.id;
  const id = randomUUID();
  await insertPayment(manager, {
    id,
    dossierId,
    purpose,
    amountVnd,
    state: 'PENDING',
    provider: provider.name,
    providerRef: null,
    payUrl: provider.payUrl({ id, amountVnd }),
    transactionNo: null,
    receiptNumber: null,
    createdBy: caller.sub ?? '',
    createdAt: now,
    settledAt: null,
    ownerPath: dossier.ownerPath,
  });
  return id;
}

/**
 * Whether what a payment was for is still owed when its money arrives: the fees, unless another
 * payment paid them; the obligation it was asked for, unless it was confirmed at the desk or
 * replaced by a later one. Money that arrives for nothing owed is to be refunded (REFUND_DUE).
 */
async function stillOwed(manager: EntityManager, payment: PaymentEntity): Promise<boolean> {
  if (payment.purpose === 'FEE')
    return !(await paymentsFor(manager, payment.dossierId, 'FEE')).some((p) => p.id !== payment.id && p.state === 'PAID');
  const dossier = await dossierById(manager, payment.dossierId);
  const since = await lastObligationRequestedAt(manager, payment.dossierId);
  return dossier?.status === 'FINANCIAL_OBLIGATION' && dossier.feeOwedVnd === payment.amountVnd && !!since && payment.createdAt >= since;
}

export interface CallbackAnswer {
  accepted: boolean;
  signed: boolean;
  reason: string | null;
  paymentId: string | null;
}

const refused = (reason: string, signed = true): CallbackAnswer => ({ accepted: false, signed, reason, paymentId: null });

/**
 * The platform's callback. Its signature is checked first; then it acts for the payment's unit,
 * once: a payment settled already is answered as it is (the platform calls again until it hears
 * back). Money received for what is still owed pays it — a financial obligation is confirmed,
 * with its history row, in the same transaction as the receipt —; money received for what is no
 * longer owed is recorded, with its receipt, as to be refunded.
 */
export async function recordCallback(
  db: EntityManager,
  provider: PaymentProvider | null,
  body: string,
  signature: string,
  now: Date,
  calendar: () => Promise<WorkingCalendar>,
): Promise<CallbackAnswer> {
  const outcome = provider?.verify(body, signature);
  if (!outcome) return refused("The signature is not the payment platform's, or the body is not a payment result.", false);
  const owner = isUuid(outcome.paymentId) ? await paymentOwner(db, outcome.paymentId) : null;
  if (!owner) return refused(`No payment has id ${outcome.paymentId.slice(0, 60)}.`);
  const platform: Caller = { sub: `payment-platform:${provider!.name}`, role: 'ADMIN', unit: owner };
  return inCallerScope(db, platform, async (manager) => {
    const payment = (await paymentForUpdate(manager, outcome.paymentId))!;
    const answered = { accepted: true, signed: true, reason: null, paymentId: payment.id };
    // Settled already (money received, or given up and given up again): the platform hears 200 and nothing changes.
    if (payment.state === 'PAID' || payment.state === 'REFUND_DUE' || (payment.state === 'FAILED' && !outcome.paid)) return answered;
    if (outcome.amountVnd !== payment.amountVnd)
      return refused(`Payment ${payment.id} asked for ${payment.amountVnd} đồng; the platform reports ${outcome.amountVnd}.`);
    const year = vietnamDate(now).slice(0, 4);
    if (!outcome.paid) {
      await settlePayment(manager, payment.id, 'FAILED', outcome.transactionNo, now, year);
      return answered;
    }
    const owed = await stillOwed(manager, payment);
    await settlePayment(manager, payment.id, owed ? 'PAID' : 'REFUND_DUE', outcome.transactionNo, now, year);
    if (owed && payment.purpose === 'FINANCIAL_OBLIGATION') {
      // Đã hoàn thành nghĩa vụ tài chính, on the platform's word: as an official would confirm it.
      const working = await calendar();
      await act(manager, platform, payment.dossierId, 'confirmFinancialObligation', (s) => MOVES.confirmFinancialObligation(s, {}, working), now);
    }
    return answered;
  });
}
