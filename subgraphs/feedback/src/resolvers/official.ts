import { requireUnit } from '../../../../shared/caller';
import { checkPeriod, type Period } from '../../../../shared/figures';
import type { Context } from '../context';
import { periodKey } from '../indicators/satisfaction';

/** Aggregates are open to signed-in officials: the home agency's director evaluates an official wherever they served. */
export const Official = {
  __resolveReference: (ref: { id: string }) => ref,
  satisfaction: (official: { id: string }, args: Period, ctx: Context) => {
    requireUnit(ctx.caller);
    return ctx.loaders.satisfactionByOfficial.load(periodKey(checkPeriod(args), official.id));
  },
};
