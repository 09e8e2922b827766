import type { Context } from '../context';
import type { TimeLimit } from '../procedures/content';
import type { ProcedureVariantEntity } from '../store/entities/procedure-variant.entity';

export const CaseVariant = {
  __resolveReference: (ref: { id: string }, ctx: Context) => ctx.loaders.variantById.load(ref.id),
  timeLimit: (variant: ProcedureVariantEntity): TimeLimit | null =>
    variant.timeUnit ? { amount: variant.timeLimit!, unit: variant.timeUnit } : null,
  onlineTimeLimit: (variant: ProcedureVariantEntity): TimeLimit | null =>
    variant.timeUnit && variant.onlineTimeLimit !== null ? { amount: variant.onlineTimeLimit, unit: variant.timeUnit } : null,
  process: (variant: ProcedureVariantEntity) => variant.process.map((step, i) => ({ ...step, position: i + 1 })),
  version: (variant: ProcedureVariantEntity, _: unknown, ctx: Context) => ctx.loaders.versionById.load(variant.versionId),
};
