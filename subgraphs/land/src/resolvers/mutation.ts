import { OFFICIALS } from '../../../../shared/caller';
import { scopedMutation } from '../../../../shared/mutation';
import type { Context } from '../context';
import { attachToDossier, registerParcel } from '../parcels/parcels';

const parcelPayload = async (id: string, ctx: Context) => ({ landParcel: await ctx.loaders.parcelById.load(id) });

export const Mutation = {
  registerLandParcel: scopedMutation('registerLandParcel', OFFICIALS, registerParcel, parcelPayload),
  attachLandParcel: scopedMutation('attachLandParcel', OFFICIALS, attachToDossier, parcelPayload),
};
