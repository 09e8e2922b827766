import { WorkingCalendar } from '../shared/calendar';
import { isWithin } from '../shared/units';
import { petitionDeadlines } from '../subgraphs/feedback/src/petitions/deadlines';
import { isOverdue } from '../subgraphs/feedback/src/petitions/transitions';
import { TEST_CLOCK } from './support/clock';
import { expectError } from './support/expect';
import { vietnamDay } from './support/oracles';
import { startTestStack, type TestStack } from './support/stack';

const RATE = `mutation ($input: RateDossierInput!) { rateDossier(input: $input) { rating { id channel resultSatisfaction attitudeSatisfaction official { id } counterNumber comment } } }`;
const PETITION = `mutation ($input: SubmitPetitionInput!) { submitPetition(input: $input) { petition {
  id status unit { code } receivedAt rejectBy informationBy resolveBy repeatOf { id } petitionerPhone } } }`;
const PETITION_ACTION = (name: string) =>
  `mutation ($input: PetitionActionInput!) { ${name}(input: $input) { petition { id status answer publishBy publishedAnswer } } }`;
const FROM = '2026-09-01';
const TO = '2026-10-31';
const start = new Date(`${FROM}T00:00:00+07:00`);
const stop = new Date('2026-11-01T00:00:00+07:00');

describe('feedback, satisfaction and service quality, through the gateway', () => {
  let stack: TestStack;
  let province: string;
  beforeAll(async () => {
    stack = await startTestStack({ dossiers: 600 });
    province = await stack.token({ role: 'LEADER', unit: '27' });
  });
  afterAll(() => stack.stop());

  const rows = async () =>
    (await stack.ownerQuery('feedback', `SELECT (SELECT count(*) FROM rating)::int AS ratings, (SELECT count(*) FROM petition)::int AS petitions`))
      .rows[0];

  it('lets anyone rate a served dossier with its code and the secret on its receipt, once whatever the channel, and refuses bad input writing nothing', async () => {
    const rated = new Set(stack.demo.ratings.map((r) => r.dossierId));
    const served = stack.demo.dossiers.find((d) => d.status === 'RESULT_RETURNED' && !rated.has(d.id) && d.handlerId)!;
    // The secret is printed on the receipt by the receiving unit; the province above it, which is rated too, does not see it.
    const RECEIPT = `query ($id: ID!) { dossier(id: $id) { receipt { ratingSecret } } }`;
    const desk = await stack.token({ role: 'OFFICIAL', unit: served.ownerPath });
    const ratingSecret: string = (await stack.gql(RECEIPT, { id: served.id }, desk)).data.dossier.receipt.ratingSecret;
    expect(ratingSecret).toMatch(/^[0-9a-f]{16}$/);
    const communes = stack.demo.dossiers.find((d) => d.ownerPath.split('.').length === 3 && d.status === 'RESULT_RETURNED')!;
    expect(
      (await stack.gql(RECEIPT, { id: communes.id }, await stack.token({ role: 'OFFICIAL', unit: communes.ownerPath }))).data.dossier.receipt
        .ratingSecret,
    ).toMatch(/^[0-9a-f]{16}$/);
    expect((await stack.gql(RECEIPT, { id: communes.id }, province)).data.dossier.receipt.ratingSecret).toBeNull();
    const input = {
      clientRequestId: 'kiosk-1-device-7f3a9c21',
      dossierCode: served.code,
      ratingSecret,
      channel: 'KIOSK',
      resultScore: 5,
      attitudeScore: 4,
      comment: 'Cán bộ hướng dẫn tận tình.',
    };
    const before = await rows();
    // The code alone, or with a wrong secret, is answered as an unknown dossier.
    const guessed = await stack.gql(RATE, { input: { ...input, clientRequestId: 'kiosk-0-device-7f3a9c21', ratingSecret: '0000000000000000' } });
    expectError(guessed, 'NOT_FOUND', 'input.dossierCode');
    expect(guessed.errors![0].message).not.toContain(served.code);
    expect(await rows()).toEqual(before);
    const first = await stack.gql(RATE, { input });
    expect(first.errors).toBeUndefined();
    // The counter is where the official sat that day at the receiving centre, by the centre's assignments; the rater reads back their own comment.
    const day = '2026-11-20';
    const seat = stack.demo.counterAssignments.find(
      (a) => a.officialId === served.handlerId && a.startDate <= day && (a.endDate === null || day <= a.endDate),
    );
    const counter = stack.demo.counters.find((c) => c.id === seat?.counterId && c.centreCode === served.receivingUnitCode);
    expect(counter).toBeDefined();
    expect(first.data.rateDossier.rating).toMatchObject({
      channel: 'KIOSK',
      resultSatisfaction: 'VERY_SATISFIED',
      attitudeSatisfaction: 'SATISFIED',
      official: { id: served.handlerId },
      counterNumber: counter!.number,
      comment: input.comment,
    });
    const afterFirst = await rows();
    // A retry of the same request answers with the first rating; a second rating, through any channel, is refused.
    expect((await stack.gql(RATE, { input })).data.rateDossier.rating.id).toBe(first.data.rateDossier.rating.id);
    expectError(
      await stack.gql(RATE, { input: { ...input, clientRequestId: 'kiosk-2-device-7f3a9c21', resultScore: 1 } }),
      'CONFLICT',
      'input.dossierCode',
    );
    expectError(
      await stack.gql(RATE, { input: { ...input, clientRequestId: 'qr-1-device-7f3a9c21', channel: 'QR_CODE' } }),
      'CONFLICT',
      'input.dossierCode',
    );
    const open = stack.demo.dossiers.find((d) => d.status === 'PROCESSING')!;
    expectError(
      await stack.gql(RATE, {
        input: { ...input, clientRequestId: 'kiosk-3-device-7f3a9c21', dossierCode: open.code, ratingSecret: open.ratingSecret },
      }),
      'CONFLICT',
      'input.dossierCode',
    );
    expectError(
      await stack.gql(RATE, { input: { ...input, clientRequestId: 'kiosk-4-device-7f3a9c21', dossierCode: '000.00.00.H06-000000-0000' } }),
      'NOT_FOUND',
      'input.dossierCode',
    );
    expectError(
      await stack.gql(RATE, { input: { ...input, clientRequestId: 'kiosk-5-device-7f3a9c21', channel: 'PORTAL', resultScore: 6 } }),
      'BAD_USER_INPUT',
      'input.resultScore',
    );
    expectError(
      await stack.gql(RATE, { input: { ...input, clientRequestId: 'kiosk-6-device-7f3a9c21', channel: 'PORTAL', attitudeScore: 0 } }),
      'BAD_USER_INPUT',
      'input.attitudeScore',
    );
    expect(await rows()).toEqual(afterFirst);

    // Nobody without signing in reads ratings, their comments or the dossier they belong to.
    expectError(await stack.gql(`{ ratings(first: 5) { nodes { comment } } }`), 'UNAUTHENTICATED');
    const anonymous = await stack.gql(`query ($id: ID!) { dossier(id: $id) { ratings { comment } } }`, { id: served.id });
    expect(anonymous.data.dossier).toBeNull();
    const officials = await stack.gql(`query ($id: ID!) { dossier(id: $id) { ratings { channel comment } } }`, { id: served.id }, province);
    expect(officials.data.dossier.ratings).toContainEqual({ channel: 'KIOSK', comment: 'Cán bộ hướng dẫn tận tình.' });
  });

  it('routes a petition about a dossier to the unit whose step caused the delay, with working-day deadlines; that unit answers it', async () => {
    const page = await stack.gql(
      `{ dossiers(first: 100, filter: { status: RESULT_RETURNED }) { nodes { code ownerPath delayedSteps { unit { code } } } } }`,
      {},
      province,
    );
    expect(page.errors).toBeUndefined();
    const late = page.data.dossiers.nodes.find((d: any) => d.delayedSteps.some((s: any) => !d.ownerPath.endsWith(s.unit.code)));
    expect(late).toBeDefined();
    const stepUnit: string = late.delayedSteps[0].unit.code;

    const input = {
      clientRequestId: 'pakn-1-device-7f3a9c21',
      dossierCode: late.code,
      subject: 'Chậm trả kết quả',
      content: 'Quá hẹn 5 ngày chưa có kết quả.',
      petitioner: { name: 'Trần Thị Bình', phone: '0912 345 678' },
    };
    const submitted = await stack.gql(PETITION, { input });
    expect(submitted.errors).toBeUndefined();
    const petition = submitted.data.submitPetition.petition;
    expect(petition).toMatchObject({ status: 'RECEIVED', unit: { code: stepUnit }, repeatOf: null });
    const deadlines = petitionDeadlines(new Date(petition.receivedAt), new WorkingCalendar());
    expect([petition.rejectBy, petition.informationBy, petition.resolveBy].map((t: string) => new Date(t).getTime())).toEqual(
      [deadlines.rejectBy, deadlines.informationBy, deadlines.resolveBy].map((t) => t.getTime()),
    );
    const again = await stack.gql(PETITION, { input: { ...input, clientRequestId: 'pakn-2-device-7f3a9c21', content: 'Vẫn chưa có kết quả.' } });
    // The repeat is linked for the answering unit; the citizen who sent it is not shown the earlier petition.
    expect(again.data.submitPetition.petition.repeatOf).toBeNull();

    const stepPath = (await stack.gql(`{ unit(code: "${stepUnit}") { path } }`)).data.unit.path as string;
    const answerer = await stack.token({ role: 'OFFICIAL', unit: stepPath });
    const stranger = await stack.token({ role: 'OFFICIAL', unit: '27.261.09370' });
    expectError(
      await stack.gql(
        PETITION_ACTION('answerPetition'),
        { input: { clientRequestId: 'x-1-device-7f3a9c21', petitionId: petition.id, text: 'Không phải việc của tôi.' } },
        stranger,
      ),
      'NOT_FOUND',
      'input.petitionId',
    );
    const hidden = await stack.gql(`query ($id: ID!) { petition(id: $id) { id } }`, { id: petition.id }, stranger);
    expect(hidden.data.petition).toBeNull();
    expectError(
      await stack.gql(
        PETITION_ACTION('publishPetitionAnswer'),
        { input: { clientRequestId: 'a-0-device-7f3a9c21', petitionId: petition.id, text: 'Sớm quá.' } },
        answerer,
      ),
      'CONFLICT',
      'input.petitionId',
    );
    const answered = await stack.gql(
      PETITION_ACTION('answerPetition'),
      {
        input: { clientRequestId: 'a-1-device-7f3a9c21', petitionId: petition.id, text: 'Đã chấn chỉnh bộ phận thẩm định; kết quả trả ngày 25/11.' },
      },
      answerer,
    );
    expect(answered.errors).toBeUndefined();
    expect(answered.data.answerPetition.petition).toMatchObject({
      status: 'ANSWERED',
      answer: 'Đã chấn chỉnh bộ phận thẩm định; kết quả trả ngày 25/11.',
    });
    expect(answered.data.answerPetition.petition.publishBy).not.toBeNull();
    const published = await stack.gql(
      PETITION_ACTION('publishPetitionAnswer'),
      { input: { clientRequestId: 'a-2-device-7f3a9c21', petitionId: petition.id, text: 'Đã xử lý, trả kết quả.' } },
      answerer,
    );
    expect(published.data.publishPetitionAnswer.petition.status).toBe('PUBLISHED');
    // The petitioner's phone reaches the answering unit, not the public.
    const seen = await stack.gql(`query ($id: ID!) { petition(id: $id) { petitionerPhone } }`, { id: petition.id }, answerer);
    expect(seen.data.petition.petitionerPhone).toBe('0912 345 678');
    const repeat = await stack.gql(
      `query ($id: ID!) { petition(id: $id) { repeatOf { id } } }`,
      { id: again.data.submitPetition.petition.id },
      answerer,
    );
    expect(repeat.data.petition.repeatOf).toEqual({ id: petition.id });
    expect(submitted.data.submitPetition.petition.petitionerPhone).toBeNull();

    const before = await rows();
    expectError(
      await stack.gql(PETITION, { input: { ...input, clientRequestId: 'pakn-3-device-7f3a9c21', unitCode: '259-MC' } }),
      'BAD_USER_INPUT',
      'input.dossierCode',
    );
    expectError(
      await stack.gql(PETITION, { input: { ...input, clientRequestId: 'pakn-4-device-7f3a9c21', subject: '  ' } }),
      'BAD_USER_INPUT',
      'input.subject',
    );
    expect(await rows()).toEqual(before);
  });

  it('takes suggestions from anyone, named or not, for the addressed unit to answer', async () => {
    const SUGGEST = `mutation ($input: SubmitSuggestionInput!) { submitSuggestion(input: $input) { suggestion { id status unit { code } authorName } } }`;
    const anonymous = await stack.gql(SUGGEST, {
      input: { clientRequestId: 'idea-1-device-7f3a9c21', unitCode: '09238-MC', content: 'Nên có số thứ tự điện tử.' },
    });
    expect(anonymous.data.submitSuggestion.suggestion).toMatchObject({ status: 'OPEN', unit: { code: '09238-MC' }, authorName: null });
    const named = await stack.gql(SUGGEST, {
      input: {
        clientRequestId: 'idea-2-device-7f3a9c21',
        unitCode: '09238-MC',
        content: 'Cần thêm chỗ để xe.',
        authorName: 'Lê Văn Hùng',
        authorContact: '0903111222',
      },
    });
    const id = named.data.submitSuggestion.suggestion.id;
    const SETTLE = (name: string) =>
      `mutation ($input: SettleSuggestionInput!) { ${name}(input: $input) { suggestion { status answer authorName } } }`;
    const neighbour = await stack.token({ role: 'OFFICIAL', unit: '27.259.09241' });
    expectError(
      await stack.gql(
        SETTLE('answerSuggestion'),
        { input: { clientRequestId: 's-1-device-7f3a9c21', suggestionId: id, answer: 'Đã nhận.' } },
        neighbour,
      ),
      'NOT_FOUND',
      'input.suggestionId',
    );
    const desk = await stack.token({ role: 'OFFICIAL', unit: '27.259.09238' });
    expectError(
      await stack.gql(SETTLE('answerSuggestion'), { input: { clientRequestId: 's-2-device-7f3a9c21', suggestionId: id } }, desk),
      'BAD_USER_INPUT',
      'input.answer',
    );
    const answered = await stack.gql(
      SETTLE('answerSuggestion'),
      { input: { clientRequestId: 's-3-device-7f3a9c21', suggestionId: id, answer: 'UBND xã sẽ bố trí bãi xe trong tháng 12.' } },
      desk,
    );
    expect(answered.data.answerSuggestion.suggestion).toEqual({
      status: 'ANSWERED',
      answer: 'UBND xã sẽ bố trí bãi xe trong tháng 12.',
      authorName: 'Lê Văn Hùng',
    });
    const listed = await stack.gql(`{ suggestions { id authorName } }`, {}, neighbour);
    expect(listed.data.suggestions.map((x: any) => x.id)).not.toContain(id);
    expect((await stack.gql(`{ suggestions(status: OPEN) { id } }`)).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });

  it("lists the province's overdue petitions and the repeated ones", async () => {
    const now = TEST_CLOCK.now();
    const overdue = await stack.gql(`{ petitions(first: 100, filter: { overdue: true }) { nodes { id overdue } } }`, {}, province);
    const seededOverdue = stack.demo.petitions
      .filter((p) => isOverdue(p, now))
      .map((p) => p.id)
      .sort();
    expect(seededOverdue.length).toBeGreaterThan(0);
    expect(
      overdue.data.petitions.nodes
        .map((p: any) => p.id)
        .filter((id: string) => stack.demo.petitions.some((p) => p.id === id))
        .sort(),
    ).toEqual(seededOverdue);
    const repeated = await stack.gql(`{ petitions(first: 100, filter: { repeated: true }) { nodes { id repeatOf { id } } } }`, {}, province);
    for (const p of stack.demo.petitions.filter((x) => x.repeatOfId))
      expect(repeated.data.petitions.nodes).toContainEqual({ id: p.id, repeatOf: { id: p.repeatOfId } });
  });

  it("answers a provincial dashboard in one request — each district's received, on-time rate, satisfaction and index — equal to what each subgraph reports", async () => {
    const dashboard = await stack.gql(
      `{ units(filter: { level: DISTRICT, kind: ADMINISTRATIVE }) { nodes { code name
        dossierStats(from: "${FROM}", to: "${TO}") { received resolved onTimeRate receivedOnline }
        satisfaction(from: "${FROM}", to: "${TO}") { ratings satisfied satisfactionRate }
        serviceIndex(from: "${FROM}", to: "${TO}") { received resolved progressRate onlineDossierRate satisfactionRate ratings petitionsInTimeRate procedureSatisfaction } } } }`,
      {},
      province,
    );
    expect(dashboard.errors).toBeUndefined();
    const districts = dashboard.data.units.nodes;
    expect(districts).toHaveLength(5);
    const dossiers = await stack.gql(
      `{ dossierStatistics(filter: { from: "${FROM}", to: "${TO}" }, groupBy: UNIT) { key stats { received resolved onTimeRate receivedOnline } } }`,
      {},
      province,
    );
    const satisfaction = await stack.gql(
      `{ satisfactionStatistics(filter: { from: "${FROM}", to: "${TO}" }, groupBy: UNIT) { key satisfaction { ratings satisfied satisfactionRate } } }`,
      {},
      province,
    );
    for (const district of districts) {
      const path = `27.${district.code}`;
      expect([district.code, district.dossierStats]).toEqual([
        district.code,
        dossiers.data.dossierStatistics.find((g: any) => g.key === district.code).stats,
      ]);
      expect([district.code, district.satisfaction]).toEqual([
        district.code,
        satisfaction.data.satisfactionStatistics.find((g: any) => g.key === district.code)?.satisfaction ?? {
          ratings: 0,
          satisfied: 0,
          satisfactionRate: null,
        },
      ]);
      // By hand over the seeded ratings.
      const ratings = stack.demo.ratings.filter((r) => isWithin(r.ownerPath, path) && r.ratedAt >= start && r.ratedAt < stop);
      expect(district.satisfaction.ratings).toBe(ratings.length);
      expect(district.serviceIndex).toMatchObject({
        received: district.dossierStats.received,
        resolved: district.dossierStats.resolved,
        progressRate: district.dossierStats.onTimeRate,
        onlineDossierRate: district.dossierStats.received
          ? Math.round((district.dossierStats.receivedOnline * 10000) / district.dossierStats.received) / 100
          : null,
        satisfactionRate: district.satisfaction.satisfactionRate,
        ratings: district.satisfaction.ratings,
      });
    }
    expect(districts.some((d: any) => d.serviceIndex.procedureSatisfaction !== null)).toBe(true);
    // A commune user sees its own figures, not its district's.
    const commune = await stack.token({ role: 'OFFICIAL', unit: '27.259.09238' });
    const own = await stack.gql(
      `{ district: unit(code: "259") { satisfaction(from: "${FROM}", to: "${TO}") { ratings } serviceIndex(from: "${FROM}", to: "${TO}") { received } } }`,
      {},
      commune,
    );
    expect(own.data.district).toEqual({ satisfaction: null, serviceIndex: null });
  });

  it('drills every figure down to the dossiers and ratings behind it', async () => {
    const figures = await stack.gql(
      `{ dossierStatistics(filter: { from: "${FROM}", to: "${TO}" }) { stats { received receivedOnline resolvedEarly resolvedLate inProgressOverdue } }
      unit(code: "259") { satisfaction(from: "${FROM}", to: "${TO}") { satisfied dissatisfied } } }`,
      {},
      province,
    );
    const { stats } = figures.data.dossierStatistics[0];
    const count = async (filter: string, query = 'dossiers') =>
      (await stack.gql(`{ ${query}(first: 1, filter: { ${filter} }) { totalCount } }`, {}, province)).data[query].totalCount;
    expect(await count(`receivedFrom: "${FROM}", receivedTo: "${TO}"`)).toBe(stats.received);
    expect(await count(`receivedFrom: "${FROM}", receivedTo: "${TO}", channel: ONLINE`)).toBe(stats.receivedOnline);
    expect(await count(`finishedFrom: "${FROM}", finishedTo: "${TO}", timeliness: EARLY`)).toBe(stats.resolvedEarly);
    expect(await count(`finishedFrom: "${FROM}", finishedTo: "${TO}", timeliness: LATE`)).toBe(stats.resolvedLate);
    const { satisfied, dissatisfied } = figures.data.unit.satisfaction;
    expect(await count(`unitPath: "27.259", from: "${FROM}", to: "${TO}", satisfied: true`, 'ratings')).toBe(satisfied);
    expect(await count(`unitPath: "27.259", from: "${FROM}", to: "${TO}", satisfied: false`, 'ratings')).toBe(dissatisfied);
  });

  it("ranks departments by their officials' ratings, best first", async () => {
    const { data, errors } = await stack.gql(
      `{ satisfactionStatistics(filter: { from: "2026-01-01", to: "2026-11-20" }, groupBy: AGENCY) { key unit { name } satisfaction { ratings satisfactionRate } } }`,
      {},
      province,
    );
    expect(errors).toBeUndefined();
    const rates = data.satisfactionStatistics.map((g: any) => g.satisfaction.satisfactionRate);
    expect(rates).toEqual([...rates].sort((a: number, b: number) => b - a));
    const agencies = data.satisfactionStatistics.map((g: any) => g.key);
    expect(agencies).toContain('27-STP');
    expect(data.satisfactionStatistics.every((g: any) => g.unit.name)).toBe(true);
    const counters = await stack.gql(
      `{ satisfactionStatistics(filter: { from: "2026-01-01", to: "2026-11-20", receivingUnitCode: "27-TTHCC" }, groupBy: COUNTER) { key satisfaction { ratings } } }`,
      {},
      province,
    );
    // Counted again in SQL: the demo's ratings and the one rated above at a counter.
    const [{ byHand }] = (
      await stack.ownerQuery(
        'feedback',
        `SELECT count(*)::int AS "byHand" FROM rating WHERE receiving_unit_code = '27-TTHCC' AND counter_number IS NOT NULL AND rated_at >= '2026-01-01T00:00:00+07:00'`,
      )
    ).rows;
    expect(counters.data.satisfactionStatistics.reduce((n: number, g: any) => n + g.satisfaction.ratings, 0)).toBe(byHand);
    expect(counters.data.satisfactionStatistics.every((g: any) => /^27-TTHCC#\d+$/.test(g.key))).toBe(true);
  });

  it('evaluates a processed dossier on the nine indicators from its own data', async () => {
    const finished = stack.demo.dossiers.find((d) => d.status === 'RESULT_RETURNED' && d.ownerPath === '27')!;
    const { data, errors } = await stack.gql(
      `query ($id: ID!) { dossier(id: $id) { timeliness supplementCount channel evaluation { score maxScore band indicators { number score } } } }`,
      { id: finished.id },
      province,
    );
    expect(errors).toBeUndefined();
    const { evaluation, timeliness, supplementCount, channel } = data.dossier;
    expect(evaluation.indicators.map((i: any) => i.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(evaluation.indicators[0].score).toBe({ EARLY: 2, ON_TIME: 1, LATE: 0 }[timeliness as string]);
    expect(evaluation.indicators[2].score).toBe(supplementCount === 0 ? 2 : supplementCount === 1 ? 1 : 0);
    expect(evaluation.indicators[8].score).toBe({ ONLINE: 2, POSTAL: 1, IN_PERSON: 0 }[channel as string]);
    expect(evaluation.score).toBe(evaluation.indicators.reduce((n: number, i: any) => n + (i.score ?? 0), 0));
    const open = stack.demo.dossiers.find((d) => d.status === 'PROCESSING' && d.ownerPath === '27')!;
    expect(
      (await stack.gql(`query ($id: ID!) { dossier(id: $id) { evaluation { score } } }`, { id: open.id }, province)).data.dossier.evaluation,
    ).toBeNull();
  });

  it("publishes a centre's daily board to anyone: the day's dossiers and satisfaction", async () => {
    const centre = '27-TTHCC';
    const rated = stack.demo.ratings.filter((r) => r.receivingUnitCode === centre);
    const date = vietnamDay(rated[0].ratedAt);
    const { data, errors } = await stack.gql(
      `{ centreBoard(centreCode: "${centre}", date: "${date}") { date centre { name } dossiers { received resolved } satisfaction { ratings } } }`,
    );
    expect(errors).toBeUndefined();
    const counted = stack.demo.dossiers.filter((d) => d.receivingUnitCode === centre && d.status !== 'NEW' && d.status !== 'NOT_RECEIVED');
    expect(data.centreBoard).toEqual({
      date,
      centre: { name: 'Trung tâm Phục vụ hành chính công tỉnh Bắc Ninh' },
      dossiers: {
        received: counted.filter((d) => vietnamDay(d.receivedAt) === date).length,
        resolved: counted.filter((d) => (d.status === 'PROCESSED' || d.status === 'RESULT_RETURNED') && vietnamDay(d.finishedAt!) === date).length,
      },
      satisfaction: { ratings: rated.filter((r) => vietnamDay(r.ratedAt) === date).length },
    });
  });
});
