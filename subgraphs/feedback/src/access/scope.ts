import { isOfficial, type Caller } from '../../../../shared/caller';
import { badInput } from '../../../../shared/errors';
import { isWithin, parseUnitPath } from '../../../../shared/units';
import type { Context } from '../context';

/** Whether the caller is an official of the unit that owns the row or of a unit above it. */
export const ownsRow = (row: { ownerPath: string }, caller: Caller) => !!caller.unit && isOfficial(caller) && isWithin(row.ownerPath, caller.unit);

/** Personal details reach only the unit that answers and the units above it. */
export const ownersOnly =
  <T extends { ownerPath: string }>(read: (row: T) => string | null) =>
  (row: T, _: unknown, ctx: Context) =>
    ownsRow(row, ctx.caller) ? read(row) : null;

/** A unit path within the caller's own, or BAD_USER_INPUT naming the field. */
export function scopeWithin(own: string, unitPath: string | null | undefined, field: string): string {
  const scope = unitPath ? parseUnitPath(unitPath, field) : own;
  if (!isWithin(scope, own)) throw badInput(field, `Unit ${scope} is outside your unit ${own}; figures cover ${own} and the units below it.`);
  return scope;
}
