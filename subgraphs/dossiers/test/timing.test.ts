import { WorkingCalendar } from '../../../shared/calendar';
import { pausesOf, stepsTimeliness, stepTimings, timeliness, type StepTiming } from '../src/lifecycle/timing';
import type { DossierEventEntity } from '../src/store/entities/dossier-event.entity';
import type { DossierStepEntity } from '../src/store/entities/dossier-step.entity';
import type { DossierEntity } from '../src/store/entities/dossier.entity';

/** Instants written as a Vietnamese official would: local time, +07:00. */
const vn = (local: string) => new Date(`${local}:00+07:00`);

/** Received Monday 2 November 2026 at 08:00 (office hours 07:00–11:30 and 13:30–17:00, 8 working hours a day). */
const RECEIVED: Pick<DossierEntity, 'status' | 'receivedAt'> = { status: 'PROCESSING', receivedAt: vn('2026-11-02T08:00') };

const step = (position: number, allottedHours: number, finishedAt: Date | null): DossierStepEntity => ({
  id: `step-${position}`,
  dossierId: 'dossier-1',
  position,
  title: `Bước ${position}`,
  level: 'DISTRICT',
  unitCode: `U${position}`,
  role: null,
  allottedHours,
  finishedAt,
  handlerId: null,
  ownerPath: `27.259.U${position}`,
});

/** What a reader sees of each step: when it started and is due, the hours spent and over, whether it is late. */
const shown = (timings: StepTiming[]) =>
  timings.map((t) => ({
    position: t.step.position,
    startedAt: t.startedAt,
    dueAt: t.dueAt,
    spent: t.spentHours,
    over: t.overHours,
    late: t.overHours > 0,
  }));

describe('each step’s own clock', () => {
  const calendar = new WorkingCalendar();
  const now = vn('2026-11-04T10:00');

  it('starts a step when the one before it finishes and judges it against its own allotment only', () => {
    const steps = [
      // 8 h from Monday 08:00: 7 h on Monday and 1 h on Tuesday, finished on the hour.
      step(1, 8, vn('2026-11-03T08:00')),
      // 4 h from Tuesday 08:00 are due at 14:00; finished Wednesday 08:00 after 8 h.
      step(2, 4, vn('2026-11-04T08:00')),
      // Received two hours ago, not late for the delay before it.
      step(3, 8, null),
      // Not started: planned from the step before it's due date.
      step(4, 4, null),
    ];
    expect(shown(stepTimings(RECEIVED as DossierEntity, steps, [], calendar, now))).toEqual([
      { position: 1, startedAt: vn('2026-11-02T08:00'), dueAt: vn('2026-11-03T08:00'), spent: 8, over: 0, late: false },
      { position: 2, startedAt: vn('2026-11-03T08:00'), dueAt: vn('2026-11-03T14:00'), spent: 8, over: 4, late: true },
      { position: 3, startedAt: vn('2026-11-04T08:00'), dueAt: vn('2026-11-05T08:00'), spent: 2, over: 0, late: false },
      { position: 4, startedAt: null, dueAt: vn('2026-11-05T14:00'), spent: 0, over: 0, late: false },
    ]);
  });

  it('stops a step’s clock while a supplement is awaited: the wait moves its due date and is not counted against it', () => {
    const events = [
      { action: 'requestSupplement', at: vn('2026-11-02T13:30') },
      { action: 'receiveSupplement', at: vn('2026-11-03T13:30') },
    ] as DossierEventEntity[];
    // Paused 3.5 h on Monday and 4.5 h on Tuesday morning: the 8 h allotment ends Wednesday 08:00, not Tuesday.
    const [timing] = stepTimings(RECEIVED as DossierEntity, [step(1, 8, vn('2026-11-04T08:00'))], pausesOf(events), calendar, now);
    expect(shown([timing])).toEqual([
      { position: 1, startedAt: vn('2026-11-02T08:00'), dueAt: vn('2026-11-04T08:00'), spent: 8, over: 0, late: false },
    ]);
  });

  it('counts a pause still open up to now', () => {
    const events = [{ action: 'requestSupplement', at: vn('2026-11-03T07:00') }] as DossierEventEntity[];
    expect(pausesOf(events)).toEqual([{ from: vn('2026-11-03T07:00'), to: null }]);
    // Monday 7 h worked; Tuesday 07:00 to Wednesday 10:00 (8 + 3 h) paused, so 8 + 11 h from Monday 08:00: Wednesday 11:00.
    const [timing] = stepTimings(RECEIVED as DossierEntity, [step(1, 8, null)], pausesOf(events), calendar, now);
    expect([timing.spentHours, timing.dueAt]).toEqual([7, vn('2026-11-04T11:00')]);
  });

  it('has no clock before the dossier is received', () => {
    const [timing] = stepTimings({ ...RECEIVED, status: 'NEW' } as DossierEntity, [step(1, 8, null)], [], calendar, now);
    expect(timing).toMatchObject({ startedAt: null, dueAt: null, spentHours: 0, overHours: 0 });
  });
});

describe('how the steps kept their allotments (stepsTimeliness)', () => {
  const calendar = new WorkingCalendar();
  const grade = (...steps: DossierStepEntity[]) =>
    stepsTimeliness(stepTimings(RECEIVED as DossierEntity, steps, [], calendar, vn('2026-11-06T10:00')));

  it('is not known while a step is unfinished, nor for a dossier without steps', () => {
    expect(grade(step(1, 8, vn('2026-11-03T08:00')), step(2, 8, null))).toBeNull();
    expect(grade()).toBeNull();
  });

  it('is EARLY when every step finished before the day it was due', () => {
    // Step 1 due Tuesday 08:00, finished Monday; step 2 due Wednesday, finished Tuesday.
    expect(grade(step(1, 8, vn('2026-11-02T16:00')), step(2, 16, vn('2026-11-03T10:00')))).toBe('EARLY');
  });

  it('is ON_TIME when a step finished on its due day within its allotment', () => {
    expect(grade(step(1, 8, vn('2026-11-02T16:00')), step(2, 8, vn('2026-11-03T14:00')))).toBe('ON_TIME');
  });

  it('is LATE when any step ran over its allotment, even by hours on its due day', () => {
    // Due Tuesday 08:00, finished Tuesday 09:00: the same day, but an hour over.
    expect(grade(step(1, 8, vn('2026-11-03T09:00')), step(2, 8, vn('2026-11-03T10:00')))).toBe('LATE');
  });
});

describe('a dossier’s timeliness', () => {
  const due = vn('2026-11-04T17:00');
  const finished = (finishedAt: Date, supplementCount = 0) =>
    timeliness({ status: 'PROCESSED', dueAt: due, finishedAt, supplementCount }, finishedAt);

  it('grades a finished dossier by its day in Vietnam against the due day', () => {
    expect(finished(vn('2026-11-03T16:00'))).toBe('EARLY');
    expect(finished(vn('2026-11-04T20:00'))).toBe('ON_TIME');
    // 06:30 on Thursday in Vietnam is still Wednesday in UTC: the Vietnam day decides.
    expect(finished(vn('2026-11-05T06:30'))).toBe('LATE');
  });

  it('is LATE after more than one supplement request, whatever the dates (Decision 766)', () => {
    expect(finished(vn('2026-11-03T16:00'), 1)).toBe('EARLY');
    expect(finished(vn('2026-11-03T16:00'), 2)).toBe('LATE');
  });

  it('is ON_TIME for a dossier with no due date', () => {
    expect(
      timeliness({ status: 'RESULT_RETURNED', dueAt: null, finishedAt: vn('2026-12-01T09:00'), supplementCount: 0 }, vn('2026-12-02T09:00')),
    ).toBe('ON_TIME');
  });

  it('tells an open dossier in time from an overdue one at the moment asked', () => {
    const open = { status: 'SUPPLEMENT_REQUESTED' as const, dueAt: due, finishedAt: null, supplementCount: 1 };
    expect(timeliness(open, vn('2026-11-04T16:59'))).toBe('IN_TIME');
    expect(timeliness(open, vn('2026-11-04T17:01'))).toBe('OVERDUE');
  });

  it('has none for a dossier never received, refused, withdrawn or stopped', () => {
    for (const status of ['NEW', 'NOT_RECEIVED', 'WITHDRAWN', 'STOPPED'] as const) {
      expect(timeliness({ status, dueAt: due, finishedAt: vn('2026-11-03T10:00'), supplementCount: 0 }, vn('2026-11-05T10:00'))).toBeNull();
    }
  });
});
