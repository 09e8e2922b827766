import Holidays from 'date-holidays';
import { VIETNAM_OFFSET_MINUTES } from './scalars';

/** A day the published calendar sets apart from the defaults: a holiday, or a working day (a swapped Saturday). */
export interface CalendarDay {
  /** YYYY-MM-DD, Vietnam time. */
  date: string;
  working: boolean;
  name: string | null;
}

/** Office hours, as minutes after local midnight. */
export interface OfficeHours {
  sessions: [start: number, end: number][];
  /** A same-day procedure received after this minute is due the next working day. */
  sameDayCutoff: number;
}

const at = (hh: number, mm = 0) => hh * 60 + mm;
/** 07:00–11:30 and 13:30–17:00: 8 working hours. */
export const DEFAULT_OFFICE_HOURS: OfficeHours = {
  sessions: [
    [at(7), at(11, 30)],
    [at(13, 30), at(17)],
  ],
  sameDayCutoff: at(15),
};
/** Working hours in a day, as the office hours make them (8): a "day" of a time limit. */
export const HOURS_PER_DAY = DEFAULT_OFFICE_HOURS.sessions.reduce((sum, [start, end]) => sum + (end - start), 0) / 60;

const OFFSET_MS = VIETNAM_OFFSET_MINUTES * 60_000;
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

const dateOf = (localMs: number) => new Date(localMs).toISOString().slice(0, 10);
const localMidnight = (date: string) => Date.parse(`${date}T00:00:00Z`);
export const addDays = (date: string, days: number) => dateOf(localMidnight(date) + days * DAY_MS);

const lunarCalendar = new Holidays('VN');

/**
 * The holidays of the Labour Code (art. 112) computed for a year: New Year; Tết, from lunar
 * New Year's Eve to the 4th day (5 days); Hùng Kings' day (10/3 lunar); 30/4; 1/5; 2/9 and the
 * day before. A fixed-date holiday on a weekend gives the next working day off. The lunar dates
 * come from date-holidays; each year's decisions (swaps, exact Tết days) are overrides.
 */
function defaultHolidays(year: number): Map<string, string> {
  const days = new Map<string, string>();
  const publics = lunarCalendar.getHolidays(year).filter((h) => h.type === 'public');
  const lunarNewYear = publics.find((h) => h.name === 'Tết Nguyên Đán')!.date.slice(0, 10);
  for (let day = -1; day <= 3; day++) days.set(addDays(lunarNewYear, day), 'Tết Nguyên Đán'); // the eve and days 1–4
  const fixed: [string, string][] = [
    [`${year}-01-01`, 'Tết Dương lịch'],
    [publics.find((h) => h.name === 'Giỗ tổ Hùng Vương')!.date.slice(0, 10), 'Giỗ tổ Hùng Vương'],
    [`${year}-04-30`, 'Ngày Giải phóng miền Nam'],
    [`${year}-05-01`, 'Quốc tế Lao động'],
    [`${year}-09-01`, 'Quốc khánh'],
    [`${year}-09-02`, 'Quốc khánh'],
  ];
  for (const [date, name] of fixed) days.set(date, name);
  for (const [date, name] of fixed) {
    if (!isWeekend(date)) continue;
    let off = addDays(date, 1);
    while (isWeekend(off) || days.has(off)) off = addDays(off, 1);
    days.set(off, `Nghỉ bù ${name}`);
  }
  return days;
}

function isWeekend(date: string): boolean {
  const weekday = new Date(localMidnight(date)).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/**
 * Vietnamese working time: office hours on working days, weekends and public holidays off, with
 * the year's published changes as data. Instants are `Date`s; all reasoning is in Vietnam time
 * (UTC+7, no daylight saving).
 */
export class WorkingCalendar {
  private readonly overrides: Map<string, CalendarDay>;
  private readonly holidaysByYear = new Map<number, Map<string, string>>();

  constructor(
    overrides: readonly CalendarDay[] = [],
    readonly hours: OfficeHours = DEFAULT_OFFICE_HOURS,
  ) {
    this.overrides = new Map(overrides.map((day) => [day.date, day]));
  }

  /** The holiday's name, or null on an ordinary day (weekends included). */
  holidayName(date: string): string | null {
    const override = this.overrides.get(date);
    if (override) return override.working ? null : (override.name ?? 'Ngày nghỉ');
    const year = Number(date.slice(0, 4));
    let holidays = this.holidaysByYear.get(year);
    if (!holidays) this.holidaysByYear.set(year, (holidays = defaultHolidays(year)));
    return holidays.get(date) ?? null;
  }

  isWorkingDay(date: string): boolean {
    const override = this.overrides.get(date);
    if (override) return override.working;
    return !isWeekend(date) && this.holidayName(date) === null;
  }

  nextWorkingDay(date: string): string {
    let day = addDays(date, 1);
    while (!this.isWorkingDay(day)) day = addDays(day, 1);
    return day;
  }

  /** `days` working days after `date` (a date-based deadline, e.g. for petitions). */
  addWorkingDays(date: string, days: number): string {
    let day = date;
    for (let i = 0; i < days; i++) day = this.nextWorkingDay(day);
    return day;
  }

  /** The first instant at or after `from` when the office is open: after-hours reception starts there. */
  nextOpening(from: Date): Date {
    return this.addWorkingHours(from, 0);
  }

  /**
   * The instant `hours` of working time after `from`. Zero hours gives the next opening; a
   * span that ends exactly at a session's close ends there, not at the next opening.
   */
  addWorkingHours(from: Date, hours: number): Date {
    let left = Math.round(hours * 60);
    let local = from.getTime() + OFFSET_MS;
    let date = dateOf(local);
    for (;;) {
      if (this.isWorkingDay(date)) {
        const minute = Math.floor((local - localMidnight(date)) / MINUTE_MS);
        for (const [start, end] of this.hours.sessions) {
          if (minute >= end) continue;
          const begin = Math.max(minute, start);
          if (left === 0) return new Date(localMidnight(date) + begin * MINUTE_MS - OFFSET_MS);
          if (begin + left <= end) return new Date(localMidnight(date) + (begin + left) * MINUTE_MS - OFFSET_MS);
          left -= end - begin;
          local = localMidnight(date) + end * MINUTE_MS;
        }
      }
      date = addDays(date, 1);
      local = localMidnight(date);
    }
  }

  /** Working hours between two instants (0 when `to` is not after `from`). */
  workingHoursBetween(from: Date, to: Date): number {
    if (to <= from) return 0;
    let minutes = 0;
    let date = dateOf(from.getTime() + OFFSET_MS);
    const lastDate = dateOf(to.getTime() + OFFSET_MS);
    for (; date <= lastDate; date = addDays(date, 1)) {
      if (!this.isWorkingDay(date)) continue;
      const dayStart = localMidnight(date);
      for (const [start, end] of this.hours.sessions) {
        const a = Math.max(dayStart + start * MINUTE_MS, from.getTime() + OFFSET_MS);
        const b = Math.min(dayStart + end * MINUTE_MS, to.getTime() + OFFSET_MS);
        if (b > a) minutes += (b - a) / MINUTE_MS;
      }
    }
    return minutes / 60;
  }

  /** The close of the office on a working day. */
  closingOf(date: string): Date {
    const [, end] = this.hours.sessions[this.hours.sessions.length - 1];
    return new Date(localMidnight(date) + end * MINUTE_MS - OFFSET_MS);
  }

  /**
   * The appointment for a time limit counted from reception. Reception after hours counts from
   * the next opening. A same-day procedure (limit 0) is due at closing that day, or the next
   * working day when received after the cut-off (15:00).
   */
  dueAt(receivedAt: Date, workingHours: number): Date {
    const start = this.nextOpening(receivedAt);
    if (workingHours > 0) return this.addWorkingHours(start, workingHours);
    const local = start.getTime() + OFFSET_MS;
    const date = dateOf(local);
    const minute = (local - localMidnight(date)) / MINUTE_MS;
    return this.closingOf(minute > this.hours.sameDayCutoff ? this.nextWorkingDay(date) : date);
  }
}
