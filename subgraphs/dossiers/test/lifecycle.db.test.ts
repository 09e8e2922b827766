import type { Caller } from '../../../shared/caller';
import { WorkingCalendar } from '../../../shared/calendar';
import { inCallerScope } from '../../../shared/db';
import { buildDemo } from '../../../infra/seed/demo';
import { TEST_CLOCK } from '../../../test/support/clock';
import { seededDatabase } from '../../../test/support/databases';
import { dossiers as dossiersModule } from '../src';
import { DossierEntity } from '../src/store/entities/dossier.entity';
import { act, PROCESS } from '../src/lifecycle/actions';
import { MOVES } from '../src/lifecycle/moves';
import { DOSSIER_STATUSES } from '../src/status';
import { inputForAnyMove } from './fixtures';

/** The lifecycle against the database itself, as the application role. */
describe('dossier lifecycle rules in the database', () => {
  const demo = buildDemo({ dossiers: 400 });
  const province: Caller = { sub: 'province-leader', role: 'ADMIN', unit: '27' };
  const seeded = seededDatabase(dossiersModule, demo);

  it('has seeded dossiers in every national status', () => {
    expect(new Set(demo.dossiers.map((d) => d.status))).toEqual(new Set(DOSSIER_STATUSES));
  });

  it('refuses every action from every status it does not start from, with CONFLICT, and changes nothing', async () => {
    const calendar = new WorkingCalendar();
    const input = inputForAnyMove();
    let refused = 0;
    for (const status of DOSSIER_STATUSES) {
      const dossier = demo.dossiers.find((d) => d.status === status)!;
      for (const action of PROCESS.actions) {
        if (PROCESS.allows(status, action)) continue;
        const before = await seeded.app.manager.findOneByOrFail(DossierEntity, { id: dossier.id });
        const error = await inCallerScope(seeded.app, province, (manager) =>
          act(manager, province, dossier.id, action, (s) => MOVES[action](s, input, calendar), TEST_CLOCK.now()),
        ).catch((e: unknown) => e);
        expect([action, status, (error as { extensions?: { code?: string } }).extensions?.code]).toEqual([action, status, 'CONFLICT']);
        expect(await seeded.app.manager.findOneByOrFail(DossierEntity, { id: dossier.id })).toEqual(before);
        refused += 1;
      }
    }
    expect(refused).toBeGreaterThan(90);
  });

  it('keeps history append-only: the application role can neither change nor delete it', async () => {
    const [event] = await seeded.app.query(`SELECT id FROM dossier_event LIMIT 1`);
    await expect(seeded.app.query(`UPDATE dossier_event SET to_status = 'NEW' WHERE id = $1`, [event.id])).rejects.toThrow(/permission denied/);
    await expect(seeded.app.query(`DELETE FROM dossier_event WHERE id = $1`, [event.id])).rejects.toThrow(/permission denied/);
    await expect(seeded.app.query(`TRUNCATE dossier_event`)).rejects.toThrow(/permission denied|must be owner/);
  });

  it('keeps the seeded history consistent with each dossier: its last event reaches the current status', async () => {
    const last = new Map<string, string>();
    for (const event of demo.dossierEvents) last.set(event.dossierId, event.toStatus);
    for (const dossier of demo.dossiers.filter((d) => d.status !== 'NEW'))
      expect([dossier.code, last.get(dossier.id)]).toEqual([dossier.code, dossier.status]);
  });

  it('has about 55% early, 38% on time and 7% late among finished seeded dossiers', async () => {
    const rows: { timeliness: string; n: number }[] = await seeded.app.query(`
      SELECT CASE WHEN supplement_count > 1 THEN 'LATE'
                  WHEN due_at IS NULL OR (finished_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date = (due_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date THEN 'ON_TIME'
                  WHEN finished_at < due_at THEN 'EARLY' ELSE 'LATE' END AS timeliness, count(*)::int AS n
        FROM dossier WHERE status IN ('PROCESSED', 'RESULT_RETURNED') GROUP BY 1`);
    const total = rows.reduce((sum, r) => sum + r.n, 0);
    const share = Object.fromEntries(rows.map((r) => [r.timeliness, r.n / total]));
    expect(share.EARLY).toBeGreaterThan(0.45);
    expect(share.EARLY).toBeLessThan(0.65);
    expect(share.ON_TIME).toBeGreaterThan(0.28);
    expect(share.LATE).toBeGreaterThan(0.02);
    expect(share.LATE).toBeLessThan(0.13);
  });
});
