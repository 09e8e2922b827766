import type { Context } from '../context';
import type { PaymentEntity } from '../store/entities/payment.entity';
import { visible } from '../lifecycle/views';

export const Payment = {
  dossier: async (payment: PaymentEntity, _: unknown, ctx: Context) => visible(await ctx.loaders.dossierById.load(payment.dossierId), ctx),
  sandbox: (payment: PaymentEntity) => payment.provider === 'sandbox',
};
