import { vietnamDate } from '../shared/scalars';
import type { DossierEntity } from '../subgraphs/dossiers/src/store/entities/dossier.entity';
import { nationalGrade, vietnamDay } from './support/oracles';
import { sharedStack, type SharedStack } from './support/shared-stack';

/**
 * What a provincial leader asks, each in ONE query through the gateway, each answer checked
 * against a count made another way: from the demo's own rows in the test, by the national rules.
 */
describe("an analyst's questions, one query each", () => {
  let stack: SharedStack;
  let leader: string;
  beforeAll(async () => {
    stack = await sharedStack();
    leader = await stack.token({ role: 'LEADER', unit: '27' });
  });
  afterAll(() => stack.stop());

  const ask = async (query: string, variables: Record<string, unknown> = {}) => {
    const { data, errors } = await stack.gql(query, variables, leader);
    expect(errors).toBeUndefined();
    return data;
  };
  const day = (at: Date | null) => (at ? vietnamDay(at) : null);
  const resolvedIn = (d: DossierEntity, from: string, to: string) =>
    (d.status === 'PROCESSED' || d.status === 'RESULT_RETURNED') && day(d.finishedAt)! >= from && day(d.finishedAt)! <= to;
  const grade = nationalGrade;
  const rate = (part: number, whole: number) => (whole ? Math.round((part * 10000) / whole) / 100 : null);
  const onTime = (list: DossierEntity[]) => rate(list.filter((d) => grade(d) !== 'LATE').length, list.length);

  it('(1) which district had the most late dossiers this month, and which step’s unit caused them', async () => {
    const [from, to] = ['2026-11-01', '2026-11-30'];
    const data = await ask(`{ dossierStatistics(filter: { from: "${from}", to: "${to}" }, groupBy: UNIT, sort: { by: RESOLVED_LATE }, limit: 1) {
      unit { code level delays(from: "${from}", to: "${to}") { unit { code } dossiers overHours } } stats { resolvedLate } } }`);
    const [top] = data.dossierStatistics;
    // Another way: the late dossiers of each district, by the grade worked out here.
    const districtOf = (path: string) => path.split('.').slice(0, 2).join('.');
    const late = stack.demo.dossiers.filter(
      (d) => d.ownerPath.split('.').length >= 2 && !d.ownerPath.split('.')[1].startsWith('27-') && resolvedIn(d, from, to) && grade(d) === 'LATE',
    );
    const byDistrict = new Map<string, DossierEntity[]>();
    for (const d of late) byDistrict.set(districtOf(d.ownerPath), [...(byDistrict.get(districtOf(d.ownerPath)) ?? []), d]);
    const most = Math.max(...[...byDistrict.values()].map((list) => list.length));
    expect(top.unit.level).toBe('DISTRICT');
    expect(top.stats.resolvedLate).toBe(most);
    const theirs = byDistrict.get(`27.${top.unit.code}`)!;
    expect(theirs).toHaveLength(most);
    // Who caused each of them, asked of each dossier's public view, tallied: the same as the grouping.
    const causes = new Map<string, number>();
    for (const d of theirs) {
      const { data: one } = await stack.gql(`query ($code: String!) { publicDossier(code: $code) { accountableUnitPath } }`, { code: d.code });
      const code = one.publicDossier.accountableUnitPath.split('.').pop()!;
      causes.set(code, (causes.get(code) ?? 0) + 1);
    }
    expect(Object.fromEntries(top.unit.delays.map((x: any) => [x.unit.code, x.dossiers]))).toEqual(Object.fromEntries(causes));
    expect(top.unit.delays.reduce((n: number, x: any) => n + x.dossiers, 0)).toBe(most);
  });

  it('(2) which seconded officials have the lowest satisfaction, with their home department and workload', async () => {
    const [from, to] = ['2026-01-01', '2026-11-30'];
    const data = await ask(`{ satisfactionStatistics(filter: { from: "${from}", to: "${to}", receivingUnitCode: "27-TTHCC" }, groupBy: OFFICIAL,
        sort: { by: SATISFACTION_RATE, descending: false }, limit: 3, minRatings: 3) {
      official { id fullName homeAgency { code name } secondments { centre { code } } workload(from: "${from}", to: "${to}") { resolved } }
      satisfaction { ratings satisfactionRate } } }`);
    // Another way: the centre's ratings of the period, per official, from the demo's rows.
    const good = new Set(['VERY_SATISFIED', 'SATISFIED']);
    const rated = stack.demo.ratings.filter(
      (r) => r.receivingUnitCode === '27-TTHCC' && r.officialId && vietnamDate(r.ratedAt) >= from && vietnamDate(r.ratedAt) <= to,
    );
    const byOfficial = new Map<string, { ratings: number; satisfied: number }>();
    for (const r of rated) {
      const row = byOfficial.get(r.officialId!) ?? { ratings: 0, satisfied: 0 };
      row.ratings += 1;
      if (good.has(r.resultSatisfaction) && good.has(r.attitudeSatisfaction)) row.satisfied += 1;
      byOfficial.set(r.officialId!, row);
    }
    const lowest = [...byOfficial]
      .filter(([, r]) => r.ratings >= 3)
      .map(([id, r]) => ({ id, ...r, rate: rate(r.satisfied, r.ratings)! }))
      .sort((a, b) => a.rate - b.rate || b.ratings - a.ratings);
    expect(data.satisfactionStatistics.map((g: any) => g.satisfaction.satisfactionRate)).toEqual(lowest.slice(0, 3).map((o) => o.rate));
    for (const group of data.satisfactionStatistics) {
      const official = stack.demo.officials.find((o) => o.id === group.official.id)!;
      expect(group.official).toMatchObject({ fullName: official.fullName, homeAgency: { code: official.homeAgencyCode } });
      expect(group.official.homeAgency.name).toBeTruthy();
      expect(group.official.secondments.some((s: any) => s.centre.code === '27-TTHCC')).toBe(true);
      expect(group.official.workload.resolved).toBe(stack.demo.dossiers.filter((d) => d.handlerId === official.id && resolvedIn(d, from, to)).length);
    }
  });

  it('(3) the on-time rate per field at the provincial centre, against the national target', async () => {
    const [from, to] = ['2026-06-01', '2026-11-30'];
    const data = await ask(`{ dossierStatistics(filter: { from: "${from}", to: "${to}", receivingUnitCode: "27-TTHCC" }, groupBy: FIELD) {
      field { code name } stats { resolved onTimeRate targets { indicator target value gap source } } } }`);
    const resolved = stack.demo.dossiers.filter((d) => d.receivingUnitCode === '27-TTHCC' && resolvedIn(d, from, to));
    const fields = [...new Set(resolved.map((d) => d.fieldCode!))].sort();
    const withResolutions = data.dossierStatistics.filter((g: any) => g.stats.resolved > 0);
    expect(withResolutions.map((g: any) => g.field.code).sort()).toEqual(fields);
    for (const group of withResolutions) {
      const expected = onTime(resolved.filter((d) => d.fieldCode === group.field.code));
      expect(group.field.name).toBe(stack.demo.fields.find((f) => f.code === group.field.code)!.name);
      expect(group.stats.onTimeRate).toBe(expected);
      const target = group.stats.targets.find((t: any) => t.indicator === 'ON_TIME_RATE');
      expect(target).toMatchObject({ target: 100, value: expected, gap: Math.round((expected! - 100) * 100) / 100 });
      expect(target.source).toContain('766');
    }
  });

  it('(4) which fully-online procedures still come in mostly at the counter, and how satisfied their applicants are', async () => {
    const [from, to] = ['2026-06-01', '2026-11-30'];
    const data = await ask(`{ procedures(filter: { onlineLevel: FULL }, first: 100) { nodes { id code
      dossierStats(from: "${from}", to: "${to}") { received receivedOnline receivedInPerson onlineShare averageResolutionDays medianResolutionDays }
      satisfaction(from: "${from}", to: "${to}") { ratings satisfactionRate } } } }`);
    const full = stack.demo.procedures.filter((p) => p.onlineLevel === 'FULL');
    expect(data.procedures.nodes.map((p: any) => p.id).sort()).toEqual(full.map((p) => p.id).sort());
    const good = new Set(['VERY_SATISFIED', 'SATISFIED']);
    let atCounter = 0;
    for (const node of data.procedures.nodes) {
      const received = stack.demo.dossiers.filter(
        (d) =>
          d.procedureId === node.id && d.status !== 'NEW' && d.status !== 'NOT_RECEIVED' && day(d.receivedAt)! >= from && day(d.receivedAt)! <= to,
      );
      const online = received.filter((d) => d.channel === 'ONLINE').length;
      const inPerson = received.filter((d) => d.channel === 'IN_PERSON').length;
      const { averageResolutionDays, medianResolutionDays, ...counts } = node.dossierStats;
      expect(counts).toEqual({
        received: received.length,
        receivedOnline: online,
        receivedInPerson: inPerson,
        onlineShare: rate(online, received.length),
      });
      // Average and median time to resolution, in days, over those resolved in the period.
      const days = stack.demo.dossiers
        .filter((d) => d.procedureId === node.id && resolvedIn(d, from, to))
        .map((d) => (d.finishedAt!.getTime() - d.receivedAt.getTime()) / 86_400_000)
        .sort((a, b) => a - b);
      if (!days.length) expect([averageResolutionDays, medianResolutionDays]).toEqual([null, null]);
      else {
        const middle = days.length / 2;
        expect(averageResolutionDays).toBeCloseTo(days.reduce((a, b) => a + b, 0) / days.length, 2);
        expect(medianResolutionDays).toBeCloseTo(days.length % 2 ? days[Math.floor(middle)] : (days[middle - 1] + days[middle]) / 2, 2);
      }
      const ratings = stack.demo.ratings.filter((r) => r.procedureId === node.id && vietnamDate(r.ratedAt) >= from && vietnamDate(r.ratedAt) <= to);
      const satisfied = ratings.filter((r) => good.has(r.resultSatisfaction) && good.has(r.attitudeSatisfaction)).length;
      expect(node.satisfaction).toEqual({ ratings: ratings.length, satisfactionRate: rate(satisfied, ratings.length) });
      if (inPerson > online) atCounter += 1;
    }
    // The demo has fully-online procedures that still come in mostly at the counter: the question has an answer.
    expect(atCounter).toBeGreaterThan(0);
  });

  it("(5) the province's monthly on-time rate over the last twelve months", async () => {
    const data = await ask(
      `{ dossierStatistics(filter: { from: "2025-12-01", to: "2026-11-30" }, groupBy: MONTH) { key from to stats { resolved onTimeRate } } }`,
    );
    expect(data.dossierStatistics.map((g: any) => g.key)).toEqual([
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
    ]);
    expect(data.dossierStatistics[2]).toMatchObject({ from: '2026-02-01', to: '2026-02-28' });
    for (const month of data.dossierStatistics) {
      const resolved = stack.demo.dossiers.filter((d) => resolvedIn(d, month.from, month.to));
      expect({ key: month.key, ...month.stats }).toEqual({ key: month.key, resolved: resolved.length, onTimeRate: onTime(resolved) });
    }
  });

  it('lists days over a quarter at most: a longer period is grouped by week, month or quarter', async () => {
    const { errors } = await stack.gql(`{ dossierStatistics(filter: { from: "2026-01-01", to: "2026-12-31" }, groupBy: DAY) { key } }`, {}, leader);
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'groupBy' });
    const quarter = await ask(`{ dossierStatistics(filter: { from: "2026-09-01", to: "2026-11-30" }, groupBy: DAY) { key } }`);
    expect(quarter.dossierStatistics).toHaveLength(91);
  });
});
