import type { WorkingCalendar } from '../../../../shared/calendar';
import { vietnamDate } from '../../../../shared/scalars';
import type { DossierEventEntity } from '../store/entities/dossier-event.entity';
import type { DossierStepEntity } from '../store/entities/dossier-step.entity';
import type { DossierEntity } from '../store/entities/dossier.entity';
import { gradeOf, type Grade } from '../statistics/grade';
import { RESOLVED } from '../status';

/** A span the clock stood still (supplement requested → supplement received; open while still waiting). */
export interface Pause {
  from: Date;
  to: Date | null;
}

export function pausesOf(events: DossierEventEntity[]): Pause[] {
  const pauses: Pause[] = [];
  for (const event of events) {
    if (event.action === 'requestSupplement') pauses.push({ from: event.at, to: null });
    if (event.action === 'receiveSupplement' && pauses.length) pauses[pauses.length - 1].to = event.at;
  }
  return pauses;
}

export interface StepTiming {
  step: DossierStepEntity;
  /** When the step reached its unit: the previous step's finish, or reception for the first. */
  startedAt: Date | null;
  /** Start plus the allotted working time plus any pause inside; planned from the steps before when not started. */
  dueAt: Date | null;
  /** Working hours spent so far, pauses excluded. */
  spentHours: number;
  /** Working hours beyond the allotment; 0 when within it. */
  overHours: number;
}

/**
 * Each step's own clock. Lateness is measured against the step's allotment from its own start,
 * so a step that receives a dossier already late is not blamed for the delay before it.
 */
export function stepTimings(dossier: DossierEntity, steps: DossierStepEntity[], pauses: Pause[], calendar: WorkingCalendar, now: Date): StepTiming[] {
  const pausedWithin = (from: Date, to: Date) =>
    pauses.reduce((sum, pause) => {
      const a = pause.from > from ? pause.from : from;
      const end = pause.to ?? now;
      const b = end < to ? end : to;
      return sum + (b > a ? calendar.workingHoursBetween(a, b) : 0);
    }, 0);
  const timings: StepTiming[] = [];
  let start: Date | null = dossier.status === 'NEW' ? null : dossier.receivedAt;
  let plannedFrom: Date | null = start;
  for (const step of steps) {
    if (start) {
      const end = step.finishedAt ?? now;
      const paused = pausedWithin(start, end);
      const spent = Math.max(0, calendar.workingHoursBetween(start, end) - paused);
      const dueAt = calendar.addWorkingHours(start, step.allottedHours + paused);
      timings.push({ step, startedAt: start, dueAt, spentHours: round(spent), overHours: round(Math.max(0, spent - step.allottedHours)) });
      plannedFrom = dueAt;
      start = step.finishedAt;
    } else {
      const dueAt = plannedFrom ? calendar.addWorkingHours(plannedFrom, step.allottedHours) : null;
      timings.push({ step, startedAt: null, dueAt, spentHours: 0, overHours: 0 });
      plannedFrom = dueAt;
    }
  }
  return timings;
}

const round = (hours: number) => Math.round(hours * 100) / 100;

/** A finished dossier's grade, or how an open one stands. */
export type Timeliness = Grade | 'IN_TIME' | 'OVERDUE';

const FINISHED = new Set<string>(RESOLVED);
const CLOSED = new Set(['NOT_RECEIVED', 'WITHDRAWN', 'STOPPED']);

/**
 * Finished dossiers have the national grade (statistics/grade.ts): early (finished before the due
 * date), on time (on it, or no due date) or late (after it, or more than one supplement request:
 * Decision 766), compared by date in Vietnam; open ones are in time or overdue at `at`. Refused,
 * withdrawn and stopped ones are neither.
 */
export function timeliness(dossier: Pick<DossierEntity, 'status' | 'dueAt' | 'finishedAt' | 'supplementCount'>, at: Date): Timeliness | null {
  if (CLOSED.has(dossier.status) || dossier.status === 'NEW') return null;
  if (FINISHED.has(dossier.status)) {
    return gradeOf(dossier.supplementCount, dossier.finishedAt && vietnamDate(dossier.finishedAt), dossier.dueAt && vietnamDate(dossier.dueAt));
  }
  return dossier.dueAt && at > dossier.dueAt ? 'OVERDUE' : 'IN_TIME';
}

/**
 * How the steps kept their own allotments (the nine-indicator evaluation's "each agency's time
 * vs its share"): the worst of the finished steps, by date; null while any step is unfinished.
 */
export function stepsTimeliness(timings: StepTiming[]): Grade | null {
  if (timings.length === 0 || timings.some((t) => !t.step.finishedAt)) return null;
  if (timings.some((t) => t.overHours > 0)) return 'LATE';
  return timings.some((t) => vietnamDate(t.step.finishedAt!) === vietnamDate(t.dueAt!)) ? 'ON_TIME' : 'EARLY';
}
