import { vietnamDate } from '../shared/scalars';
import { TEST_CLOCK } from './support/clock';
import { startTestStack, type TestStack } from './support/stack';

const RECEIVE = `mutation ($input: ReceiveDossierInput!) { receiveDossier(input: $input) { dossier {
  id code status version dueAt currentStep { position } steps { position level unit { code } }
  receipt { form code barcode applicantName appointmentAt documents { name } procedureVersion { number } } } } }`;
const action = (name: string, input = 'DossierActionInput') =>
  `mutation ($input: ${input}!) { ${name}(input: $input) { dossier { id status version currentStep { position unit { code } } } } }`;
const DOSSIER = `query ($id: ID!) { dossier(id: $id) { code status outcome returnMethod history { action fromStatus toStatus actorUnit stepPosition } } }`;

describe('the dossier lifecycle across tiers, through the gateway', () => {
  let stack: TestStack;
  let commune: string;
  let district: string;
  let districtLeader: string;
  const COMMUNE = '27.259.09238';
  const DESK = '09238-MC';
  beforeAll(async () => {
    stack = await startTestStack({ dossiers: 100 });
    commune = await stack.token({ role: 'OFFICIAL', unit: COMMUNE });
    district = await stack.token({ role: 'OFFICIAL', unit: '27.259' });
    districtLeader = await stack.token({ role: 'LEADER', unit: '27.259' });
  });
  afterAll(async () => {
    await stack.stop();
  });

  /** Trợ cấp xã hội hằng tháng: commune (10 days) → district appraisal (7) → district decision (3). */
  const welfare = () => stack.demo.procedures.find((p) => p.code === '1.001776')!;
  const documents = () => {
    const version = stack.demo.procedureVersions.find((v) => v.procedureId === welfare().id)!;
    return version.documents.map(({ name, originals, copies }) => ({ name, originals, copies }));
  };
  const receiveInput = (clientRequestId: string, overrides: Record<string, unknown> = {}) => ({
    clientRequestId,
    receivingUnitCode: DESK,
    procedureId: welfare().id,
    channel: 'IN_PERSON',
    applicant: { kind: 'PERSON', name: 'Nguyễn Thị Hằng', idNumber: '027185001234', phone: '0912345678' },
    documents: documents(),
    ...overrides,
  });
  const count = async (table: string) => Number((await stack.ownerQuery('dossiers', `SELECT count(*) FROM ${table}`)).rows[0].count);

  it('receives at a commune desk, passes the dossier commune → district, and returns it at the desk', async () => {
    const received = await stack.gql(RECEIVE, { input: receiveInput('receive-1') }, commune);
    expect(received.errors).toBeUndefined();
    const dossier = received.data.receiveDossier.dossier;
    expect(dossier.code).toMatch(/^000\.01\.22\.H06-\d{6}-\d{4}$/);
    expect(dossier).toMatchObject({ status: 'RECEIVED', currentStep: null });
    expect(dossier.steps).toEqual([
      { position: 1, level: 'COMMUNE', unit: { code: '09238' } },
      // Appraisal is the district labour office's role; the decision, the district People's Committee's.
      { position: 2, level: 'DISTRICT', unit: { code: '259-PLDTBXH' } },
      { position: 3, level: 'DISTRICT', unit: { code: '259' } },
    ]);
    expect(dossier.receipt).toMatchObject({
      form: '01',
      code: dossier.code,
      barcode: dossier.code,
      applicantName: 'Nguyễn Thị Hằng',
      appointmentAt: dossier.dueAt,
      procedureVersion: { number: 1 },
    });
    expect(dossier.receipt.documents).toHaveLength(documents().length);

    const go = (name: string, token: string, extra: Record<string, unknown> = {}, input?: string) =>
      stack.gql(action(name, input), { input: { clientRequestId: `${name}-${Math.random()}`, dossierId: dossier.id, ...extra } }, token);
    expect((await go('transferDossier', commune)).data.transferDossier.dossier.currentStep).toEqual({ position: 1, unit: { code: '09238' } });
    expect((await go('completeDossierStep', commune)).data.completeDossierStep.dossier.currentStep).toEqual({
      position: 2,
      unit: { code: '259-PLDTBXH' },
    });

    // Step 2 is the district's now: the commune can no longer act on it.
    const notYours = await go('completeDossierStep', commune);
    expect(notYours.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await go('completeDossierStep', district)).data.completeDossierStep.dossier.currentStep.position).toBe(3);
    const officialDecides = await go('resolveDossier', district, { outcome: 'APPROVED' }, 'ResolveDossierInput');
    expect(officialDecides.errors![0].extensions!.code).toBe('FORBIDDEN'); // deciding is for leaders
    expect((await go('resolveDossier', districtLeader, { outcome: 'APPROVED' }, 'ResolveDossierInput')).data.resolveDossier.dossier).toMatchObject({
      status: 'PROCESSED',
      currentStep: null,
    });
    expect((await go('returnDossierResult', commune, { method: 'IN_PERSON' }, 'ReturnResultInput')).data.returnDossierResult.dossier.status).toBe(
      'RESULT_RETURNED',
    );

    const { data } = await stack.gql(DOSSIER, { id: dossier.id }, commune);
    expect(data.dossier).toMatchObject({ status: 'RESULT_RETURNED', outcome: 'APPROVED', returnMethod: 'IN_PERSON' });
    expect(data.dossier.history).toEqual([
      { action: 'RECEIVE_DOSSIER', fromStatus: null, toStatus: 'RECEIVED', actorUnit: COMMUNE, stepPosition: null },
      { action: 'TRANSFER_DOSSIER', fromStatus: 'RECEIVED', toStatus: 'PROCESSING', actorUnit: COMMUNE, stepPosition: null },
      { action: 'COMPLETE_DOSSIER_STEP', fromStatus: 'PROCESSING', toStatus: 'PROCESSING', actorUnit: COMMUNE, stepPosition: 1 },
      { action: 'COMPLETE_DOSSIER_STEP', fromStatus: 'PROCESSING', toStatus: 'PROCESSING', actorUnit: '27.259', stepPosition: 2 },
      { action: 'RESOLVE_DOSSIER', fromStatus: 'PROCESSING', toStatus: 'PROCESSED', actorUnit: '27.259', stepPosition: 3 },
      { action: 'RETURN_DOSSIER_RESULT', fromStatus: 'PROCESSED', toStatus: 'RESULT_RETURNED', actorUnit: COMMUNE, stepPosition: null },
    ]);
    // Another commune neither sees it nor may touch it.
    const neighbour = await stack.token({ role: 'OFFICIAL', unit: '27.259.09241' });
    expect((await stack.gql(DOSSIER, { id: dossier.id }, neighbour)).data.dossier).toBeNull();
  });

  it('numbers 20 receptions at one desk at once 1…20 more than before, with no gap and no duplicate', async () => {
    const before = (
      await stack.ownerQuery(
        'dossiers',
        `SELECT coalesce(max(last_number), 0) AS n FROM dossier_code_sequence WHERE agency_electronic_id = '000.01.22.H06' AND day = $1`,
        [vietnamDate(TEST_CLOCK.now())],
      )
    ).rows[0].n;
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => stack.gql(RECEIVE, { input: receiveInput(`burst-${i}`) }, commune)));
    expect(answers.flatMap((a) => a.errors ?? [])).toEqual([]);
    const numbers = answers.map((a) => Number(a.data.receiveDossier.dossier.code.slice(-4))).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => Number(before) + i + 1));
  });

  it('answers a retried reception with the first dossier and writes it once', async () => {
    const [dossiers, events] = [await count('dossier'), await count('dossier_event')];
    const first = await stack.gql(RECEIVE, { input: receiveInput('retry-1') }, commune);
    const retry = await stack.gql(RECEIVE, { input: receiveInput('retry-1') }, commune);
    expect(retry.data.receiveDossier.dossier.code).toBe(first.data.receiveDossier.dossier.code);
    expect([await count('dossier'), await count('dossier_event')]).toEqual([dossiers + 1, events + 1]);
  });

  it('refuses incomplete documents and a malformed citizen ID, naming the field, and writes nothing', async () => {
    const before = [await count('dossier'), await count('dossier_event'), await count('dossier_code_sequence')];
    const missing = await stack.gql(RECEIVE, { input: receiveInput('bad-docs', { documents: documents().slice(1) }) }, commune);
    expect(missing.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.documents' } });
    expect(missing.errors![0].message).toContain(documents()[0].name);
    const badId = await stack.gql(
      RECEIVE,
      { input: receiveInput('bad-id', { applicant: { kind: 'PERSON', name: 'Lê Văn Tám', idNumber: '12345' } }) },
      commune,
    );
    expect(badId.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.applicant.idNumber' } });
    const elsewhere = await stack.gql(RECEIVE, { input: receiveInput('other-desk', { receivingUnitCode: '09241-MC' }) }, commune);
    expect(elsewhere.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect([await count('dossier'), await count('dossier_event'), await count('dossier_code_sequence')]).toEqual(before);
  });

  it('lets exactly one of two concurrent actions on a dossier win; the other gets CONFLICT and changes nothing', async () => {
    const { data } = await stack.gql(RECEIVE, { input: receiveInput('race') }, commune);
    const id = data.receiveDossier.dossier.id;
    const [transfer, withdraw] = await Promise.all([
      stack.gql(action('transferDossier'), { input: { clientRequestId: 'race-transfer', dossierId: id } }, commune),
      stack.gql(action('withdrawDossier'), { input: { clientRequestId: 'race-withdraw', dossierId: id, reason: 'Công dân xin rút.' } }, commune),
    ]);
    const outcomes = [transfer, withdraw].map((answer) => (answer.errors ? answer.errors[0].extensions!.code : 'OK'));
    expect(outcomes.sort()).toEqual(['CONFLICT', 'OK']);
    const events = (await stack.ownerQuery('dossiers', `SELECT action FROM dossier_event WHERE dossier_id = $1 ORDER BY id`, [id])).rows.map(
      (r) => r.action,
    );
    expect(events).toHaveLength(2);
    const { rows } = await stack.ownerQuery('dossiers', `SELECT status, version FROM dossier WHERE id = $1`, [id]);
    expect(rows[0]).toEqual({ status: events[1] === 'transfer' ? 'PROCESSING' : 'WITHDRAWN', version: 2 });
  });

  it('refuses an action the version the caller saw no longer matches', async () => {
    const { data } = await stack.gql(RECEIVE, { input: receiveInput('stale') }, commune);
    const { id, version } = data.receiveDossier.dossier;
    await stack.gql(action('transferDossier'), { input: { clientRequestId: 'stale-1', dossierId: id, expectedVersion: version } }, commune);
    const stale = await stack.gql(
      action('withdrawDossier'),
      { input: { clientRequestId: 'stale-2', dossierId: id, expectedVersion: version, reason: 'Rút' } },
      commune,
    );
    expect(stale.errors![0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.expectedVersion' });
  });

  it('puts the delay of a late liên thông dossier on the district step that caused it', async () => {
    // Hand-built: received Monday 2 March 2026 at 07:00; commune allotted 3 days, district 5, province 2.
    const id = '7d0c1a52-0000-4000-8000-000000000001';
    await stack.ownerQuery(
      'dossiers',
      `INSERT INTO dossier (id, code, procedure_id, receiving_unit_code, applicant_kind, applicant_public_name, channel, status,
        received_at, due_at, finished_at, owner_path, time_limit_hours, outcome)
      VALUES ($1, '000.01.22.H06-260302-0999', $2, '${DESK}', 'PERSON', 'Trần V. B.', 'IN_PERSON', 'PROCESSED',
        '2026-03-02T07:00:00+07:00', '2026-03-13T17:00:00+07:00', '2026-03-19T17:00:00+07:00', '${COMMUNE}', 80, 'APPROVED')`,
      [id, welfare().id],
    );
    await stack.ownerQuery(
      'dossiers',
      `INSERT INTO dossier_applicant (dossier_id, name, id_number, owner_path) VALUES ($1, 'Trần Văn Bình', '027190000001', '${COMMUNE}')`,
      [id],
    );
    await stack.ownerQuery(
      'dossiers',
      `INSERT INTO dossier_step (id, dossier_id, position, title, level, unit_code, allotted_hours, finished_at, owner_path) VALUES
      ('7d0c1a52-0000-4000-8000-0000000000a1', $1, 1, 'Xét duyệt', 'COMMUNE', '09238', 24, '2026-03-04T17:00:00+07:00', '${COMMUNE}'),
      ('7d0c1a52-0000-4000-8000-0000000000a2', $1, 2, 'Thẩm định', 'DISTRICT', '259', 40, '2026-03-17T17:00:00+07:00', '27.259'),
      ('7d0c1a52-0000-4000-8000-0000000000a3', $1, 3, 'Quyết định', 'PROVINCE', '27-SLDTBXH', 16, '2026-03-19T17:00:00+07:00', '27.27-SLDTBXH')`,
      [id],
    );
    const { data, errors } = await stack.gql(
      `query ($id: ID!) { dossier(id: $id) { timeliness delayedSteps { position unit { code level } overHours } steps { position spentHours dueAt late } } }`,
      { id },
      await stack.token({ role: 'LEADER', unit: '27' }),
    );
    expect(errors).toBeUndefined();
    // Commune: Mon 2 07:00 → Wed 4 17:00 = 3 days = 24 h, its allotment. District: Thu 5 → Tue 17 March 17:00 = 9 working
    // days = 72 h, 32 h over (due Wed 11 at 17:00). Province: Wed 18 → Thu 19 17:00 = 16 h, its allotment.
    expect(data.dossier.steps.map((s: any) => [s.position, s.spentHours, s.late])).toEqual([
      [1, 24, false],
      [2, 72, true],
      [3, 16, false],
    ]);
    expect(data.dossier.steps[1].dueAt).toBe('2026-03-11T17:00:00.000+07:00');
    expect(data.dossier.delayedSteps).toEqual([{ position: 2, unit: { code: '259', level: 'DISTRICT' }, overHours: 32 }]);
    expect(data.dossier.timeliness).toBe('LATE');
  });

  it('shows anyone with the code the status, where it is and the appointment, with the name masked and no personal data', async () => {
    const { data } = await stack.gql(
      RECEIVE,
      {
        input: receiveInput('public-1', {
          applicant: { kind: 'PERSON', name: 'Nguyễn Văn An', idNumber: '027185009999', phone: '0987654321', address: 'Thôn Đông, xã Phố Mới' },
        }),
      },
      commune,
    );
    const code = data.receiveDossier.dossier.code;
    const lookup = await stack.gql(
      `query ($code: String!) { publicDossier(code: $code) {
      code status statusCode applicantName receivedAt appointmentAt timeliness procedure { name } currentUnit { code name } } }`,
      { code },
    );
    expect(lookup.errors).toBeUndefined();
    expect(lookup.data.publicDossier).toMatchObject({
      code,
      status: 'RECEIVED',
      statusCode: 2,
      applicantName: 'Nguyễn V. A.',
      appointmentAt: data.receiveDossier.dossier.dueAt,
      timeliness: 'IN_TIME',
      procedure: { name: welfare().name },
      currentUnit: { code: DESK },
    });
    const body = JSON.stringify(lookup);
    for (const secret of ['027185009999', '0987654321', 'Thôn Đông', 'Văn An']) expect(body).not.toContain(secret);
    const type = await stack.gql(`{ __type(name: "PublicDossier") { fields { name } } }`);
    // Nothing else about the applicant; the rest names units, the serving official and the dossier's id (for ratings and petitions by code).
    expect(type.data.__type.fields.map((f: { name: string }) => f.name).sort()).toEqual([
      'accountableUnitPath',
      'applicantName',
      'appointmentAt',
      'code',
      'currentUnit',
      'fieldCode',
      'handler',
      'id',
      'missingItems',
      'ownerPath',
      'procedure',
      'receivedAt',
      'receivingUnit',
      'resultPickup',
      'status',
      'statusCode',
      'steps',
      'timeliness',
    ]);
    // Without signing in, the full dossier stays hidden.
    expect(
      (await stack.gql(`query ($code: String!) { dossierByCode(code: $code) { applicantIdNumber: applicantName } }`, { code })).data.dossierByCode,
    ).toBeNull();
    expect((await stack.gql(`{ publicDossier(code: "000.01.22.H06-000000-0000") { code } }`)).data.publicDossier).toBeNull();
  });

  it('shows the public a timeline: each step with its unit and time, what to supplement while asked, and where and from when to collect the result', async () => {
    const { data } = await stack.gql(RECEIVE, { input: receiveInput('timeline-1') }, commune);
    const { id, code, dueAt } = data.receiveDossier.dossier;
    const go = (name: string, token: string, extra: Record<string, unknown> = {}, input?: string) =>
      stack.gql(action(name, input), { input: { clientRequestId: `tl-${name}-${Math.random()}`, dossierId: id, ...extra } }, token);
    const TIMELINE = `query ($code: String!) { publicDossier(code: $code) { status missingItems
      steps { position title unit { code } startedAt dueAt finishedAt late } resultPickup { unit { code } from } } }`;
    const timeline = async () => (await stack.gql(TIMELINE, { code })).data.publicDossier;

    expect((await go('transferDossier', commune)).errors).toBeUndefined();
    expect(
      (await go('requestSupplement', commune, { missingItems: ['Giấy xác nhận khuyết tật', 'Sổ hộ khẩu'] }, 'RequestSupplementInput')).errors,
    ).toBeUndefined();
    const asked = await timeline();
    expect(asked).toMatchObject({
      status: 'SUPPLEMENT_REQUESTED',
      missingItems: ['Giấy xác nhận khuyết tật', 'Sổ hộ khẩu'],
      resultPickup: { unit: { code: DESK }, from: dueAt },
    });
    expect(asked.steps.map((s: any) => [s.position, s.unit.code, s.startedAt !== null, s.finishedAt, s.late])).toEqual([
      [1, '09238', true, null, false],
      [2, '259-PLDTBXH', false, null, false],
      [3, '259', false, null, false],
    ]);
    expect(
      (await go('receiveSupplement', commune, { handedIn: ['Giấy xác nhận khuyết tật', 'Sổ hộ khẩu'] }, 'ReceiveSupplementInput')).errors,
    ).toBeUndefined();
    expect((await go('completeDossierStep', commune)).errors).toBeUndefined();
    const moved = await timeline();
    expect(moved.missingItems).toBeNull();
    expect(moved.steps[0].finishedAt).not.toBeNull();
    expect(moved.steps[1].startedAt).toBe(moved.steps[0].finishedAt);
    // Nobody is named on the public timeline.
    expect(JSON.stringify(moved)).not.toMatch(/handler|fullName/);
    expect((await go('completeDossierStep', district)).errors).toBeUndefined();
    expect((await go('resolveDossier', districtLeader, { outcome: 'APPROVED' }, 'ResolveDossierInput')).errors).toBeUndefined();
    // Processed before the appointment: the result can be collected from now, at the desk that received it.
    const ready = await timeline();
    expect(ready.status).toBe('PROCESSED');
    expect(ready.resultPickup.unit.code).toBe(DESK);
    expect(new Date(ready.resultPickup.from).getTime()).toBeLessThanOrEqual(new Date(dueAt).getTime());
    expect((await go('returnDossierResult', commune, { method: 'IN_PERSON' }, 'ReturnResultInput')).errors).toBeUndefined();
    expect((await timeline()).resultPickup).toBeNull();
  });
});
