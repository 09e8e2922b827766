import { addDays } from '../../../../shared/calendar';
import { vietnamDate } from '../../../../shared/scalars';
import type { Context } from '../context';
import type { ProcedureVariantEntity } from '../entities/procedure-variant.entity';
import type { ProcedureVersionEntity } from '../entities/procedure-version.entity';
import type { ProcedureEntity } from '../entities/procedure.entity';
import { playing } from '../units/competent';
import { workingHours, type ProcessStep as Step, type TimeLimit as Limit } from '../procedures/content';
import { versionKey } from '../procedures/versions';


/** Fields a procedure and each of its versions resolve the same way. */
const components = {
  field: (row: { fieldCode: string }, _: unknown, ctx: Context) => ctx.loaders.fieldByCode.load(row.fieldCode),
  executingAgency: (row: { executingAgencyCode: string | null }, _: unknown, ctx: Context) =>
    row.executingAgencyCode ? ctx.loaders.unitByCode.load(row.executingAgencyCode) : null,
};

export const Procedure = {
  ...components,
  __resolveReference: (ref: { id: string }, ctx: Context) => ctx.loaders.procedureById.load(ref.id),
  state: async (procedure: ProcedureEntity, _: unknown, ctx: Context) =>
    procedure.repealedFrom ? 'REPEALED' : (await ctx.loaders.versionsByProcedure.load(procedure.id)).length > 1 ? 'AMENDED' : 'PUBLISHED',
  versions: (procedure: ProcedureEntity, _: unknown, ctx: Context) => ctx.loaders.versionsByProcedure.load(procedure.id),
  versionAt: (procedure: ProcedureEntity, args: { date?: string | null }, ctx: Context) =>
    ctx.loaders.versionAt.load(versionKey(procedure.id, args.date ?? vietnamDate(ctx.clock.now()))),
};

export const ProcedureVersion = {
  ...components,
  __resolveReference: (ref: { id: string }, ctx: Context) => ctx.loaders.versionById.load(ref.id),
  procedure: (version: ProcedureVersionEntity, _: unknown, ctx: Context) => ctx.loaders.procedureById.load(version.procedureId),
  effectiveTo: async (version: ProcedureVersionEntity, _: unknown, ctx: Context) => {
    const [versions, procedure] = await Promise.all([ctx.loaders.versionsByProcedure.load(version.procedureId), ctx.loaders.procedureById.load(version.procedureId)]);
    const next = versions.find((v) => v.number === version.number + 1)?.effectiveFrom ?? procedure?.repealedFrom;
    return next ? addDays(next, -1) : null;
  },
  feeVnd: (version: ProcedureVersionEntity) => version.fees.reduce((sum, fee) => sum + fee.amountVnd, 0),
  variants: (version: ProcedureVersionEntity, _: unknown, ctx: Context) => ctx.loaders.variantsByVersion.load(version.id),
};

export const CaseVariant = {
  __resolveReference: (ref: { id: string }, ctx: Context) => ctx.loaders.variantById.load(ref.id),
  timeLimit: (variant: ProcedureVariantEntity): Limit | null => (variant.timeUnit ? { amount: variant.timeLimit!, unit: variant.timeUnit } : null),
  onlineTimeLimit: (variant: ProcedureVariantEntity): Limit | null =>
    variant.timeUnit && variant.onlineTimeLimit !== null ? { amount: variant.onlineTimeLimit, unit: variant.timeUnit } : null,
  process: (variant: ProcedureVariantEntity) => variant.process.map((step, i) => ({ ...step, position: i + 1 })),
  version: (variant: ProcedureVariantEntity, _: unknown, ctx: Context) => ctx.loaders.versionById.load(variant.versionId),
};

export const ProcessStep = {
  unit: (step: Step, _: unknown, ctx: Context) => (step.unitCode ? ctx.loaders.unitByCode.load(step.unitCode) : null),
  unitFor: (step: Step, args: { area: string }, ctx: Context) => competentUnit(step, args.area, ctx),
};

/** The unit holding a step for a matter of `area`: the step's own unit, else the one playing its role at its tier of the area. */
async function competentUnit(step: Step, area: string, ctx: Context) {
  if (step.unitCode) return ctx.loaders.unitByCode.load(step.unitCode);
  const place = await ctx.loaders.unitByCode.load(area);
  if (!place) return null;
  const chain = await Promise.all(place.path.split('.').map((code) => ctx.loaders.unitByCode.load(code)));
  const tier = chain.find((unit) => unit?.kind === 'ADMINISTRATIVE' && unit.level === step.level);
  if (!tier) return null;
  return playing(step.role ?? null, tier, (await ctx.loaders.unitChildren.load(tier.code)).filter((unit) => !unit.validTo));
}

export const TimeLimit = {
  workingHours: (limit: Limit) => workingHours(limit),
};

export const Field = {
  __resolveReference: (ref: { code: string }, ctx: Context) => ctx.loaders.fieldByCode.load(ref.code),
};
