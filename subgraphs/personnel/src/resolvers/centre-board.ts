import { normaliseCode } from '../../../../shared/units';
import type { Context } from '../context';
import { queueBoard } from '../queue/tickets';

/** A centre's public board: the day's queue; no sign-in (tickets name nobody). */
export const CentreBoard = {
  __resolveReference: (ref: { centreCode: string; date: string }) => ref,
  queue: async (board: { centreCode: string; date: string }, _: unknown, ctx: Context) =>
    queueBoard(await ctx.loaders.ticketsByCentreDay.load(`${normaliseCode(board.centreCode)}|${board.date}`)),
};
