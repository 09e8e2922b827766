import { isUuid } from '../../../../shared/ids';
import { parseUnitPath } from '../../../../shared/units';
import type { Context } from '../context';
import { parcelAt } from '../store/parcels';

export const Query = {
  landParcel: (_: unknown, { id }: { id: string }, ctx: Context) => (isUuid(id) ? ctx.loaders.parcelById.load(id) : null),
  landParcelAt: (_: unknown, args: { unitPath: string; mapSheet: number; parcelNumber: number }, ctx: Context) =>
    parcelAt(ctx.db, parseUnitPath(args.unitPath.trim(), 'unitPath'), args.mapSheet, args.parcelNumber),
};
