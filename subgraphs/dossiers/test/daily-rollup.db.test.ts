import type { DataSource } from 'typeorm';
import type { Caller } from '../../../shared/caller';
import { WorkingCalendar } from '../../../shared/calendar';
import { inCallerScope } from '../../../shared/db';
import { connect } from '../../../shared/standalone';
import { buildDemo } from '../../../infra/seed/demo';
import { writeDemo } from '../../../infra/seed/seed';
import { freshDatabases, type TestDatabases } from '../../../test/support/databases';
import { dossiers as dossiersModule } from '../src';
import { act, TRANSITIONS, type Action } from '../src/lifecycle/actions';
import { MOVES } from '../src/lifecycle/moves';
import { rollupStatisticsSql, statisticsSql, type StatsFilter } from '../src/lifecycle/statistics';

/**
 * Unit statistics come from the daily rollup kept by a trigger; counting the dossiers themselves
 * is the definition. The two must agree after reception data is loaded and after every action.
 */
describe('the daily statistics rollup', () => {
  const demo = buildDemo({ dossiers: 500 });
  const province: Caller = { sub: 'province-leader', role: 'ADMIN', unit: '27' };
  const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
  const periods = [
    { from: '2026-06-01', to: '2026-06-30' },
    { from: '2026-09-01', to: '2026-10-31' },
    { from: '2026-10-15', to: '2026-10-15' },
    { from: '2026-11-01', to: '2026-11-30' },
    // A period still running: overdue means overdue by now.
    { from: `${today.slice(0, 8)}01`, to: today },
    { from: '2024-01-01', to: '2026-12-31' },
  ];
  let databases: TestDatabases;
  let app: DataSource;
  beforeAll(async () => {
    databases = await freshDatabases();
    await writeDemo(databases.urls, demo);
    app = await connect(dossiersModule, databases.urls.dossiers.app);
  });
  afterAll(async () => {
    await app.destroy();
    await databases.drop();
  });

  async function expectRollupToMatchDossiers() {
    for (const scope of ['27', '27.259', '27.259.09238']) {
      for (const period of periods) {
        const filter: StatsFilter = { ...period, scope };
        for (const grouped of [false, true]) {
          const scan = statisticsSql(filter, grouped ? 'UNIT' : null);
          const rollup = rollupStatisticsSql(filter, grouped ? `CASE WHEN r.owner_path = $3 THEN split_part($3, '.', -1) ELSE split_part(substr(r.owner_path, length($3) + 2), '.', 1) END` : null);
          const [counted, rolled] = [await app.query(scan.sql, scan.params), await app.query(rollup.sql, rollup.params)];
          expect([scope, period, grouped, rolled]).toEqual([scope, period, grouped, counted]);
        }
      }
    }
  }

  it('equals a count over the seeded dossiers for every period and subtree', async () => {
    const [{ received }] = await app.query(`SELECT sum(received)::int AS received FROM dossier_daily`);
    expect(received).toBeGreaterThan(400);
    await expectRollupToMatchDossiers();
  });

  it('follows every action in the transaction that performs it', async () => {
    const calendar = new WorkingCalendar();
    const input = { reason: 'Lý do', missingItems: ['Tờ khai'], amountVnd: 1000, newDueAt: new Date('2030-01-01'), outcome: 'APPROVED' as const, method: 'IN_PERSON' as const };
    const performed = new Set<Action>();
    for (const [i, dossier] of demo.dossiers.slice(0, 300).entries()) {
      const actions = (Object.keys(TRANSITIONS) as Action[]).filter((a) => (TRANSITIONS[a].from as readonly string[]).includes(dossier.status));
      const action = actions[i % Math.max(actions.length, 1)];
      if (!action) continue;
      // A move its business rules refuse (a reschedule too late, say) changes nothing, rollup included.
      const done = await inCallerScope(app, province, (manager) => act(manager, province, dossier.id, action, (s) => MOVES[action](s, input, calendar))).then(() => true, () => false);
      if (done) performed.add(action);
    }
    expect([...performed]).toEqual(expect.arrayContaining(['transfer', 'refuse', 'requestSupplement', 'reschedule', 'withdraw', 'stop', 'resolve', 'returnResult']));
    await expectRollupToMatchDossiers();
  });

  it('cannot be written by the application role', async () => {
    await expect(app.query(`UPDATE dossier_daily SET received = received + 1`)).rejects.toThrow(/permission denied/);
    await expect(app.query(`INSERT INTO dossier_daily (owner_path, day, received) VALUES ('27', '2026-01-01', 5)`)).rejects.toThrow(/permission denied/);
  });
});
