import type { Context } from '../context';
import type { DeliveryEntity } from '../store/entities/delivery.entity';
import { actionValue } from '../lifecycle/history';
import { visible } from '../lifecycle/views';

export const Delivery = {
  dossier: async (delivery: DeliveryEntity, _: unknown, ctx: Context) => visible(await ctx.loaders.dossierById.load(delivery.dossierId), ctx),
  action: (delivery: DeliveryEntity) => actionValue(delivery.action),
  retryRequested: (delivery: DeliveryEntity) => delivery.retryRequestedAt !== null,
};
