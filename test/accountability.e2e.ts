import { ok } from './support/expect';
import { startTestStack, type TestStack } from './support/stack';

const RECEIVE = `mutation ($input: ReceiveDossierInput!) { receiveDossier(input: $input) { dossier {
  id code handler { id } receivingCounterNumber receipt { ratingSecret receivingOfficial { id } counterNumber } } } }`;
const act = (name: string, input = 'DossierActionInput') =>
  `mutation ($input: ${input}!) { ${name}(input: $input) { dossier { status handler { id } currentStep { position handler { id } } } } }`;
const ASSIGN = `mutation ($input: AssignDossierHandlerInput!) { assignDossierHandler(input: $input) { dossier { handler { id } currentStep { position handler { id } } } } }`;
const HISTORY = `query ($id: ID!) { dossier(id: $id) { handler { id } history { action actorUnit actor { id fullName } } steps { position handler { id } } } }`;
const RATE = `mutation ($input: RateDossierInput!) { rateDossier(input: $input) { rating { official { id } counterNumber } } }`;
const TODAY = '2026-11-20';

/**
 * Officials act in their own name: each action is recorded as theirs, the handler follows the
 * step being worked on, and the citizen's rating is credited to whoever served them, at the
 * counter they sat at. Tokens name demo officials, whom the gateway confirms with personnel.
 */
describe('accountability: every action by a named official', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ dossiers: 60 });
  });
  afterAll(() => stack.stop());

  const officialsOf = (path: string) =>
    stack.demo.officials.filter((o) => o.employmentStatus === 'ACTIVE' && (o.ownerPath === path || o.ownerPath.startsWith(`${path}.`)));
  const tokenOf = (official: { id: string }, unit: string, role: 'OFFICIAL' | 'LEADER' = 'OFFICIAL') =>
    stack.token({ role, unit, officialId: official.id, sub: `cb-${official.id}` });
  const documentsOf = (code: string) => {
    const procedure = stack.demo.procedures.find((p) => p.code === code)!;
    const version = stack.demo.procedureVersions.find((v) => v.procedureId === procedure.id)!;
    return { procedure, documents: version.documents.map(({ name, originals, copies }) => ({ name, originals, copies })) };
  };

  it('records who received, handled each step, decided and returned a liên thông dossier; the handler follows the active step', async () => {
    const COMMUNE = '27.259.09238';
    const LABOUR = '27.259.259-PLDTBXH';
    const [clerk, colleague] = officialsOf(COMMUNE);
    const [districtOfficer] = officialsOf(LABOUR);
    const [districtHead] = officialsOf('27.259.259-MC');
    expect([clerk, colleague, districtOfficer, districtHead].every(Boolean)).toBe(true);
    const [clerkToken, colleagueToken, districtToken, districtLeaderToken] = await Promise.all([
      tokenOf(clerk, COMMUNE),
      tokenOf(colleague, COMMUNE),
      tokenOf(districtOfficer, LABOUR),
      tokenOf(districtHead, '27.259', 'LEADER'),
    ]);
    const { procedure, documents } = documentsOf('1.001776');
    const received = ok(
      await stack.gql(
        RECEIVE,
        {
          input: {
            clientRequestId: 'acc-receive-1',
            receivingUnitCode: '09238-MC',
            procedureId: procedure.id,
            channel: 'IN_PERSON',
            applicant: { kind: 'PERSON', name: 'Đặng Thị Thu Hà', idNumber: '027190004567' },
            documents,
          },
        },
        clerkToken,
      ),
    ).receiveDossier.dossier;
    expect(received.handler).toEqual({ id: clerk.id });
    expect(received.receipt.receivingOfficial).toEqual({ id: clerk.id });
    const go = (name: string, token: string, extra: Record<string, unknown> = {}, input?: string) =>
      stack.gql(act(name, input), { input: { clientRequestId: `acc-${name}-${Math.random()}`, dossierId: received.id, ...extra } }, token);

    // Transfer honours the handler named: one of the first step's unit's officials, no one else.
    const stranger = officialsOf('27.258')[0];
    const refused = await go('transferDossier', clerkToken, { handlerId: stranger.id });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.handlerId' });
    const transferred = ok(await go('transferDossier', clerkToken, { handlerId: colleague.id })).transferDossier.dossier;
    expect(transferred).toMatchObject({ handler: { id: colleague.id }, currentStep: { position: 1, handler: { id: colleague.id } } });

    // The colleague finishes step 1; step 2 is the district labour office's, with no handler until it names one.
    const atDistrict = ok(await go('completeDossierStep', colleagueToken)).completeDossierStep.dossier;
    expect(atDistrict).toMatchObject({ handler: null, currentStep: { position: 2, handler: null } });
    const assigned = ok(
      await stack.gql(ASSIGN, { input: { clientRequestId: 'acc-assign-1', dossierId: received.id, handlerId: districtOfficer.id } }, districtToken),
    );
    expect(assigned.assignDossierHandler.dossier).toMatchObject({
      handler: { id: districtOfficer.id },
      currentStep: { position: 2, handler: { id: districtOfficer.id } },
    });
    ok(await go('completeDossierStep', districtToken));
    ok(await go('resolveDossier', districtLeaderToken, { outcome: 'APPROVED' }, 'ResolveDossierInput'));
    const returned = ok(await go('returnDossierResult', clerkToken, { method: 'IN_PERSON' }, 'ReturnResultInput')).returnDossierResult.dossier;
    expect(returned).toMatchObject({ status: 'RESULT_RETURNED', handler: { id: clerk.id } });

    const { dossier } = ok(await stack.gql(HISTORY, { id: received.id }, clerkToken));
    expect(dossier.history.map((e: any) => [e.action, e.actor?.id])).toEqual([
      ['RECEIVE_DOSSIER', clerk.id],
      ['TRANSFER_DOSSIER', clerk.id],
      ['COMPLETE_DOSSIER_STEP', colleague.id],
      ['ASSIGN_DOSSIER_HANDLER', districtOfficer.id],
      ['COMPLETE_DOSSIER_STEP', districtOfficer.id],
      ['RESOLVE_DOSSIER', districtHead.id],
      ['RETURN_DOSSIER_RESULT', clerk.id],
    ]);
    expect(dossier.history[0].actor.fullName).toBe(clerk.fullName);
    expect(dossier.steps).toEqual([
      { position: 1, handler: { id: colleague.id } },
      { position: 2, handler: { id: districtOfficer.id } },
      { position: 3, handler: { id: districtHead.id } },
    ]);
  });

  it("credits the citizen's rating to the official who served at the centre and to their counter, and counts it in the statistics by official and counter", async () => {
    // A seconded official sitting at a counter of the provincial centre today, acting for the province.
    const seat = stack.demo.counterAssignments.find((a) => a.startDate <= TODAY && (a.endDate === null || TODAY <= a.endDate))!;
    const counter = stack.demo.counters.find((c) => c.id === seat.counterId)!;
    const official = stack.demo.officials.find((o) => o.id === seat.officialId)!;
    const [officialToken, leaderToken] = await Promise.all([tokenOf(official, '27'), stack.token({ role: 'LEADER', unit: '27' })]);
    const { procedure, documents } = documentsOf('1.009794');
    const received = ok(
      await stack.gql(
        RECEIVE,
        {
          input: {
            clientRequestId: 'acc-receive-2',
            receivingUnitCode: counter.centreCode,
            procedureId: procedure.id,
            channel: 'IN_PERSON',
            applicant: { kind: 'ORGANISATION', name: 'Công ty TNHH Xây dựng Đức Thành', idNumber: '2300123456' },
            documents,
          },
        },
        officialToken,
      ),
    ).receiveDossier.dossier;
    expect(received).toMatchObject({
      handler: { id: official.id },
      receivingCounterNumber: counter.number,
      receipt: { counterNumber: counter.number, receivingOfficial: { id: official.id } },
    });
    const go = (name: string, token: string, extra: Record<string, unknown> = {}, input?: string) =>
      stack.gql(act(name, input), { input: { clientRequestId: `acc2-${name}-${Math.random()}`, dossierId: received.id, ...extra } }, token);
    ok(await go('transferDossier', officialToken));
    ok(await go('resolveDossier', leaderToken, { outcome: 'APPROVED' }, 'ResolveDossierInput'));
    ok(await go('returnDossierResult', officialToken, { method: 'IN_PERSON' }, 'ReturnResultInput'));

    const rated = ok(
      await stack.gql(RATE, {
        input: {
          clientRequestId: 'acc-rate-device-7f3a9c21',
          dossierCode: received.code,
          ratingSecret: received.receipt.ratingSecret,
          channel: 'COUNTER_BUTTON',
          resultScore: 5,
          attitudeScore: 5,
        },
      }),
    );
    expect(rated.rateDossier.rating).toEqual({ official: { id: official.id }, counterNumber: counter.number });

    const figures = ok(
      await stack.gql(
        `query ($official: ID!) {
      byOfficial: satisfactionStatistics(filter: { from: "${TODAY}", to: "${TODAY}" }, groupBy: OFFICIAL) { official { id } satisfaction { ratings } }
      byCounter: satisfactionStatistics(filter: { from: "${TODAY}", to: "${TODAY}", receivingUnitCode: "${counter.centreCode}" }, groupBy: COUNTER) { key satisfaction { ratings } }
      handled: dossierStatistics(filter: { from: "${TODAY}", to: "${TODAY}", handlerId: $official }) { stats { received resolved returned } }
    }`,
        { official: official.id },
        leaderToken,
      ),
    );
    expect(figures.byOfficial).toContainEqual({ official: { id: official.id }, satisfaction: { ratings: 1 } });
    expect(figures.byCounter).toContainEqual({ key: `${counter.centreCode}#${counter.number}`, satisfaction: { ratings: 1 } });
    expect(figures.handled[0].stats).toMatchObject({ received: 1, resolved: 1, returned: 1 });
  });

  it('gives each step to the competent agency: the district police and the provincial social insurance hold, see and act on theirs', async () => {
    const COMMUNE = '27.259.09238';
    const [clerk, colleague] = officialsOf(COMMUNE);
    const [police] = officialsOf('27.259.259-CA');
    const [insurer] = officialsOf('27.27-BHXH');
    expect([clerk, colleague, police, insurer].every(Boolean)).toBe(true);
    const [clerkToken, colleagueToken, policeToken, insurerToken] = await Promise.all([
      tokenOf(clerk, COMMUNE),
      tokenOf(colleague, COMMUNE),
      tokenOf(police, '27.259.259-CA'),
      tokenOf(insurer, '27.27-BHXH', 'LEADER'),
    ]);
    // Liên thông khai sinh – thường trú – bảo hiểm y tế: commune → district police → provincial social insurance.
    const { procedure, documents } = documentsOf('1.008004');
    const received = ok(
      await stack.gql(
        `mutation ($input: ReceiveDossierInput!) { receiveDossier(input: $input) { dossier { id steps { position unit { code } } } } }`,
        {
          input: {
            clientRequestId: 'acc-receive-3',
            receivingUnitCode: '09238-MC',
            procedureId: procedure.id,
            channel: 'IN_PERSON',
            applicant: { kind: 'PERSON', name: 'Lê Thị Ngọc Ánh', idNumber: '027195007788' },
            documents,
          },
        },
        clerkToken,
      ),
    ).receiveDossier.dossier;
    expect(received.steps).toEqual([
      { position: 1, unit: { code: '09238' } },
      { position: 2, unit: { code: '259-CA' } },
      { position: 3, unit: { code: '27-BHXH' } },
    ]);
    const go = (name: string, token: string, extra: Record<string, unknown> = {}, input?: string) =>
      stack.gql(act(name, input), { input: { clientRequestId: `acc3-${name}-${Math.random()}`, dossierId: received.id, ...extra } }, token);
    const assign = (handler: { id: string }, token: string) =>
      stack.gql(ASSIGN, { input: { clientRequestId: `acc3-assign-${Math.random()}`, dossierId: received.id, handlerId: handler.id } }, token);
    ok(await go('transferDossier', clerkToken, { handlerId: colleague.id }));
    // The police see the dossier their step belongs to, and may act only once the step reaches them.
    expect(ok(await stack.gql(HISTORY, { id: received.id }, policeToken)).dossier.steps).toHaveLength(3);
    expect((await assign(police, policeToken)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    ok(await go('completeDossierStep', colleagueToken));
    ok(await assign(police, policeToken));
    // The public sees the desk official who served, never the police officer now working on the step.
    const code = ok(await stack.gql(`query ($id: ID!) { dossier(id: $id) { code } }`, { id: received.id }, clerkToken)).dossier.code;
    expect(
      (await stack.gql(`query ($code: String!) { publicDossier(code: $code) { handler { id } } }`, { code })).data.publicDossier.handler,
    ).toEqual({ id: clerk.id });
    ok(await go('completeDossierStep', policeToken));
    expect((await stack.gql(HISTORY, { id: received.id }, insurerToken)).data.dossier.handler).toBeNull();
    ok(await assign(insurer, insurerToken));
    ok(await go('resolveDossier', insurerToken, { outcome: 'APPROVED' }, 'ResolveDossierInput'));
    ok(await go('returnDossierResult', clerkToken, { method: 'IN_PERSON' }, 'ReturnResultInput'));
    const { dossier } = ok(await stack.gql(HISTORY, { id: received.id }, clerkToken));
    expect(dossier.history.map((e: any) => [e.action, e.actorUnit, e.actor?.id])).toEqual([
      ['RECEIVE_DOSSIER', COMMUNE, clerk.id],
      ['TRANSFER_DOSSIER', COMMUNE, clerk.id],
      ['COMPLETE_DOSSIER_STEP', COMMUNE, colleague.id],
      ['ASSIGN_DOSSIER_HANDLER', '27.259.259-CA', police.id],
      ['COMPLETE_DOSSIER_STEP', '27.259.259-CA', police.id],
      ['ASSIGN_DOSSIER_HANDLER', '27.27-BHXH', insurer.id],
      ['RESOLVE_DOSSIER', '27.27-BHXH', insurer.id],
      ['RETURN_DOSSIER_RESULT', COMMUNE, clerk.id],
    ]);
  });

  it("refuses at a commune desk a procedure that the commune's catalogue does not list, naming where it is received", async () => {
    const COMMUNE = '27.259.09238';
    const [clerk] = officialsOf(COMMUNE);
    const district = stack.demo.procedures.find((p) => !p.levels.includes('COMMUNE') && p.levels.includes('DISTRICT'))!;
    const { documents } = documentsOf(district.code);
    const before = (await stack.ownerQuery('dossiers', 'SELECT count(*)::int AS n FROM dossier')).rows[0].n;
    const refused = await stack.gql(
      RECEIVE,
      {
        input: {
          clientRequestId: 'acc-receive-4',
          receivingUnitCode: '09238-MC',
          procedureId: district.id,
          channel: 'IN_PERSON',
          applicant: { kind: 'PERSON', name: 'Phạm Văn Đức', idNumber: '027180001111' },
          documents,
        },
      },
      await tokenOf(clerk, COMMUNE),
    );
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.procedureId' });
    expect(refused.errors![0].message).toContain('district one-stop desks');
    expect((await stack.ownerQuery('dossiers', 'SELECT count(*)::int AS n FROM dossier')).rows[0].n).toBe(before);
  });

  it('records what each action wrote in typed details, and the fee owed and paid on the dossier', async () => {
    const COMMUNE = '27.259.09238';
    const [clerk] = officialsOf(COMMUNE);
    const token = await tokenOf(clerk, COMMUNE);
    const { procedure, documents } = documentsOf('1.001776');
    const received = ok(
      await stack.gql(
        RECEIVE,
        {
          input: {
            clientRequestId: 'acc-receive-5',
            receivingUnitCode: '09238-MC',
            procedureId: procedure.id,
            channel: 'IN_PERSON',
            applicant: { kind: 'PERSON', name: 'Vũ Thị Huyền Trang', idNumber: '027190002222' },
            documents,
          },
        },
        token,
      ),
    ).receiveDossier.dossier;
    const sent = async (name: string, input: string, extra: Record<string, unknown> = {}) =>
      ok(
        await stack.gql(
          `mutation ($input: ${input}!) { ${name}(input: $input) { dossier { status feeOwedVnd feePaidVnd } } }`,
          { input: { clientRequestId: `acc5-${name}`, dossierId: received.id, ...extra } },
          token,
        ),
      )[name].dossier;
    await sent('requestSupplement', 'RequestSupplementInput', { missingItems: ['Giấy xác nhận khuyết tật'] });
    const nothing = await stack.gql(
      `mutation ($input: ReceiveSupplementInput!) { receiveSupplement(input: $input) { dossier { status } } }`,
      { input: { clientRequestId: 'acc5-empty', dossierId: received.id, handedIn: [' '] } },
      token,
    );
    expect(nothing.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.handedIn' });
    expect(await sent('receiveSupplement', 'ReceiveSupplementInput', { handedIn: ['Giấy xác nhận khuyết tật'] })).toMatchObject({
      status: 'PROCESSING',
    });
    expect(await sent('requestFinancialObligation', 'FinancialObligationInput', { amountVnd: 150_000 })).toEqual({
      status: 'FINANCIAL_OBLIGATION',
      feeOwedVnd: 150_000,
      feePaidVnd: null,
    });
    expect(await sent('confirmFinancialObligation', 'DossierActionInput')).toEqual({
      status: 'PROCESSING',
      feeOwedVnd: 150_000,
      feePaidVnd: 150_000,
    });

    const { dossier } = ok(
      await stack.gql(
        `query ($id: ID!) { dossier(id: $id) { history { action detail {
      __typename
      ... on ReceptionDetail { appointmentAt documentCount }
      ... on SupplementRequestDetail { form missingItems }
      ... on SupplementReceivedDetail { handedIn pausedWorkingHours }
      ... on FeeDetail { amountVnd }
    } } } }`,
        { id: received.id },
        token,
      ),
    );
    expect(dossier.history.map((e: any) => [e.action, e.detail?.__typename ?? null])).toEqual([
      ['RECEIVE_DOSSIER', 'ReceptionDetail'],
      ['REQUEST_SUPPLEMENT', 'SupplementRequestDetail'],
      ['RECEIVE_SUPPLEMENT', 'SupplementReceivedDetail'],
      ['REQUEST_FINANCIAL_OBLIGATION', 'FeeDetail'],
      ['CONFIRM_FINANCIAL_OBLIGATION', 'FeeDetail'],
    ]);
    expect(dossier.history[0].detail.documentCount).toBe(documents.length);
    expect(dossier.history[1].detail).toMatchObject({ form: '02', missingItems: ['Giấy xác nhận khuyết tật'] });
    expect(dossier.history[2].detail).toMatchObject({ handedIn: ['Giấy xác nhận khuyết tật'], pausedWorkingHours: 0 });
    expect(dossier.history.slice(3).map((e: any) => e.detail.amountVnd)).toEqual([150_000, 150_000]);
  });

  it('receives for the unit the desk sits in, and only matters of its own area unless the procedure is boundary-free', async () => {
    const seat = stack.demo.counterAssignments.find((a) => a.startDate <= TODAY && (a.endDate === null || TODAY <= a.endDate))!;
    const official = stack.demo.officials.find((o) => o.id === seat.officialId)!;
    const { procedure, documents } = documentsOf('1.009794');
    const input = (clientRequestId: string, extra: Record<string, unknown> = {}) => ({
      input: {
        clientRequestId,
        receivingUnitCode: '27-TTHCC',
        procedureId: procedure.id,
        channel: 'IN_PERSON',
        applicant: { kind: 'ORGANISATION', name: 'Công ty TNHH Minh Phát', idNumber: '2300999888' },
        documents,
        ...extra,
      },
    });
    // Officials at the centre act for the province, which owns what the centre receives: as the centre alone they are refused, not failed.
    const asCentre = await stack.gql(RECEIVE, input('acc-receive-6'), await tokenOf(official, '27.27-TTHCC'));
    expect(asCentre.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // A district desk receives its own district's matters: another district's only for a boundary-free procedure.
    const COMMUNE = '27.259.09238';
    const [clerk] = officialsOf(COMMUNE);
    const local = stack.demo.procedures.find((p) => !p.boundaryFree && p.levels.includes('COMMUNE'))!;
    const elsewhere = await stack.gql(
      RECEIVE,
      {
        input: {
          clientRequestId: 'acc-receive-7',
          receivingUnitCode: '09238-MC',
          procedureId: local.id,
          channel: 'IN_PERSON',
          areaUnitCode: '09163',
          applicant: { kind: 'PERSON', name: 'Phạm Thị Lụa', idNumber: '027180002222' },
          documents: documentsOf(local.code).documents,
        },
      },
      await tokenOf(clerk, COMMUNE),
    );
    expect(elsewhere.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.areaUnitCode' });
  });

  it('shows the rating code to the receiving unit only, not to the units holding steps inside its subtree', async () => {
    const RECEIPT = `query ($id: ID!) { dossier(id: $id) { receipt { ratingSecret } } }`;
    const step = stack.demo.dossierSteps.find((s) => {
      const d = stack.demo.dossiers.find((x) => x.id === s.dossierId)!;
      return d.ownerPath.split('.').length === 2 && s.ownerPath.startsWith(`${d.ownerPath}.`);
    })!;
    const dossier = stack.demo.dossiers.find((d) => d.id === step.dossierId)!;
    const secret = async (unit: string) => {
      const answer = await stack.gql(RECEIPT, { id: dossier.id }, await stack.token({ role: 'OFFICIAL', unit }));
      expect({ unit, errors: answer.errors }).toEqual({ unit, errors: undefined });
      return answer.data.dossier.receipt.ratingSecret;
    };
    expect(await secret(dossier.ownerPath)).toBe(dossier.ratingSecret);
    expect(await secret(step.ownerPath)).toBeNull();
  });
});
