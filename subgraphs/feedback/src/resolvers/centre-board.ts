import { unitRef } from '../../../../shared/units';
import type { Context } from '../context';
import { satisfactionStatistics } from '../indicators/satisfaction';

/** The public board of a centre: its day's satisfaction here, its dossier figures from the dossiers subgraph. */
export const CentreBoard = {
  __resolveReference: (ref: { centreCode: string; date: string }) => ref,
  centre: (board: { centreCode: string }) => unitRef(board.centreCode),
  satisfaction: async (board: { centreCode: string; date: string }, _: unknown, ctx: Context) => {
    const filter = { from: board.date, to: board.date, scope: null, receivingUnitCode: board.centreCode };
    return (await satisfactionStatistics(ctx.db, filter, null))[0].satisfaction;
  },
};
