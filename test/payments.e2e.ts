import { bodySignature } from '../shared/body-signature';
import { config } from '../shared/config';
import { vietnamDate } from '../shared/scalars';
import { TEST_CLOCK } from './support/clock';
import { startTestStack, type TestStack } from './support/stack';

const RECEIVE = `mutation ($input: ReceiveDossierInput!) { receiveDossier(input: $input) { dossier { id code catalogueFeeVnd } } }`;
const PAY = `mutation ($input: RequestPaymentInput!) { requestPayment(input: $input) { payment {
  id purpose amountVnd state provider sandbox payUrl receiptNumber dossier { code } } } }`;
const DOSSIER = `query ($id: ID!) { dossier(id: $id) { status feeOwedVnd feePaidVnd
  payments { id purpose amountVnd state receiptNumber transactionNo settledAt }
  history { action } } }`;
const act = (name: string, input = 'DossierActionInput') => `mutation ($input: ${input}!) { ${name}(input: $input) { dossier { status } } }`;

const CITIZEN = '027190001111';
const COMMUNE = '27.259.09238';

describe('online fees through the payment platform (its sandbox here), settled once by its signed callback', () => {
  let stack: TestStack;
  let desk: string;
  let citizen: string;
  let callbackUrl: string;
  let request = 0;
  let before: { receivedWithFees: number; receivedPaidOnline: number };
  const today = vietnamDate(TEST_CLOCK.now());
  const share = async () =>
    (
      await stack.gql(
        `query ($from: Date!, $to: Date!) { unit(code: "09238") { digitisation(from: $from, to: $to) {
      receivedWithFees receivedPaidOnline onlinePaymentShare } } }`,
        { from: today, to: today },
        desk,
      )
    ).data.unit.digitisation;
  beforeAll(async () => {
    stack = await startTestStack({ dossiers: 20 });
    desk = await stack.token({ role: 'OFFICIAL', unit: COMMUNE });
    citizen = await stack.token({ role: 'CITIZEN', sub: CITIZEN });
    callbackUrl = stack.gatewayUrl.replace(/\/graphql$/, '/payments/callback');
    before = await share();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  /** Cấp bản sao trích lục hộ tịch: a commune procedure whose fee is 8 000 đồng. */
  const copyOfRecord = () => stack.demo.procedures.find((p) => p.code === '2.000635')!;
  const receive = async () => {
    const version = stack.demo.procedureVersions.find((v) => v.procedureId === copyOfRecord().id)!;
    const { data, errors } = await stack.gql(
      RECEIVE,
      {
        input: {
          clientRequestId: `receive-${++request}`,
          receivingUnitCode: '09238-MC',
          procedureId: copyOfRecord().id,
          channel: 'IN_PERSON',
          applicant: { kind: 'PERSON', name: 'Đỗ Thị Quỳnh', idNumber: CITIZEN },
          documents: version.documents.map(({ name, originals, copies }) => ({ name, originals, copies })),
        },
      },
      desk,
    );
    expect(errors).toBeUndefined();
    return data.receiveDossier.dossier as { id: string; code: string; catalogueFeeVnd: number };
  };
  const pay = (dossierId: string, purpose: string, token = citizen) =>
    stack.gql(PAY, { input: { clientRequestId: `pay-${++request}`, dossierId, purpose } }, token);
  /** What the platform sends when the citizen has paid (or not), signed with `secret`. */
  const callback = (payment: { id: string; amountVnd: number }, secret = config.payments.sandboxSecret, status = 'SUCCESS') => {
    const body = JSON.stringify({ paymentId: payment.id, amountVnd: payment.amountVnd, status, transactionNo: `PAYGOV-${payment.id.slice(0, 8)}` });
    return fetch(callbackUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-payment-signature': bodySignature(secret, body) },
      body,
    });
  };
  const dossier = async (id: string) => (await stack.gql(DOSSIER, { id }, desk)).data.dossier;

  it("pays the procedure's fees: a forged callback is refused, a genuine one settles the payment once, with a receipt", async () => {
    const received = await receive();
    expect(received.catalogueFeeVnd).toBe(8000);
    const asked = await pay(received.id, 'FEE');
    expect(asked.errors).toBeUndefined();
    const payment = asked.data.requestPayment.payment;
    expect(payment).toMatchObject({ purpose: 'FEE', amountVnd: 8000, state: 'PENDING', provider: 'sandbox', sandbox: true, receiptNumber: null });
    expect(payment.payUrl).toContain('/payments/sandbox?payment=');
    // Asking again gives the same waiting payment, not a second one.
    expect((await pay(received.id, 'FEE')).data.requestPayment.payment.id).toBe(payment.id);

    // Forged: signed with another secret, or not signed, or tampered after signing.
    const forged = await callback(payment, 'not-the-platform-secret');
    expect(forged.status).toBe(401);
    expect(((await forged.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const unsigned = await fetch(callbackUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(unsigned.status).toBe(401);
    // Signed, but for another amount than asked.
    expect((await callback({ ...payment, amountVnd: 1 })).status).toBe(400);
    expect((await dossier(received.id)).payments).toMatchObject([{ id: payment.id, state: 'PENDING', receiptNumber: null }]);

    // Genuine, and repeated (the platform calls back until it hears 200): settled once.
    const [first, second] = await Promise.all([callback(payment), callback(payment)]);
    expect([first.status, second.status]).toEqual([200, 200]);
    const third = await callback(payment);
    expect(third.status).toBe(200);
    const settled = (await dossier(received.id)).payments;
    expect(settled).toHaveLength(1);
    expect(settled[0]).toMatchObject({ state: 'PAID', transactionNo: `PAYGOV-${payment.id.slice(0, 8)}` });
    expect(settled[0].receiptNumber).toMatch(/^BL-\d{4}-\d{6}$/);
    // Paid fees are not asked again.
    expect((await pay(received.id, 'FEE')).errors![0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.purpose' });
    const rows = await stack.ownerQuery('dossiers', `SELECT count(*)::int AS n FROM payment WHERE dossier_id = $1 AND state = 'PAID'`, [received.id]);
    expect(rows.rows[0].n).toBe(1);
  });

  it('pays a financial obligation: the genuine callback confirms it once, even when it comes twice', async () => {
    const received = await receive();
    const go = (name: string, extra: Record<string, unknown> = {}, input?: string) =>
      stack.gql(act(name, input), { input: { clientRequestId: `${name}-${++request}`, dossierId: received.id, ...extra } }, desk);
    await go('transferDossier');
    expect((await pay(received.id, 'FINANCIAL_OBLIGATION')).errors![0].extensions!.code).toBe('CONFLICT'); // nothing owed yet
    const leader = await stack.token({ role: 'LEADER', unit: COMMUNE });
    const asked = await stack.gql(
      act('requestFinancialObligation', 'FinancialObligationInput'),
      { input: { clientRequestId: `fo-${++request}`, dossierId: received.id, amountVnd: 150000 } },
      leader,
    );
    expect(asked.data.requestFinancialObligation.dossier.status).toBe('FINANCIAL_OBLIGATION');
    const payment = (await pay(received.id, 'FINANCIAL_OBLIGATION')).data.requestPayment.payment;
    expect(payment).toMatchObject({ amountVnd: 150000, state: 'PENDING' });

    // Another citizen may neither pay it nor see its payments.
    const other = await stack.token({ role: 'CITIZEN', sub: '027190002222' });
    expect((await pay(received.id, 'FINANCIAL_OBLIGATION', other)).errors![0].extensions!.code).toBe('NOT_FOUND');
    expect((await stack.gql(DOSSIER, { id: received.id }, other)).data.dossier).toBeNull();

    expect((await callback(payment, 'forged')).status).toBe(401);
    expect((await dossier(received.id)).status).toBe('FINANCIAL_OBLIGATION');
    const statuses = (await Promise.all([callback(payment), callback(payment)])).map((r) => r.status);
    expect(statuses).toEqual([200, 200]);
    const after = await dossier(received.id);
    expect(after).toMatchObject({ status: 'PROCESSING', feeOwedVnd: 150000, feePaidVnd: 150000 });
    expect(after.history.filter((e: { action: string }) => e.action === 'CONFIRM_FINANCIAL_OBLIGATION')).toHaveLength(1);
    expect(after.payments.find((p: { id: string }) => p.id === payment.id)).toMatchObject({ state: 'PAID' });
  });

  it('serves the sandbox pay page, marked SANDBOX, whose button calls back as the platform does', async () => {
    const received = await receive();
    const payment = (await pay(received.id, 'FEE')).data.requestPayment.payment;
    const page = await fetch(payment.payUrl.replace(/^http:\/\/localhost:\d+/, stack.gatewayUrl.replace(/\/graphql$/, '')));
    const html = await page.text();
    expect(html).toContain('SANDBOX — môi trường thử, không có tiền thật được chuyển.');
    expect(html).toContain('8.000 đồng');
    const result = await fetch(stack.gatewayUrl.replace(/\/graphql$/, '/payments/sandbox/result'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ payment: payment.id, amount: '8000', status: 'SUCCESS' }).toString(),
    });
    expect(result.status).toBe(200);
    expect(await result.text()).toContain('Đã thanh toán (thử).');
    expect((await dossier(received.id)).payments[0]).toMatchObject({ state: 'PAID' });
  });

  it('records money paid for what is no longer owed as to be refunded, and never confirms another obligation with it', async () => {
    const received = await receive();
    const leader = await stack.token({ role: 'LEADER', unit: COMMUNE });
    const go = (name: string, token: string, extra: Record<string, unknown> = {}, input?: string) =>
      stack.gql(act(name, input), { input: { clientRequestId: `${name}-${++request}`, dossierId: received.id, ...extra } }, token);
    await go('transferDossier', desk);
    await go('requestFinancialObligation', leader, { amountVnd: 50000 }, 'FinancialObligationInput');
    const stale = (await pay(received.id, 'FINANCIAL_OBLIGATION')).data.requestPayment.payment;
    // Paid in cash at the desk, then a larger obligation notified: the old link is for nothing owed now.
    await go('confirmFinancialObligation', desk);
    await go('requestFinancialObligation', leader, { amountVnd: 5000000 }, 'FinancialObligationInput');
    expect((await callback(stale)).status).toBe(200);
    const after = await dossier(received.id);
    expect(after.status).toBe('FINANCIAL_OBLIGATION');
    expect(after.history.filter((e: { action: string }) => e.action === 'CONFIRM_FINANCIAL_OBLIGATION')).toHaveLength(1); // the desk's only
    expect(after.payments.find((p: { id: string }) => p.id === stale.id)).toMatchObject({
      state: 'REFUND_DUE',
      receiptNumber: expect.stringMatching(/^BL-/),
    });
    // Asked again now, it is a new payment for the new amount, not the stale link.
    const fresh = (await pay(received.id, 'FINANCIAL_OBLIGATION')).data.requestPayment.payment;
    expect(fresh).toMatchObject({ amountVnd: 5000000, state: 'PENDING' });
    expect(fresh.id).not.toBe(stale.id);

    // Fees: the platform first said one payment failed, another was paid, then it says the first succeeded after all.
    const first = (await pay(received.id, 'FEE')).data.requestPayment.payment;
    expect((await callback(first, undefined, 'FAILED')).status).toBe(200);
    const second = (await pay(received.id, 'FEE')).data.requestPayment.payment;
    expect(second.id).not.toBe(first.id);
    expect((await callback(second)).status).toBe(200);
    expect((await callback(first)).status).toBe(200);
    const fees = (await dossier(received.id)).payments.filter((p: { purpose: string }) => p.purpose === 'FEE');
    expect(fees.map((p: { id: string; state: string }) => [p.id, p.state])).toEqual([
      [first.id, 'REFUND_DUE'],
      [second.id, 'PAID'],
    ]);
  });

  it('refuses fees for a dossier that ended unprocessed, and a callback naming no payment (400, never a 500)', async () => {
    const received = await receive();
    await stack.gql(
      act('withdrawDossier'),
      { input: { clientRequestId: `w-${++request}`, dossierId: received.id, reason: 'Công dân rút hồ sơ' } },
      desk,
    );
    expect((await pay(received.id, 'FEE')).errors![0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.purpose' });
    for (const id of ['------------------------------------', 'not-a-payment', '00000000-0000-4000-8000-000000000000'])
      expect((await callback({ id, amountVnd: 8000 })).status).toBe(400);
  });

  it("counts Decision 766's online-payment share: the day's dossiers with something to pay, and of those paid online", async () => {
    await receive(); // fees owed, not paid
    const after = await share();
    // Three dossiers above were paid online (fees twice, an obligation once), one more later (its fees), two were not (the withdrawn one, this one).
    expect(after.receivedWithFees - before.receivedWithFees).toBe(6);
    expect(after.receivedPaidOnline - before.receivedPaidOnline).toBe(4);
    expect(after.onlinePaymentShare).toBe(Math.round((after.receivedPaidOnline / after.receivedWithFees) * 10000) / 100);
  });
});
