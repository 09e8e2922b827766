import type { Caller } from '../../../shared/caller';
import { WorkingCalendar } from '../../../shared/calendar';
import { inCallerScope } from '../../../shared/db';
import { childUnitSql } from '../../../shared/sql';
import { buildDemo } from '../../../infra/seed/demo';
import { TEST_CLOCK } from '../../../test/support/clock';
import { seededDatabase } from '../../../test/support/databases';
import { vietnamDate } from '../../../shared/scalars';
import { dossiers as dossiersModule } from '../src';
import { act, PROCESS, type Action } from '../src/lifecycle/actions';
import { MOVES } from '../src/lifecycle/moves';
import type { StatsFilter } from '../src/statistics/grouping';
import { rollupStatisticsSql } from '../src/store/daily-rollup';
import { statisticsSql } from '../src/store/statistics';
import { inputForAnyMove } from './fixtures';

/**
 * Unit statistics come from the daily rollup kept by a trigger; counting the dossiers themselves
 * is the definition. The two must agree after reception data is loaded and after every action.
 */
describe('the daily statistics rollup', () => {
  const demo = buildDemo({ dossiers: 500 });
  const province: Caller = { sub: 'province-leader', role: 'ADMIN', unit: '27' };
  const today = vietnamDate(TEST_CLOCK.now());
  const periods = [
    { from: '2026-06-01', to: '2026-06-30' },
    { from: '2026-09-01', to: '2026-10-31' },
    { from: '2026-10-15', to: '2026-10-15' },
    { from: '2026-11-01', to: '2026-11-30' },
    // A period still running: overdue means overdue by now.
    { from: `${today.slice(0, 8)}01`, to: today },
    { from: '2024-01-01', to: '2026-12-31' },
  ];
  const seeded = seededDatabase(dossiersModule, demo);

  async function expectRollupToMatchDossiers() {
    for (const scope of ['27', '27.259', '27.259.09238']) {
      for (const period of periods) {
        const filter: StatsFilter = { ...period, scope };
        for (const grouped of [false, true]) {
          const scan = statisticsSql(filter, grouped ? 'UNIT' : null);
          const rollup = rollupStatisticsSql(filter, grouped ? childUnitSql('r.owner_path', '$3') : null);
          // Resolution times are counted from the dossiers only; the rollup leaves them null (as the schema says).
          const counts = (rows: Record<string, unknown>[]) =>
            rows.map(({ averageResolutionDays: _a, medianResolutionDays: _m, ...figures }) => figures);
          const [counted, rolled] = [
            counts(await seeded.app.query(scan.sql, scan.params)),
            counts(await seeded.app.query(rollup.sql, rollup.params)),
          ];
          expect([scope, period, grouped, rolled]).toEqual([scope, period, grouped, counted]);
        }
      }
    }
  }

  it('equals a count over the seeded dossiers for every period and subtree', async () => {
    const [{ received }] = await seeded.app.query(`SELECT sum(received)::int AS received FROM dossier_daily`);
    expect(received).toBeGreaterThan(400);
    await expectRollupToMatchDossiers();
  });

  it('follows every action in the transaction that performs it', async () => {
    const calendar = new WorkingCalendar();
    const input = inputForAnyMove();
    const performed = new Set<Action>();
    for (const [i, dossier] of demo.dossiers.slice(0, 300).entries()) {
      // Assigning a handler asks personnel, which this test does not run; it and digitising change no figure of the rollup.
      // The province acts as an official: the citizen's own moves (the same effects) are not its to make.
      const actions = PROCESS.actions.filter(
        (a) =>
          a !== 'assignHandler' &&
          a !== 'digitise' &&
          PROCESS.allows(dossier.status, a) &&
          (PROCESS.moves[a].roles as readonly string[]).includes(province.role),
      );
      const action = actions[i % Math.max(actions.length, 1)];
      if (!action) continue;
      // A move its business rules refuse (a reschedule too late, say) changes nothing, rollup included.
      const done = await inCallerScope(seeded.app, province, (manager) =>
        act(manager, province, dossier.id, action, (s) => MOVES[action](s, input, calendar), TEST_CLOCK.now()),
      ).then(
        () => true,
        () => false,
      );
      if (done) performed.add(action);
    }
    expect([...performed]).toEqual(
      expect.arrayContaining(['transfer', 'refuse', 'requestSupplement', 'reschedule', 'withdraw', 'stop', 'resolve', 'returnResult']),
    );
    await expectRollupToMatchDossiers();
  });

  it('cannot be written by the application role', async () => {
    await expect(seeded.app.query(`UPDATE dossier_daily SET received = received + 1`)).rejects.toThrow(/permission denied/);
    await expect(seeded.app.query(`INSERT INTO dossier_daily (owner_path, day, received) VALUES ('27', '2026-01-01', 5)`)).rejects.toThrow(
      /permission denied/,
    );
  });
});
