import type { DossierEntity } from '../subgraphs/dossiers/src/store/entities/dossier.entity';
import { nationalGrade } from './support/oracles';
import { sharedStack, type SharedStack } from './support/shared-stack';

const FROM = '2026-09-01';
const TO = '2026-10-31';
const start = new Date(`${FROM}T00:00:00+07:00`);
const stop = new Date(`2026-11-01T00:00:00+07:00`);

/** The figures counted by hand over the seeded rows, as the national report defines them. */
function handCount(dossiers: DossierEntity[]) {
  const counted = dossiers.filter((d) => d.status !== 'NEW' && d.status !== 'NOT_RECEIVED');
  const resolved = counted.filter(
    (d) => (d.status === 'PROCESSED' || d.status === 'RESULT_RETURNED') && d.finishedAt! >= start && d.finishedAt! < stop,
  );
  const early = resolved.filter((d) => nationalGrade(d) === 'EARLY').length;
  const onTime = resolved.filter((d) => nationalGrade(d) === 'ON_TIME').length;
  return {
    received: counted.filter((d) => d.receivedAt >= start && d.receivedAt < stop).length,
    carriedOver: counted.filter((d) => d.receivedAt < start && (!d.finishedAt || d.finishedAt >= start)).length,
    resolved: resolved.length,
    resolvedEarly: early,
    resolvedOnTime: onTime,
    resolvedLate: resolved.length - early - onTime,
    inProgress: counted.filter((d) => d.receivedAt < stop && (!d.finishedAt || d.finishedAt >= stop)).length,
    onTimeRate: resolved.length ? Math.round(((early + onTime) * 10000) / resolved.length) / 100 : null,
  };
}

const FIGURES = 'received carriedOver resolved resolvedEarly resolvedOnTime resolvedLate inProgress onTimeRate';

describe('dossier statistics summed up the tree, through the gateway', () => {
  let stack: SharedStack;
  beforeAll(async () => {
    stack = await sharedStack();
  });
  afterAll(() => stack.stop());

  const under = (path: string) => stack.demo.dossiers.filter((d) => d.ownerPath === path || d.ownerPath.startsWith(`${path}.`));

  it('gives a province user the whole tree, and each district summed over its communes', async () => {
    const province = await stack.token({ role: 'LEADER', unit: '27' });
    const whole = await stack.gql(
      `query ($f: DossierStatsFilter!) { dossierStatistics(filter: $f) { key stats { ${FIGURES} } } }`,
      { f: { from: FROM, to: TO } },
      province,
    );
    expect(whole.errors).toBeUndefined();
    expect(whole.data.dossierStatistics).toEqual([{ key: null, stats: handCount(under('27')) }]);
    expect(whole.data.dossierStatistics[0].stats.received).toBeGreaterThan(50);

    const byUnit = await stack.gql(
      `query ($f: DossierStatsFilter!) { dossierStatistics(filter: $f, groupBy: UNIT) { key unit { name } stats { ${FIGURES} } } }`,
      { f: { from: FROM, to: TO } },
      province,
    );
    const districts = byUnit.data.dossierStatistics.filter((row: { key: string }) => row.key !== '27');
    expect(districts.map((row: { key: string }) => row.key)).toEqual(['256', '258', '259', '260', '261']);
    for (const row of districts) expect([row.key, row.stats]).toEqual([row.key, handCount(under(`27.${row.key}`))]);
    expect(districts.find((row: { key: string }) => row.key === '259').unit.name).toBe('Huyện Quế Võ');

    // The same figures, contributed to the catalogue's units in one query.
    const units = await stack.gql(
      `{ units(filter: { level: DISTRICT, kind: ADMINISTRATIVE }) { nodes { code dossierStats(from: "${FROM}", to: "${TO}") { received resolved onTimeRate } } } }`,
      {},
      province,
    );
    expect(units.errors).toBeUndefined();
    for (const node of units.data.units.nodes) {
      const { received, resolved, onTimeRate } = handCount(under(`27.${node.code}`));
      expect([node.code, node.dossierStats]).toEqual([node.code, { received, resolved, onTimeRate }]);
    }
  });

  it('gives a commune user only its own commune', async () => {
    const path = '27.259.09238';
    const commune = await stack.token({ role: 'OFFICIAL', unit: path });
    const own = await stack.gql(
      `query ($f: DossierStatsFilter!) { dossierStatistics(filter: $f) { stats { ${FIGURES} } } }`,
      { f: { from: FROM, to: TO } },
      commune,
    );
    expect(own.data.dossierStatistics[0].stats).toEqual(handCount(under(path)));
    const above = await stack.gql(
      `query ($f: DossierStatsFilter!) { dossierStatistics(filter: $f) { stats { received } } }`,
      { f: { from: FROM, to: TO, unitPath: '27.259' } },
      commune,
    );
    expect(above.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.unitPath' });
    const units = await stack.gql(
      `{ district: unit(code: "259") { dossierStats(from: "${FROM}", to: "${TO}") { received } } commune: unit(code: "09238") { dossierStats(from: "${FROM}", to: "${TO}") { received } } }`,
      {},
      commune,
    );
    expect(units.data).toEqual({ district: { dossierStats: null }, commune: { dossierStats: { received: handCount(under(path)).received } } });
    const anonymous = await stack.gql(`query ($f: DossierStatsFilter!) { dossierStatistics(filter: $f) { key } }`, { f: { from: FROM, to: TO } });
    expect(anonymous.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('adds up per procedure and per official to the same totals', async () => {
    const province = await stack.token({ role: 'LEADER', unit: '27' });
    const { data, errors } = await stack.gql(
      `{ procedures(first: 100) { nodes { dossierStats(from: "${FROM}", to: "${TO}") { received resolved } } } }`,
      {},
      province,
    );
    expect(errors).toBeUndefined();
    const total = handCount(under('27'));
    const sum = (key: 'received' | 'resolved') => data.procedures.nodes.reduce((n: number, p: any) => n + p.dossierStats[key], 0);
    expect([sum('received'), sum('resolved')]).toEqual([total.received, total.resolved]);
    const byOfficial = await stack.gql(
      `query ($f: DossierStatsFilter!) { dossierStatistics(filter: $f, groupBy: OFFICIAL) { key official { id } stats { received } } }`,
      { f: { from: FROM, to: TO } },
      province,
    );
    expect(byOfficial.data.dossierStatistics.reduce((n: number, row: any) => n + row.stats.received, 0)).toBe(total.received);
  });
});
