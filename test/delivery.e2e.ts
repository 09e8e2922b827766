import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { startMailbox, startPortalReceiver, startWorkerProcess } from './support/delivery';
import { eventually } from './support/expect';
import { startTestStack, type TestStack } from './support/stack';

const RECEIVE = `mutation ($input: ReceiveDossierInput!) { receiveDossier(input: $input) { dossier { id code status } } }`;
const act = (name: string, input = 'DossierActionInput') => `mutation ($input: ${input}!) { ${name}(input: $input) { dossier { id status } } }`;
const DELIVERIES = `query ($id: ID!) { dossier(id: $id) {
  history { toStatus fromStatus }
  deliveries { id action channel recipient subject body state attempts lastError }
  portalSync { state sent pending failure failedDelivery { id } } } }`;
const FAILED = `query ($channel: DeliveryChannel) { failedDeliveries(channel: $channel) { totalCount nodes { id channel lastError dossier { code } } } }`;
const RETRY = `mutation ($input: RetryDeliveryInput!) { retryDelivery(input: $input) { delivery { id state retryRequested } } }`;
const PREFERENCES = `mutation ($input: NotificationPreferencesInput!) { setMyNotificationPreferences(input: $input) {
  preferences { email phone byEmail bySms byZalo } } }`;

const SECRET = 'a-test-secret-the-portal-and-the-province-share-0123456789';
const COMMUNE = '27.259.09238';
const DESK = '09238-MC';

describe('the outbox: notices by email, SMS and Zalo, and statuses to the national portal, from a worker of its own', () => {
  let stack: TestStack;
  let mailbox: Awaited<ReturnType<typeof startMailbox>>;
  let portal: Awaited<ReturnType<typeof startPortalReceiver>>;
  let worker: ChildProcess | null = null;
  let commune: string;
  let district: string;
  let districtLeader: string;

  const startWorker = () => {
    worker = startWorkerProcess({
      DELIVERY_DATABASE_URL: stack.ownerUrls.dossiers,
      SMTP_URL: mailbox.url,
      MAIL_FROM: 'Bộ phận Một cửa xã Tam Sơn <motcua@tamson.bacninh.gov.vn>',
      SMS_PROVIDER: 'log',
      ZALO_PROVIDER: 'log',
      NATIONAL_PORTAL_URL: portal.url,
      NATIONAL_PORTAL_SECRET: SECRET,
      DELIVERY_EXPIRE_SECONDS: '2',
      DELIVERY_RETRY_LIMIT: '1',
      DELIVERY_RETRY_DELAY_SECONDS: '1',
    });
  };
  const killWorker = async () => {
    if (!worker || worker.exitCode !== null) return;
    const exited = once(worker, 'exit');
    worker.kill('SIGKILL');
    await exited;
    worker = null;
  };

  beforeAll(async () => {
    [stack, mailbox] = await Promise.all([startTestStack({ dossiers: 20 }), startMailbox()]);
    portal = await startPortalReceiver(SECRET);
    commune = await stack.token({ role: 'OFFICIAL', unit: COMMUNE });
    district = await stack.token({ role: 'OFFICIAL', unit: '27.259' });
    districtLeader = await stack.token({ role: 'LEADER', unit: '27.259' });
    startWorker();
  });
  afterAll(async () => {
    await killWorker();
    await Promise.all([stack?.stop(), mailbox?.close(), portal?.close()]);
  });

  const welfare = () => stack.demo.procedures.find((p) => p.code === '1.001776')!;
  const documents = () =>
    stack.demo.procedureVersions
      .find((v) => v.procedureId === welfare().id)!
      .documents.map(({ name, originals, copies }) => ({ name, originals, copies }));
  let request = 0;
  const receive = async (applicant: Record<string, unknown>) => {
    const { data, errors } = await stack.gql(
      RECEIVE,
      {
        input: {
          clientRequestId: `receive-${++request}`,
          receivingUnitCode: DESK,
          procedureId: welfare().id,
          channel: 'IN_PERSON',
          applicant: { kind: 'PERSON', ...applicant },
          documents: documents(),
        },
      },
      commune,
    );
    expect(errors).toBeUndefined();
    return data.receiveDossier.dossier as { id: string; code: string };
  };
  const go = async (name: string, dossierId: string, token: string, extra: Record<string, unknown> = {}, input?: string) => {
    const { data, errors } = await stack.gql(act(name, input), { input: { clientRequestId: `${name}-${++request}`, dossierId, ...extra } }, token);
    expect(errors).toBeUndefined();
    return data[name].dossier;
  };
  const deliveries = async (id: string, token = commune) => (await stack.gql(DELIVERIES, { id }, token)).data.dossier;
  const mailsTo = (address: string) => mailbox.mails.filter((m) => m.to === address);
  const portalCodes = (code: string) =>
    portal
      .statuses()
      .filter((s) => s.dossierCode === code)
      .map((s) => s.statusCode);

  it("tells the applicant of reception, the supplement asked for and the result, and sends each status to the portal in the dossier's order", async () => {
    const email = 'hang.nguyen@example.vn';
    const dossier = await receive({ name: 'Nguyễn Thị Hằng', idNumber: '027185001234', phone: '0912 345 678', email });
    await eventually('the reception email', () => mailsTo(email).length === 1);
    await go('requestSupplement', dossier.id, commune, { missingItems: ['Giấy xác nhận khuyết tật (bản sao)'] }, 'RequestSupplementInput');
    await eventually('the supplement email', () => mailsTo(email).length === 2);
    await go('receiveSupplement', dossier.id, commune, { handedIn: ['Giấy xác nhận khuyết tật (bản sao)'] }, 'ReceiveSupplementInput');
    await go('completeDossierStep', dossier.id, commune);
    await go('completeDossierStep', dossier.id, district);
    await go('resolveDossier', dossier.id, districtLeader, { outcome: 'APPROVED' }, 'ResolveDossierInput');
    await go('returnDossierResult', dossier.id, commune, { method: 'IN_PERSON' }, 'ReturnResultInput');

    // The mails, in order: reception (with the appointment), supplement (listing what is missing), result.
    await eventually('the result email', () => mailsTo(email).length === 3);
    const [reception, supplement, result] = mailsTo(email);
    expect(reception.subject).toBe(`Hồ sơ ${dossier.code} đã được tiếp nhận`);
    expect(reception.text).toContain('Kính gửi ông/bà Nguyễn Thị Hằng,');
    expect(reception.text).toMatch(/Ngày hẹn trả kết quả: \d\d\/\d\d\/\d{4} \d\d:\d\d/);
    expect(supplement.subject).toBe(`Hồ sơ ${dossier.code} cần bổ sung`);
    expect(supplement.text).toContain('  - Giấy xác nhận khuyết tật (bản sao)');
    expect(result.subject).toBe(`Hồ sơ ${dossier.code} đã có kết quả`);
    expect(result.text).toContain(`Mã hồ sơ: ${dossier.code}`);
    // Each mail carries its delivery's id, the same on any retry.
    expect(new Set(mailsTo(email).map((m) => m.messageId)).size).toBe(3);

    // The portal got every status change, in the order of the history, and nothing else.
    const seen = await deliveries(dossier.id);
    const changes = seen.history.filter((e: { fromStatus: string | null; toStatus: string }) => e.fromStatus !== e.toStatus);
    await eventually('every status at the portal', () => portalCodes(dossier.code).length === changes.length);
    // RECEIVED 2, SUPPLEMENT_REQUESTED 5, PROCESSING 4, PROCESSED 9, RESULT_RETURNED 10 (the national codes).
    expect(portalCodes(dossier.code)).toEqual([2, 5, 4, 9, 10]);
    expect(portal.requests.every((r) => r.signed)).toBe(true);

    // SMS went to the number (without separators, text unaccented for GSM); no Zalo, which needs the citizen's choice.
    const after = await eventually('every delivery sent', async () => {
      const d = await deliveries(dossier.id);
      return d.deliveries.every((x: { state: string }) => x.state === 'SENT') && d;
    });
    const sms = after.deliveries.filter((d: { channel: string }) => d.channel === 'SMS');
    expect(sms.map((d: { action: string }) => d.action)).toEqual(['RECEIVE_DOSSIER', 'REQUEST_SUPPLEMENT', 'RESOLVE_DOSSIER']);
    expect(sms.every((d: { recipient: string }) => d.recipient === '0912345678')).toBe(true);
    expect(sms[0].body).toBe(
      `Ho so ${dossier.code} da duoc tiep nhan, hen tra ${reception.text.match(/Ngày hẹn trả kết quả: (\d\d\/\d\d\/\d{4})/)![1]}.`,
    );
    expect(after.deliveries.some((d: { channel: string }) => d.channel === 'ZALO')).toBe(false);
    expect(after.portalSync).toMatchObject({ state: 'SENT', sent: 5, pending: 0, failure: null });

    // Deliveries are the dossier's units' business: another commune sees neither them nor the dossier.
    const neighbour = await stack.token({ role: 'OFFICIAL', unit: '27.259.09241' });
    expect((await stack.gql(DELIVERIES, { id: dossier.id }, neighbour)).data.dossier).toBeNull();
    const rows = await stack.ownerQuery('dossiers', `SELECT count(*)::int AS n FROM outbox WHERE dossier_id = $1 AND relayed_at IS NULL`, [
      dossier.id,
    ]);
    expect(rows.rows[0].n).toBe(0);
  });

  it('loses nothing and counts nothing twice when the worker is killed mid-delivery and started again', async () => {
    const dossier = await receive({ name: 'Trần Văn Bình', idNumber: '027185005678' });
    await eventually('the reception at the portal', () => portalCodes(dossier.code).length === 1);
    // The portal holds the next status unanswered: the worker is killed while it waits.
    const held = portal.holdNext();
    await go('transferDossier', dossier.id, commune);
    await held;
    await killWorker();
    // Meanwhile more happens; nothing can be delivered.
    await go('completeDossierStep', dossier.id, commune);
    await go('completeDossierStep', dossier.id, district);
    await go('resolveDossier', dossier.id, districtLeader, { outcome: 'REFUSED', reason: 'Không đủ điều kiện hưởng trợ cấp' }, 'ResolveDossierInput');
    expect(portalCodes(dossier.code)).toEqual([2]);

    startWorker();
    await eventually('the statuses after the restart', () => portalCodes(dossier.code).length === 3, 45_000);
    // The held status came again (same key) after the restart: the portal received it twice and counts it once, in order.
    expect(portalCodes(dossier.code)).toEqual([2, 4, 9]);
    const keys = portal
      .statuses()
      .filter((s) => s.dossierCode === dossier.code)
      .map((s) => s.key);
    const transferKey = keys[1];
    expect(portal.requests.filter((r) => r.key === transferKey).length).toBe(2);
    const { portalSync } = await eventually('the sync state', async () => {
      const d = await deliveries(dossier.id);
      return d.portalSync.state === 'SENT' && d;
    });
    expect(portalSync).toMatchObject({ sent: 3, pending: 0 });
  });

  it('lists a delivery that failed for good, holds the later ones behind it, and sends both in order when an official retries it', async () => {
    const dossier = await receive({ name: 'Lê Thị Cúc', idNumber: '027185009012' });
    await eventually('the reception at the portal', () => portalCodes(dossier.code).length === 1);
    portal.state.failing = true;
    await go('transferDossier', dossier.id, commune);
    const failed = await eventually('the transfer status failing for good', async () => {
      const d = await deliveries(dossier.id);
      return d.portalSync.state === 'FAILED' && d;
    });
    expect(failed.portalSync.failure).toBe('national portal: the national portal answered HTTP 503');
    // The next status waits behind the failed one, though the portal is back.
    portal.state.failing = false;
    await go('completeDossierStep', dossier.id, commune);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(portalCodes(dossier.code)).toEqual([2]);
    expect((await deliveries(dossier.id)).portalSync).toMatchObject({ state: 'FAILED', sent: 1 });

    // The dead-letter list: the commune's officials see it; another commune's do not, nor may they retry it.
    const list = await stack.gql(FAILED, { channel: 'PORTAL' }, commune);
    expect(list.data.failedDeliveries.nodes).toContainEqual({
      id: failed.portalSync.failedDelivery.id,
      channel: 'PORTAL',
      lastError: failed.portalSync.failure,
      dossier: { code: dossier.code },
    });
    const neighbour = await stack.token({ role: 'OFFICIAL', unit: '27.259.09241' });
    expect((await stack.gql(FAILED, {}, neighbour)).data.failedDeliveries.totalCount).toBe(0);
    const stranger = await stack.gql(RETRY, { input: { clientRequestId: 'retry-x', deliveryId: failed.portalSync.failedDelivery.id } }, neighbour);
    expect(stranger.errors![0].extensions!.code).toBe('NOT_FOUND');
    expect((await stack.gql(FAILED, {})).errors![0].extensions!.code).toBe('UNAUTHENTICATED');

    const retried = await stack.gql(RETRY, { input: { clientRequestId: 'retry-1', deliveryId: failed.portalSync.failedDelivery.id } }, commune);
    expect(retried.errors).toBeUndefined();
    expect(retried.data.retryDelivery.delivery).toMatchObject({ state: 'FAILED', retryRequested: true });
    await eventually('both statuses after the retry', () => portalCodes(dossier.code).length === 2);
    // The transfer's PROCESSING (4) is the only change: completing a step keeps the status.
    expect(portalCodes(dossier.code)).toEqual([2, 4]);
    await eventually('the sync state sent', async () => (await deliveries(dossier.id)).portalSync.state === 'SENT');
    const again = await stack.gql(RETRY, { input: { clientRequestId: 'retry-2', deliveryId: failed.portalSync.failedDelivery.id } }, commune);
    expect(again.errors![0].extensions!.code).toBe('CONFLICT');
  });

  it('notifies a citizen by the channels and addresses they chose, and refuses an address that cannot be one', async () => {
    const citizenId = '027190004321';
    const citizen = await stack.token({ role: 'CITIZEN', sub: citizenId });
    const choose = (input: Record<string, unknown>) =>
      stack.gql(PREFERENCES, { input: { clientRequestId: `prefs-${++request}`, byEmail: true, bySms: false, byZalo: true, ...input } }, citizen);
    const bad = await choose({ email: 'not an address' });
    expect(bad.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.email' });
    const badPhone = await choose({ phone: '12345' });
    expect(badPhone.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.phone' });
    const chosen = await choose({ email: 'duc.pham@example.vn', phone: '+84 987 654 321' });
    expect(chosen.data.setMyNotificationPreferences.preferences).toEqual({
      email: 'duc.pham@example.vn',
      phone: '+84987654321',
      byEmail: true,
      bySms: false,
      byZalo: true,
    });
    // Only the citizen reads their choices.
    const other = await stack.token({ role: 'CITIZEN', sub: '027190009999' });
    expect((await stack.gql(`{ myNotificationPreferences { email } }`, {}, other)).data.myNotificationPreferences).toBeNull();

    // Received at the desk with other contacts: the citizen's choices win.
    const dossier = await receive({ name: 'Phạm Minh Đức', idNumber: citizenId, phone: '0911111111', email: 'old@example.vn' });
    await eventually('the email to the chosen address', () => mailsTo('duc.pham@example.vn').length === 1);
    const d = await eventually('the Zalo message sent', async () => {
      const seen = await deliveries(dossier.id);
      return seen.deliveries.some((x: { channel: string; state: string }) => x.channel === 'ZALO' && x.state === 'SENT') && seen;
    });
    const channels = d.deliveries
      .filter((x: { channel: string }) => x.channel !== 'PORTAL')
      .map((x: { channel: string; recipient: string }) => [x.channel, x.recipient]);
    expect(channels).toEqual([
      ['EMAIL', 'duc.pham@example.vn'],
      ['ZALO', '+84987654321'],
    ]);
    // Zalo keeps the diacritics.
    expect(d.deliveries.find((x: { channel: string }) => x.channel === 'ZALO').body).toBe(
      `Hồ sơ ${dossier.code} đã được tiếp nhận, hẹn trả ${mailsTo('duc.pham@example.vn')[0].text.match(/Ngày hẹn trả kết quả: (\d\d\/\d\d\/\d{4})/)![1]}.`,
    );
    expect(mailsTo('old@example.vn')).toEqual([]);
  });

  it('refuses at the desk an email address or phone number notices could never reach, writing nothing', async () => {
    const before = (await stack.ownerQuery('dossiers', `SELECT count(*)::int AS n FROM dossier`)).rows[0].n;
    for (const [applicant, field] of [
      [{ email: 'hang@' }, 'input.applicant.email'],
      [{ phone: '09-12' }, 'input.applicant.phone'],
    ] as const) {
      const { errors } = await stack.gql(
        RECEIVE,
        {
          input: {
            clientRequestId: `bad-${++request}`,
            receivingUnitCode: DESK,
            procedureId: welfare().id,
            channel: 'IN_PERSON',
            applicant: { kind: 'PERSON', name: 'Nguyễn Thị Hằng', idNumber: '027185001234', ...applicant },
            documents: documents(),
          },
        },
        commune,
      );
      expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect((await stack.ownerQuery('dossiers', `SELECT count(*)::int AS n FROM dossier`)).rows[0].n).toBe(before);
  });
});
