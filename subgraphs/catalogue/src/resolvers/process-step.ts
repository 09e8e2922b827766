import type { Context } from '../context';
import type { ProcessStep as Step } from '../procedures/content';
import { competentUnit } from '../units/competent';

export const ProcessStep = {
  unit: (step: Step, _: unknown, ctx: Context) => (step.unitCode ? ctx.loaders.unitByCode.load(step.unitCode) : null),
  unitFor: (step: Step, args: { area: string }, ctx: Context) => competentUnit(step, args.area, ctx.loaders),
};
