import type { Context } from '../context';
import type { StepTiming } from '../lifecycle/timing';
import { officialRef, unitAt } from '../lifecycle/views';

export const DossierStep = {
  position: (t: StepTiming) => t.step.position,
  title: (t: StepTiming) => t.step.title,
  level: (t: StepTiming) => t.step.level,
  role: (t: StepTiming) => t.step.role,
  allottedHours: (t: StepTiming) => t.step.allottedHours,
  finishedAt: (t: StepTiming) => t.step.finishedAt,
  unit: (t: StepTiming, _: unknown, ctx: Context) => unitAt(t.step.unitCode, t.startedAt ?? ctx.clock.now()),
  handler: (t: StepTiming) => officialRef(t.step.handlerId),
  late: (t: StepTiming) => t.overHours > 0,
};
