import { requireUnit } from '../../../../shared/caller';
import { checkPeriod, type Period } from '../../../../shared/figures';
import type { Context } from '../context';
import { periodKey } from '../indicators/satisfaction';

/** Over the province, like an official's: a procedure is the province's, whoever received its dossiers. */
export const Procedure = {
  __resolveReference: (ref: { id: string }) => ref,
  satisfaction: (procedure: { id: string }, args: Period, ctx: Context) => {
    requireUnit(ctx.caller);
    return ctx.loaders.satisfactionByProcedure.load(periodKey(checkPeriod(args), procedure.id));
  },
};
