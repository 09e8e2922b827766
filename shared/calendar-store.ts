import type { EntityManager } from 'typeorm';
import { WorkingCalendar, type CalendarDay } from './calendar';

/** The year's published calendar decisions (a table `calendar_day` in the subgraph's database) over the computed defaults. */
export async function loadCalendar(manager: EntityManager): Promise<WorkingCalendar> {
  const days: CalendarDay[] = await manager.query(`SELECT to_char(date, 'YYYY-MM-DD') AS date, working, name FROM calendar_day`);
  return new WorkingCalendar(days);
}
