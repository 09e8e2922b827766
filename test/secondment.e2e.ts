import { expectError } from './support/expect';
import { nationalGrade } from './support/oracles';
import { startTestStack, type TestStack } from './support/stack';

const CENTRE = '27-TTHCC';
const DAY = '2026-11-20';
const ADD_OFFICIAL = `mutation ($input: AddOfficialInput!) { addOfficial(input: $input) { official { id fullName homeAgency { code name } } } }`;
const SECOND = `mutation ($input: SecondOfficialInput!) { secondOfficial(input: $input) { secondment { id startDate plannedEndDate centre { name } official { fullName } } } }`;
const END = `mutation ($input: EndSecondmentInput!) { endSecondment(input: $input) { secondment {
  id actualEndDate endReason replacedBy { id startDate official { fullName } replaces { id } } } } }`;
const ASSIGN = `mutation ($input: AssignCounterInput!) { assignCounter(input: $input) { assignment { id startDate endDate counter { number } official { fullName } } } }`;
const UPDATE = `mutation ($input: UpdateOfficialInput!) { updateOfficial(input: $input) { official { id title } } }`;
const DUTY = `mutation ($input: AddDutyShiftInput!) { addDutyShift(input: $input) { dutyShift { id date shift role official { fullName } } } }`;

describe('personnel secondment to the centre, through the gateway', () => {
  let stack: TestStack;
  let justiceDirector: string;
  let environmentDirector: string;
  let centreDirector: string;
  let province: string;
  beforeAll(async () => {
    stack = await startTestStack({ dossiers: 400 });
    justiceDirector = await stack.token({ role: 'LEADER', unit: '27.27-STP' });
    environmentDirector = await stack.token({ role: 'LEADER', unit: '27.27-STNMT' });
    centreDirector = await stack.token({ role: 'LEADER', unit: `27.${CENTRE}` });
    province = await stack.token({ role: 'ADMIN', unit: '27' });
  });
  afterAll(async () => {
    await stack.stop();
  });

  const rowCounts = async () =>
    (
      await stack.ownerQuery(
        'personnel',
        `SELECT (SELECT count(*) FROM official)::int AS officials, (SELECT count(*) FROM secondment)::int AS secondments,
                               (SELECT count(*) FROM counter_assignment)::int AS assignments, (SELECT count(*) FROM duty_shift)::int AS shifts`,
      )
    ).rows[0];
  const counter = (number: number) => stack.demo.counters.find((c) => c.number === number)!;

  it("sums up the centre's staffing: seconded and central officials by home agency, counters covered, fields left uncovered", async () => {
    const { data, errors } = await stack.gql(
      `{ centreStaffing(centreCode: "${CENTRE}", date: "${DAY}") {
      seconded central byHomeAgency { homeAgency { code name } kind officials } openCounters countersCovered fieldsWithoutOfficial { code name } } }`,
      {},
      province,
    );
    expect(errors).toBeUndefined();
    const active = stack.demo.secondments.filter(
      (s) => s.centreCode === CENTRE && s.startDate <= DAY && DAY <= (s.actualEndDate ?? s.plannedEndDate ?? DAY),
    );
    const staffing = data.centreStaffing;
    expect([staffing.seconded, staffing.central]).toEqual([
      active.filter((s) => s.kind === 'DEPARTMENT').length,
      active.filter((s) => s.kind === 'CENTRAL_AGENCY').length,
    ]);
    expect(staffing.byHomeAgency).toHaveLength(new Set(active.map((s) => s.homeAgencyCode)).size);
    const taxOfficials = active.filter((s) => s.homeAgencyCode === '27-CT').length;
    expect(taxOfficials).toBeGreaterThan(0);
    expect(staffing.byHomeAgency.find((row: any) => row.homeAgency.code === '27-CT')).toEqual({
      homeAgency: { code: '27-CT', name: 'Cục Thuế tỉnh Bắc Ninh' },
      kind: 'CENTRAL_AGENCY',
      officials: taxOfficials,
    });
    const open = stack.demo.counters.filter((c) => c.centreCode === CENTRE && c.isOpen);
    const seatedToday = new Set(
      stack.demo.counterAssignments.filter((a) => a.startDate <= DAY && (!a.endDate || DAY <= a.endDate)).map((a) => a.counterId),
    );
    expect([staffing.openCounters, staffing.countersCovered]).toEqual([open.length, open.filter((c) => seatedToday.has(c.id)).length]);
    // The demo's centre has one field no counter serves.
    expect(staffing.fieldsWithoutOfficial).toEqual([{ code: 'GTVT', name: 'Giao thông vận tải' }]);
  });

  it('seconds a new official of a department, seats them at one counter only, and only while seconded', async () => {
    const added = await stack.gql(
      ADD_OFFICIAL,
      { input: { clientRequestId: 'hire-1', fullName: 'Nguyễn Thị Ánh Tuyết', title: 'Chuyên viên', homeAgencyCode: '27-STNMT' } },
      environmentDirector,
    );
    expect(added.errors).toBeUndefined();
    const official = added.data.addOfficial.official;
    expect(official).toMatchObject({ fullName: 'Nguyễn Thị Ánh Tuyết', homeAgency: { code: '27-STNMT', name: 'Sở Tài nguyên và Môi trường' } });

    const seconded = await stack.gql(
      SECOND,
      {
        input: {
          clientRequestId: 'second-1',
          officialId: official.id,
          centreCode: CENTRE,
          kind: 'DEPARTMENT',
          decisionNumber: '301/QĐ-STNMT',
          decisionDate: '2026-11-02',
          startDate: '2026-11-09',
          plannedEndDate: '2027-11-08',
        },
      },
      environmentDirector,
    );
    expect(seconded.errors).toBeUndefined();
    expect(seconded.data.secondOfficial.secondment).toMatchObject({
      startDate: '2026-11-09',
      centre: { name: 'Trung tâm Phục vụ hành chính công tỉnh Bắc Ninh' },
      official: { fullName: 'Nguyễn Thị Ánh Tuyết' },
    });

    const seat = await stack.gql(
      ASSIGN,
      { input: { clientRequestId: 'seat-1', counterId: counter(3).id, officialId: official.id, startDate: '2026-11-10' } },
      centreDirector,
    );
    expect(seat.errors).toBeUndefined();
    // With no end given, the seat lasts as long as the secondment.
    expect(seat.data.assignCounter.assignment).toMatchObject({
      startDate: '2026-11-10',
      endDate: '2027-11-08',
      counter: { number: 3 },
      official: { fullName: 'Nguyễn Thị Ánh Tuyết' },
    });

    const before = await rowCounts();
    const overlap = await stack.gql(
      ASSIGN,
      { input: { clientRequestId: 'seat-2', counterId: counter(4).id, officialId: official.id, startDate: '2026-12-01', endDate: '2026-12-31' } },
      centreDirector,
    );
    expectError(overlap, 'CONFLICT', 'input.startDate');
    expect(overlap.errors![0].message).toContain('counter 3');
    const beforeSecondment = await stack.gql(
      ASSIGN,
      { input: { clientRequestId: 'seat-3', counterId: counter(4).id, officialId: official.id, startDate: '2026-11-02', endDate: '2026-11-06' } },
      centreDirector,
    );
    expectError(beforeSecondment, 'CONFLICT', 'input.startDate');
    const beyondSecondment = await stack.gql(
      ASSIGN,
      { input: { clientRequestId: 'seat-4', counterId: counter(4).id, officialId: official.id, startDate: '2027-11-01', endDate: '2028-01-31' } },
      centreDirector,
    );
    expect(beyondSecondment.errors![0].extensions!.code).toBe('CONFLICT');
    expect(await rowCounts()).toEqual(before);

    // A retry answers with the first result and writes nothing more.
    const retry = await stack.gql(
      ASSIGN,
      { input: { clientRequestId: 'seat-1', counterId: counter(3).id, officialId: official.id, startDate: '2026-11-10' } },
      centreDirector,
    );
    expect(retry.data.assignCounter.assignment.id).toBe(seat.data.assignCounter.assignment.id);
    expect(await rowCounts()).toEqual(before);
  });

  it('ends a secondment early with the reason and a replacement, keeping the history, and frees the counter from that day', async () => {
    const justice = stack.demo.secondments.find((s) => s.homeAgencyCode === '27-STP' && !s.actualEndDate && !s.replacesId)!;
    const seat = stack.demo.counterAssignments.find((a) => a.secondmentId === justice.id)!;
    const hired = await stack.gql(
      ADD_OFFICIAL,
      { input: { clientRequestId: 'hire-stp', fullName: 'Đặng Quốc Hưng', title: 'Chuyên viên', homeAgencyCode: '27-STP' } },
      justiceDirector,
    );
    const replacementId = hired.data.addOfficial.official.id;
    const ended = await stack.gql(
      END,
      {
        input: {
          clientRequestId: 'end-1',
          secondmentId: justice.id,
          endDate: '2026-11-30',
          reason: 'Vi phạm quy định về thời gian làm việc',
          replacement: { officialId: replacementId, decisionNumber: '330/QĐ-STP', decisionDate: '2026-11-25' },
        },
      },
      justiceDirector,
    );
    expect(ended.errors).toBeUndefined();
    const secondment = ended.data.endSecondment.secondment;
    expect(secondment).toMatchObject({
      actualEndDate: '2026-11-30',
      endReason: 'Vi phạm quy định về thời gian làm việc',
      replacedBy: { startDate: '2026-12-01', official: { fullName: 'Đặng Quốc Hưng' }, replaces: { id: justice.id } },
    });

    const history = await stack.gql(
      `query ($id: ID!) { official(id: $id) { secondments { decisionNumber startDate actualEndDate endReason } } }`,
      { id: justice.officialId },
      province,
    );
    expect(history.data.official.secondments).toEqual([
      {
        decisionNumber: justice.decisionNumber,
        startDate: justice.startDate,
        actualEndDate: '2026-11-30',
        endReason: 'Vi phạm quy định về thời gian làm việc',
      },
    ]);

    const seats = await stack.gql(
      `query { counters(centreCode: "${CENTRE}") { id before: assignments(date: "2026-11-30") { official { id } } after: assignments(date: "2026-12-01") { official { id } } } }`,
      {},
      province,
    );
    const row = seats.data.counters.find((c: any) => c.id === seat.counterId);
    expect(row.before.map((a: any) => a.official.id)).toContain(justice.officialId);
    expect(row.after.map((a: any) => a.official.id)).not.toContain(justice.officialId);

    const again = await stack.gql(
      END,
      { input: { clientRequestId: 'end-2', secondmentId: justice.id, endDate: '2026-11-30', reason: 'x' } },
      justiceDirector,
    );
    expectError(again, 'CONFLICT', 'input.secondmentId');
  });

  it("refuses a department's change to another department's officials and secondments, and writes nothing", async () => {
    const theirs = stack.demo.officials.find((o) => o.homeAgencyCode === '27-STNMT')!;
    const before = await rowCounts();
    const update = await stack.gql(UPDATE, { input: { clientRequestId: 'poach-1', officialId: theirs.id, title: 'Trưởng phòng' } }, justiceDirector);
    expectError(update, 'FORBIDDEN', 'input.officialId');
    expect(update.errors![0].message).toContain('27.27-STNMT');
    const second = await stack.gql(
      SECOND,
      {
        input: {
          clientRequestId: 'poach-2',
          officialId: theirs.id,
          centreCode: '259-MC',
          kind: 'DEPARTMENT',
          decisionNumber: '1/QĐ',
          decisionDate: '2026-11-02',
          startDate: '2028-01-01',
        },
      },
      justiceDirector,
    );
    expectError(second, 'FORBIDDEN', 'input.officialId');
    const hire = await stack.gql(
      ADD_OFFICIAL,
      { input: { clientRequestId: 'poach-3', fullName: 'Lê Văn Tám', title: 'Chuyên viên', homeAgencyCode: '27-STNMT' } },
      justiceDirector,
    );
    expectError(hire, 'FORBIDDEN', 'input.homeAgencyCode');
    expect((await stack.ownerQuery('personnel', `SELECT title FROM official WHERE id = $1`, [theirs.id])).rows[0].title).toBe(theirs.title);
    expect(await rowCounts()).toEqual(before);
    // Their own director may.
    const own = await stack.gql(
      UPDATE,
      { input: { clientRequestId: 'own-1', officialId: theirs.id, title: 'Phó Trưởng phòng' } },
      environmentDirector,
    );
    expect(own.data.updateOfficial.official.title).toBe('Phó Trưởng phòng');
  });

  it('answers bad input with a coded error naming the field, and writes nothing', async () => {
    const official = stack.demo.officials.find((o) => o.homeAgencyCode === '27-STNMT')!;
    const before = await rowCounts();
    const reversed = await stack.gql(
      SECOND,
      {
        input: {
          clientRequestId: 'bad-1',
          officialId: official.id,
          centreCode: CENTRE,
          kind: 'DEPARTMENT',
          decisionNumber: '9/QĐ',
          decisionDate: '2028-01-01',
          startDate: '2028-02-01',
          plannedEndDate: '2028-01-15',
        },
      },
      environmentDirector,
    );
    expectError(reversed, 'BAD_USER_INPUT', 'input.plannedEndDate');
    const unknown = await stack.gql(
      ASSIGN,
      { input: { clientRequestId: 'bad-2', counterId: counter(1).id, officialId: '00000000-0000-4000-8000-000000000000', startDate: '2026-12-01' } },
      centreDirector,
    );
    expectError(unknown, 'NOT_FOUND', 'input.officialId');
    const malformed = await stack.gql(
      ASSIGN,
      { input: { clientRequestId: 'bad-3', counterId: 'quầy-1', officialId: official.id, startDate: '2026-12-01' } },
      centreDirector,
    );
    expectError(malformed, 'BAD_USER_INPUT', 'input.counterId');
    const reversedSeat = await stack.gql(
      ASSIGN,
      { input: { clientRequestId: 'bad-4', counterId: counter(1).id, officialId: official.id, startDate: '2026-12-10', endDate: '2026-12-01' } },
      centreDirector,
    );
    expectError(reversedSeat, 'BAD_USER_INPUT', 'input.endDate');
    // A centre cannot seat anyone at another centre's counter ...
    const districtCentre = await stack.token({ role: 'LEADER', unit: '27.259.259-MC' });
    const foreign = await stack.gql(
      ASSIGN,
      { input: { clientRequestId: 'bad-5', counterId: counter(1).id, officialId: official.id, startDate: '2026-12-01' } },
      districtCentre,
    );
    expectError(foreign, 'FORBIDDEN', 'input.counterId');
    // ... and an official seconded to one centre does not sit at a counter of another.
    const elsewhere = await stack.gql(
      `mutation { addCounter(input: { clientRequestId: "bad-6", centreCode: "259-MC", number: 1, name: "Quầy Đất đai", fieldCodes: ["DD"] }) { counter { id } } }`,
      {},
      province,
    );
    expect(elsewhere.errors).toBeUndefined();
    const seconded = stack.demo.secondments.find((s) => s.homeAgencyCode === '27-STNMT' && !s.actualEndDate)!;
    const wrongCentre = await stack.gql(
      ASSIGN,
      {
        input: {
          clientRequestId: 'bad-7',
          counterId: elsewhere.data.addCounter.counter.id,
          officialId: seconded.officialId,
          startDate: '2026-12-01',
        },
      },
      province,
    );
    expectError(wrongCentre, 'BAD_USER_INPUT', 'input.counterId');
    const unknownField = await stack.gql(
      `mutation { addCounter(input: { clientRequestId: "bad-8", centreCode: "${CENTRE}", number: 17, name: "Quầy mới", fieldCodes: ["HT", "KHONGCO"] }) { counter { id } } }`,
      {},
      centreDirector,
    );
    expectError(unknownField, 'BAD_USER_INPUT', 'input.fieldCodes[1]');
    const notACentre = await stack.gql(
      SECOND,
      {
        input: {
          clientRequestId: 'bad-9',
          officialId: official.id,
          centreCode: '27-STP',
          kind: 'DEPARTMENT',
          decisionNumber: '9/QĐ',
          decisionDate: '2028-01-01',
          startDate: '2028-02-01',
        },
      },
      environmentDirector,
    );
    expectError(notACentre, 'BAD_USER_INPUT', 'input.centreCode');
    const { counters: addedCounters, ...rest } = { counters: 1, ...(await rowCounts()) };
    expect([addedCounters, rest]).toEqual([1, before]);
  });

  it("keeps a commune desk's roster: its officer and its leader taking turns; nobody from outside", async () => {
    const desk = '09238-MC';
    const roster = await stack.gql(
      `{ dutyRoster(unitCode: "${desk}", from: "2026-11-01", to: "2026-11-30") { date shift role official { fullName isLeader } } }`,
      {},
      province,
    );
    expect(roster.errors).toBeUndefined();
    const seeded = stack.demo.dutyShifts.filter((s) => s.unitCode === desk);
    expect(roster.data.dutyRoster).toHaveLength(seeded.length);
    expect(roster.data.dutyRoster.filter((s: any) => s.role === 'LEADER_ON_DUTY').every((s: any) => s.official.isLeader)).toBe(true);
    expect(roster.data.dutyRoster[0]).toMatchObject({ date: '2026-11-02', shift: 'MORNING' });

    const communeLeader = await stack.token({ role: 'LEADER', unit: '27.259.09238' });
    const clerk = stack.demo.officials.find((o) => o.ownerPath === '27.259.09238.09238-VP' && !o.isLeader)!;
    const stranger = stack.demo.officials.find((o) => o.ownerPath === '27.259.09241.09241-VP')!;
    const before = await rowCounts();
    expectError(
      await stack.gql(
        DUTY,
        { input: { clientRequestId: 'duty-1', unitCode: desk, date: '2026-11-28', shift: 'MORNING', officialId: stranger.id, role: 'RECEPTION' } },
        communeLeader,
      ),
      'CONFLICT',
      'input.officialId',
    );
    expectError(
      await stack.gql(
        DUTY,
        { input: { clientRequestId: 'duty-2', unitCode: desk, date: '2026-11-28', shift: 'MORNING', officialId: clerk.id, role: 'LEADER_ON_DUTY' } },
        communeLeader,
      ),
      'BAD_USER_INPUT',
      'input.role',
    );
    expectError(
      await stack.gql(
        DUTY,
        { input: { clientRequestId: 'duty-3', unitCode: desk, date: '2026-11-27', shift: 'MORNING', officialId: clerk.id, role: 'RECEPTION' } },
        communeLeader,
      ),
      'CONFLICT',
      'input.shift',
    );
    expect(await rowCounts()).toEqual(before);
    const saturday = await stack.gql(
      DUTY,
      { input: { clientRequestId: 'duty-4', unitCode: desk, date: '2026-11-28', shift: 'MORNING', officialId: clerk.id, role: 'RECEPTION' } },
      communeLeader,
    );
    expect(saturday.data.addDutyShift.dutyShift).toMatchObject({
      date: '2026-11-28',
      shift: 'MORNING',
      role: 'RECEPTION',
      official: { fullName: clerk.fullName },
    });
  });

  it("gives the home agency's director an official's evaluation in one query, equal to a hand count over the seeded dossiers and ratings", async () => {
    const FROM = '2026-06-01';
    const TO = '2026-11-20';
    const start = new Date(`${FROM}T00:00:00+07:00`);
    const stop = new Date(`2026-11-21T00:00:00+07:00`);
    // The seconded department official citizens rated most in the period, evaluated by their own director.
    const inPeriod = (r: { ratedAt: Date }) => r.ratedAt >= start && r.ratedAt < stop;
    const rated = (id: string) => stack.demo.ratings.filter((r) => r.officialId === id && inPeriod(r)).length;
    const handled = (id: string) => stack.demo.dossiers.filter((d) => d.handlerId === id);
    const departmental = new Set(stack.demo.secondments.filter((s) => s.kind === 'DEPARTMENT' && !s.actualEndDate).map((s) => s.officialId));
    const official = stack.demo.officials.filter((o) => departmental.has(o.id)).sort((a, b) => rated(b.id) - rated(a.id))[0];
    const director = await stack.token({ role: 'LEADER', unit: official.ownerPath });
    const agency = stack.demo.units.find((u) => u.code === official.homeAgencyCode)!;
    const mine = handled(official.id).filter((d) => d.status !== 'NEW' && d.status !== 'NOT_RECEIVED');
    const resolved = mine.filter(
      (d) => (d.status === 'PROCESSED' || d.status === 'RESULT_RETURNED') && d.finishedAt! >= start && d.finishedAt! < stop,
    );
    const onTime = resolved.filter((d) => nationalGrade(d) !== 'LATE').length;
    const ratings = stack.demo.ratings.filter((r) => r.officialId === official.id && inPeriod(r));
    const good = (level: string) => level === 'VERY_SATISFIED' || level === 'SATISFIED';
    const satisfied = ratings.filter((r) => good(r.resultSatisfaction) && good(r.attitudeSatisfaction)).length;
    expect(resolved.length).toBeGreaterThan(3);
    expect(ratings.length).toBeGreaterThan(1);

    const { data, errors } = await stack.gql(
      `query ($id: ID!) { official(id: $id) {
        fullName homeAgency { name } secondments { centre { name } startDate actualEndDate }
        workload(from: "${FROM}", to: "${TO}") { received resolved onTimeRate }
        satisfaction(from: "${FROM}", to: "${TO}") { ratings satisfied satisfactionRate } } }`,
      { id: official.id },
      director,
    );
    expect(errors).toBeUndefined();
    expect(data.official).toEqual({
      fullName: official.fullName,
      homeAgency: { name: agency.name },
      secondments: [{ centre: { name: 'Trung tâm Phục vụ hành chính công tỉnh Bắc Ninh' }, startDate: '2025-01-06', actualEndDate: null }],
      workload: {
        received: mine.filter((d) => d.receivedAt >= start && d.receivedAt < stop).length,
        resolved: resolved.length,
        onTimeRate: Math.round((onTime * 10000) / resolved.length) / 100,
      },
      satisfaction: { ratings: ratings.length, satisfied, satisfactionRate: Math.round((satisfied * 10000) / ratings.length) / 100 },
    });
  });
});
