import { WorkingCalendar } from './calendar';

/** Instants written as a Vietnamese official would: local time, +07:00. */
const vn = (local: string) => new Date(`${local}:00+07:00`);
const show = (instant: Date) => new Date(instant.getTime() + 7 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

describe('the Vietnamese working-time calendar', () => {
  const calendar = new WorkingCalendar();

  it('takes Tết 2026 off: lunar New Year falls on Tuesday 17 February, the eve and days 1–4 are holidays', () => {
    expect(
      ['2026-02-13', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-23'].map((d) => [d, calendar.isWorkingDay(d)]),
    ).toEqual([
      ['2026-02-13', true],
      ['2026-02-16', false],
      ['2026-02-17', false],
      ['2026-02-18', false],
      ['2026-02-19', false],
      ['2026-02-20', false],
      ['2026-02-23', true],
    ]);
    expect(calendar.holidayName('2026-02-17')).toBe('Tết Nguyên Đán');
  });

  it('computes a 3-working-day deadline across Tết by hand: Friday 13/2 10:00 → Wednesday 25/2 10:00', () => {
    // 13/2: 10:00–11:30 and 13:30–17:00 = 5 h; 16–20/2 Tết, 21–22/2 weekend; 23/2 8 h, 24/2 8 h; 3 h left on 25/2 from 07:00.
    expect(show(calendar.dueAt(vn('2026-02-13T10:00'), 24))).toBe('2026-02-25 10:00');
  });

  it('rolls a Friday after-hours reception over the weekend to Monday 07:00', () => {
    expect(show(calendar.nextOpening(vn('2026-03-06T17:30')))).toBe('2026-03-09 07:00');
    // 2 working days from Monday 07:00 end at Tuesday's close.
    expect(show(calendar.dueAt(vn('2026-03-06T17:30'), 16))).toBe('2026-03-10 17:00');
    // Reception over lunch counts from 13:30: 3.5 h that afternoon, the last half hour the next morning.
    expect(show(calendar.dueAt(vn('2026-03-09T12:00'), 4))).toBe('2026-03-10 07:30');
  });

  it('makes a same-day procedure due at closing, or the next working day when received after 15:00', () => {
    expect(show(calendar.dueAt(vn('2026-03-05T14:59'), 0))).toBe('2026-03-05 17:00');
    expect(show(calendar.dueAt(vn('2026-03-06T15:30'), 0))).toBe('2026-03-09 17:00');
  });

  it('keeps 30/4 and 1/5, and gives a weekend holiday its day off on the next working day', () => {
    // 2028: 30/4 is a Sunday, so Tuesday 2/5 is off (Monday 1/5 is itself a holiday).
    expect(calendar.isWorkingDay('2028-04-30')).toBe(false);
    expect(calendar.isWorkingDay('2028-05-01')).toBe(false);
    expect(calendar.holidayName('2028-05-02')).toBe('Nghỉ bù Ngày Giải phóng miền Nam');
    expect(calendar.isWorkingDay('2028-05-03')).toBe(true);
  });

  it("applies the year's published decisions over the defaults", () => {
    const decided = new WorkingCalendar([
      { date: '2026-02-21', working: true, name: 'Làm bù' },
      { date: '2026-02-13', working: false, name: 'Nghỉ Tết (hoán đổi)' },
    ]);
    expect(decided.isWorkingDay('2026-02-13')).toBe(false);
    expect(decided.isWorkingDay('2026-02-21')).toBe(true);
    expect(decided.addWorkingDays('2026-02-12', 1)).toBe('2026-02-21');
  });

  it('counts the working hours between two instants, for pausing the clock', () => {
    expect(calendar.workingHoursBetween(vn('2026-03-06T16:00'), vn('2026-03-09T08:00'))).toBe(2);
    expect(calendar.workingHoursBetween(vn('2026-03-09T08:00'), vn('2026-03-06T16:00'))).toBe(0);
  });
});
