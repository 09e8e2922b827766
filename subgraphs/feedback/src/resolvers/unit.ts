import { requireUnit } from '../../../../shared/caller';
import { isWithin, unitRef } from '../../../../shared/units';
import type { Context } from '../context';
import { checkPeriod, type Period } from '../../../../shared/figures';
import { periodKey, satisfactionStatistics } from '../indicators/satisfaction';

type UnitRef = { code: string; asOf: string | null; path: string };

/** A unit's figures sum its subtree; a caller sees those of their own unit and the units below it. */
const inScope = (unit: UnitRef, ctx: Context) => isWithin(unit.path, requireUnit(ctx.caller));

export const AdministrativeUnit = {
  __resolveReference: (ref: UnitRef) => ref,
  satisfaction: (unit: UnitRef, args: Period, ctx: Context) =>
    inScope(unit, ctx) ? ctx.loaders.satisfactionByUnitPath.load(periodKey(checkPeriod(args), unit.path)) : null,
  serviceIndex: (unit: UnitRef, args: Period, ctx: Context) =>
    inScope(unit, ctx) ? ctx.loaders.serviceIndexByUnitPath.load(periodKey(checkPeriod(args), unit.path)) : null,
};

/** The public board of a centre: its day's satisfaction here, its dossier figures from the dossiers subgraph. */
export const CentreBoard = {
  __resolveReference: (ref: { centreCode: string; date: string }) => ref,
  centre: (board: { centreCode: string }) => unitRef(board.centreCode),
  satisfaction: async (board: { centreCode: string; date: string }, _: unknown, ctx: Context) =>
    (await satisfactionStatistics(ctx.db, { from: board.date, to: board.date, scope: null, receivingUnitCode: board.centreCode }, null))[0]!.satisfaction,
};
