import type { Caller } from '../../../shared/caller';
import { inCallerScope } from '../../../shared/db';
import { uuidFrom } from '../../../shared/ids';
import { buildDemo } from '../../../infra/seed/demo';
import { seededDatabase } from '../../../test/support/databases';
import { personnel as personnelModule } from '../src';
import { endSecondment } from '../src/staffing/secondments';

/** Ownership and the one-counter rule held by the database itself, as the application role. */
describe('personnel rules in the database', () => {
  const demo = buildDemo({ dossiers: 40 });
  const department = (code: string): Caller => ({ sub: `director-${code}`, role: 'LEADER', unit: `27.27-${code}` });
  const centre: Caller = { sub: 'centre-director', role: 'LEADER', unit: '27.27-TTHCC' };
  const officialOf = (code: string) => demo.officials.find((o) => o.homeAgencyCode === `27-${code}`)!;
  const seeded = seededDatabase(personnelModule, demo);

  it("changes no row of another department's officials or secondments, even with raw SQL", async () => {
    const theirs = officialOf('STNMT');
    const [, updated] = await inCallerScope(seeded.app, department('STP'), (m) =>
      m.query(`UPDATE official SET title = 'Giám đốc' WHERE id = $1`, [theirs.id]),
    );
    expect(updated).toBe(0);
    const [, ended] = await inCallerScope(seeded.app, department('STP'), (m) =>
      m.query(`UPDATE secondment SET actual_end_date = '2026-01-01' WHERE official_id = $1`, [theirs.id]),
    );
    expect(ended).toBe(0);
    const [row] = await seeded.app.query(`SELECT title FROM official WHERE id = $1`, [theirs.id]);
    expect(row.title).toBe(theirs.title);
    // A department may not put its officials' rows under another unit either.
    await expect(
      inCallerScope(seeded.app, department('STP'), (m) =>
        m.query(`UPDATE official SET owner_path = '27.27-STNMT' WHERE id = $1`, [officialOf('STP').id]),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('lets the centre, not a department, manage its counters', async () => {
    const [, byDepartment] = await inCallerScope(seeded.app, department('STP'), (m) =>
      m.query(`UPDATE counter SET is_open = false WHERE centre_code = '27-TTHCC'`),
    );
    expect(byDepartment).toBe(0);
    const [, byCentre] = await inCallerScope(seeded.app, centre, (m) => m.query(`UPDATE counter SET name = name WHERE centre_code = '27-TTHCC'`));
    expect(byCentre).toBe(16);
  });

  it('refuses a second counter for an official over an overlapping period, whoever writes it', async () => {
    const seat = demo.counterAssignments[0];
    const other = demo.counters.find((c) => c.id !== seat.counterId)!;
    const insert = inCallerScope(seeded.app, centre, (m) =>
      m.query(
        `INSERT INTO counter_assignment (id, counter_id, official_id, secondment_id, start_date, end_date, owner_path) VALUES ($1, $2, $3, $4, '2026-03-01', '2026-03-31', $5)`,
        [uuidFrom('overlap-test'), other.id, seat.officialId, seat.secondmentId, '27.27-TTHCC'],
      ),
    );
    await expect(insert).rejects.toMatchObject({ code: '23P01' });
  });

  it('ends a secondment by recording its last day and reason, and keeps the seeded one ended early linked to its replacement', async () => {
    const justice = department('STP');
    const current = demo.secondments.find((s) => s.homeAgencyCode === '27-STP' && !s.actualEndDate && !s.replacesId)!;
    const id = await inCallerScope(seeded.app, justice, (m) =>
      endSecondment(m, { secondmentId: current.id, endDate: '2026-12-31', reason: 'Nghỉ hưu' }),
    );
    const rows = await seeded.app.query(`SELECT actual_end_date::text AS "end", end_reason AS reason FROM secondment WHERE id = $1`, [id]);
    expect(rows).toEqual([{ end: '2026-12-31', reason: 'Nghỉ hưu' }]);
    const endedEarly = await seeded.app.query(
      `SELECT s.end_reason, r.replaces_id FROM secondment s JOIN secondment r ON r.id = s.replaced_by_id WHERE s.actual_end_date = '2026-06-15'`,
    );
    expect(endedEarly).toEqual([{ end_reason: expect.stringContaining('Vi phạm'), replaces_id: expect.any(String) }]);
  });
});
