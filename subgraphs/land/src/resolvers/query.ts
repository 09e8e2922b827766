import { parseId } from '../../../../shared/ids';
import { normaliseCode } from '../../../../shared/units';
import type { Context } from '../context';
import { mapNumber } from '../parcels/parcels';
import { parcelAt } from '../store/parcels';

export const Query = {
  landParcel: (_: unknown, { id }: { id: string }, ctx: Context) => ctx.loaders.parcelById.load(parseId(id, 'id')),
  landParcelAt: (_: unknown, args: { unitCode: string; mapSheet: number; parcelNumber: number }, ctx: Context) =>
    parcelAt(
      ctx.db,
      normaliseCode(args.unitCode),
      mapNumber(args.mapSheet, 'mapSheet', 'The map sheet'),
      mapNumber(args.parcelNumber, 'parcelNumber', 'The parcel number'),
    ),
};
