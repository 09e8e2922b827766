import { ANONYMOUS, type Caller } from '../../../shared/caller';
import { inCallerScope } from '../../../shared/db';
import { buildDemo } from '../../../infra/seed/demo';
import { seededDatabase } from '../../../test/support/databases';
import { personnel as personnelModule } from '../src';
import { callNext, takeTicket } from '../src/queue/tickets';

/** The kiosk's numbers, as the application role: they start again each day, and a counter calls its fields' numbers in order. */
describe('queue tickets in the database', () => {
  const demo = buildDemo({ dossiers: 10 });
  const seeded = seededDatabase(personnelModule, demo);
  const centre: Caller = { sub: 'centre-desk', role: 'OFFICIAL', unit: '27.27-TTHCC' };
  const take = (at: string, fieldCode = 'HT') =>
    inCallerScope(seeded.app, ANONYMOUS, (m) => takeTicket(m, { centreCode: '27-tthcc', fieldCode }, new Date(at)));
  const numberOf = async (id: string) => (await seeded.app.query(`SELECT number, day::text AS day FROM queue_ticket WHERE id = $1`, [id]))[0];

  it('numbers each day from 1 (the day in Vietnam: 23:30 UTC is the next morning there)', async () => {
    const monday = [await take('2026-11-23T01:00:00Z'), await take('2026-11-23T02:00:00Z'), await take('2026-11-23T09:00:00Z', 'DD')];
    expect(await Promise.all(monday.map(numberOf))).toEqual([
      { number: 1, day: '2026-11-23' },
      { number: 2, day: '2026-11-23' },
      { number: 3, day: '2026-11-23' },
    ]);
    // 23:30 UTC on Monday is 06:30 on Tuesday in Vietnam: a new day, number 1 again.
    expect(await numberOf(await take('2026-11-23T23:30:00Z'))).toEqual({ number: 1, day: '2026-11-24' });
  });

  it("calls the lowest waiting number of the counter's field, and only the centre's officials call", async () => {
    const hoTich = demo.counters.find((c) => c.fieldCodes.includes('HT'))!;
    const first = await inCallerScope(seeded.app, centre, (m) => callNext(m, hoTich.id, new Date('2026-11-23T03:00:00Z')));
    expect(await numberOf(first!)).toEqual({ number: 1, day: '2026-11-23' });
    const second = await inCallerScope(seeded.app, centre, (m) => callNext(m, hoTich.id, new Date('2026-11-23T03:10:00Z')));
    expect(await numberOf(second!)).toEqual({ number: 2, day: '2026-11-23' }); // 3 is land (DD): not this counter's
    const [served] = await seeded.app.query(`SELECT state FROM queue_ticket WHERE id = $1`, [first]);
    expect(served.state).toBe('SERVED');
    expect(await inCallerScope(seeded.app, centre, (m) => callNext(m, hoTich.id, new Date('2026-11-23T03:20:00Z')))).toBeNull();
    const department: Caller = { sub: 'someone', role: 'OFFICIAL', unit: '27.27-STP' };
    await expect(inCallerScope(seeded.app, department, (m) => callNext(m, hoTich.id, new Date('2026-11-23T03:30:00Z')))).rejects.toThrow(
      /Only officials of the centre/,
    );
  });
});
