import type { Context } from '../context';
import { contributedStats } from '../statistics/report';

export const Procedure = {
  __resolveReference: (ref: { id: string }) => ref,
  dossierCount: (procedure: { id: string }, _: unknown, ctx: Context) => ctx.loaders.dossierCountByProcedure.load(procedure.id),
  dossierStats: contributedStats.procedure,
};
