import type { EntityManager } from 'typeorm';
import { WorkingCalendar, type CalendarDay } from './calendar';
import { ownedTableSql } from './rls';

/** The year's published calendar decisions (a table `calendar_day` in the subgraph's database) over the computed defaults. */
export async function loadCalendar(manager: EntityManager): Promise<WorkingCalendar> {
  const days: CalendarDay[] = await manager.query(`SELECT to_char(date, 'YYYY-MM-DD') AS date, working, name FROM calendar_day`);
  return new WorkingCalendar(days);
}

/** Each year's calendar decisions (compensatory days off, swapped working days), in every database that counts working days. */
export const calendarDayTableSql = [
  `CREATE TABLE calendar_day (
     date date PRIMARY KEY,
     working boolean NOT NULL,
     name text,
     owner_path text NOT NULL)`,
  ...ownedTableSql('calendar_day'),
];
