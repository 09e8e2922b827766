import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { requireCitizen, type Caller } from '../../../../shared/caller';
import { inCallerScope } from '../../../../shared/db';
import { conflict, notFound } from '../../../../shared/errors';
import { vietnamDate } from '../../../../shared/scalars';
import { act } from '../lifecycle/actions';
import { MOVES } from '../lifecycle/moves';
import { applicantShown, dossierById } from '../store/dossiers';
import type { PaymentEntity, PaymentPurpose } from '../store/entities/payment.entity';
import { insertPayment, paymentForUpdate, paymentOwner, paymentsFor, settlePayment } from '../store/payments';
import type { PaymentProvider } from './provider';
import { type WorkingCalendar } from '../../../../shared/calendar';

/** What is owed for each purpose: the procedure's fees, or the financial obligation the unit notified (while it waits for payment). */
function amountOwed(
  dossier: { code: string; catalogueFeeVnd: number | null; status: string; feeOwedVnd: number | null },
  purpose: PaymentPurpose,
): number {
  if (purpose === 'FEE') {
    if (!dossier.catalogueFeeVnd) throw conflict(`Dossier ${dossier.code}'s procedure has no fees to pay.`, 'input.purpose');
    return dossier.catalogueFeeVnd;
  }
  if (dossier.status !== 'FINANCIAL_OBLIGATION' || !dossier.feeOwedVnd)
    throw conflict(`Dossier ${dossier.code} has no financial obligation waiting for payment.`, 'input.purpose');
  return dossier.feeOwedVnd;
}

/**
 * A citizen asks to pay online what their dossier owes: the payment is recorded, and the platform
 * gives the address where they pay. A payment still waiting for the same amount is given again
 * rather than a second one made; what is paid already is not asked again.
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
  // Fees are paid once; an obligation is owed only while the dossier waits for it (paying it moves the dossier on).
  if (purpose === 'FEE' && earlier.some((p) => p.state === 'PAID'))
    throw conflict(`Dossier ${dossier.code}'s fees are paid already.`, 'input.purpose');
  const waiting = earlier.find((p) => p.state === 'PENDING' && p.amountVnd === amountVnd);
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
 * back), and a paid financial obligation is confirmed (the dossier goes back to processing, with
 * a history row) in the same transaction as the receipt.
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
  const owner = /^[0-9a-f-]{36}$/i.test(outcome.paymentId) ? await paymentOwner(db, outcome.paymentId) : null;
  if (!owner) return refused(`No payment has id ${outcome.paymentId}.`);
  const platform: Caller = { sub: `payment-platform:${provider!.name}`, role: 'ADMIN', unit: owner };
  return inCallerScope(db, platform, async (manager) => {
    const payment = (await paymentForUpdate(manager, outcome.paymentId))!;
    if (payment.state === 'PAID' || (payment.state === 'FAILED' && !outcome.paid))
      return { accepted: true, signed: true, reason: null, paymentId: payment.id };
    if (outcome.amountVnd !== payment.amountVnd)
      return refused(`Payment ${payment.id} asked for ${payment.amountVnd} đồng; the platform reports ${outcome.amountVnd}.`);
    await settlePayment(manager, payment.id, outcome, now, vietnamDate(now).slice(0, 4));
    if (outcome.paid && payment.purpose === 'FINANCIAL_OBLIGATION') await confirmObligation(manager, platform, payment, now, await calendar());
    return { accepted: true, signed: true, reason: null, paymentId: payment.id };
  });
}

/** Đã hoàn thành nghĩa vụ tài chính, on the platform's word: as an official would confirm it, if the dossier still waits for it. */
async function confirmObligation(manager: EntityManager, platform: Caller, payment: PaymentEntity, now: Date, calendar: WorkingCalendar) {
  const dossier = await dossierById(manager, payment.dossierId);
  if (dossier?.status !== 'FINANCIAL_OBLIGATION') return;
  await act(
    manager,
    platform,
    payment.dossierId,
    'confirmFinancialObligation',
    (situation) => MOVES.confirmFinancialObligation(situation, {}, calendar),
    now,
  );
}
