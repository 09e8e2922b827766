import { requireUnit } from '../../../../shared/caller';
import { checkPeriod, type Period } from '../../../../shared/figures';
import { isWithin } from '../../../../shared/units';
import type { Context } from '../context';
import { periodKey } from '../indicators/satisfaction';

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
