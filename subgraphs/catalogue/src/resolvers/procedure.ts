import { vietnamDate } from '../../../../shared/scalars';
import type { Context } from '../context';
import { componentFields } from '../procedures/components';
import { versionKey } from '../procedures/versions';
import type { ProcedureEntity } from '../store/entities/procedure.entity';

export const Procedure = {
  ...componentFields,
  __resolveReference: (ref: { id: string }, ctx: Context) => ctx.loaders.procedureById.load(ref.id),
  state: async (procedure: ProcedureEntity, _: unknown, ctx: Context) =>
    procedure.repealedFrom ? 'REPEALED' : (await ctx.loaders.versionsByProcedure.load(procedure.id)).length > 1 ? 'AMENDED' : 'PUBLISHED',
  versions: (procedure: ProcedureEntity, _: unknown, ctx: Context) => ctx.loaders.versionsByProcedure.load(procedure.id),
  versionAt: (procedure: ProcedureEntity, args: { date?: string | null }, ctx: Context) =>
    ctx.loaders.versionAt.load(versionKey(procedure.id, args.date ?? vietnamDate(ctx.clock.now()))),
};
