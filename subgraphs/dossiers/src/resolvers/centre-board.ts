import type { Context } from '../context';
import { centreBoardStats } from '../statistics/report';

/** A centre's public board: the day's figures of dossiers received at the centre, whoever owns them; no sign-in. */
export const CentreBoard = {
  __resolveReference: (ref: { centreCode: string; date: string }) => ref,
  dossiers: (board: { centreCode: string; date: string }, _: unknown, ctx: Context) => centreBoardStats(board, ctx),
};
