import { unitRef } from '../../../../shared/units';
import type { Context } from '../context';
import type { LandParcelEntity } from '../store/entities/land-parcel.entity';

export const LandParcel = {
  __resolveReference: (ref: { id: string }, ctx: Context) => ctx.loaders.parcelById.load(ref.id),
  unit: (parcel: LandParcelEntity) => unitRef(parcel.unitCode),
  /** The database shows the full name only to the branch and the units above it (land_parcel_owner's policy). */
  ownerName: async (parcel: LandParcelEntity, _: unknown, ctx: Context) => (await ctx.loaders.ownerByParcel.load(parcel.id))?.ownerName ?? null,
  registeredAt: (parcel: LandParcelEntity) => parcel.registeredAt,
};
