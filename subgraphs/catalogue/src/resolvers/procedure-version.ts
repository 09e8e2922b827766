import { addDays } from '../../../../shared/calendar';
import type { Context } from '../context';
import { componentFields } from '../procedures/components';
import type { ProcedureVersionEntity } from '../store/entities/procedure-version.entity';

export const ProcedureVersion = {
  ...componentFields,
  __resolveReference: (ref: { id: string }, ctx: Context) => ctx.loaders.versionById.load(ref.id),
  procedure: (version: ProcedureVersionEntity, _: unknown, ctx: Context) => ctx.loaders.procedureById.load(version.procedureId),
  effectiveTo: async (version: ProcedureVersionEntity, _: unknown, ctx: Context) => {
    const [versions, procedure] = await Promise.all([
      ctx.loaders.versionsByProcedure.load(version.procedureId),
      ctx.loaders.procedureById.load(version.procedureId),
    ]);
    const next = versions.find((v) => v.number === version.number + 1)?.effectiveFrom ?? procedure?.repealedFrom;
    return next ? addDays(next, -1) : null;
  },
  feeVnd: (version: ProcedureVersionEntity) => version.fees.reduce((sum, fee) => sum + fee.amountVnd, 0),
  variants: (version: ProcedureVersionEntity, _: unknown, ctx: Context) => ctx.loaders.variantsByVersion.load(version.id),
};
