import { vietnamDate } from '../../../../shared/scalars';
import { unitRef } from '../../../../shared/units';
import type { Context } from '../context';
import { coversDay, type SecondmentEntity } from '../entities/secondment.entity';

export const Secondment = {
  __resolveReference: (ref: { id: string }, ctx: Context) => ctx.loaders.secondmentById.load(ref.id),
  official: (s: SecondmentEntity, _: unknown, ctx: Context) => ctx.loaders.officialById.load(s.officialId),
  homeAgency: (s: SecondmentEntity) => unitRef(s.homeAgencyCode),
  centre: (s: SecondmentEntity) => unitRef(s.centreCode),
  replacedBy: (s: SecondmentEntity, _: unknown, ctx: Context) => (s.replacedById ? ctx.loaders.secondmentById.load(s.replacedById) : null),
  replaces: (s: SecondmentEntity, _: unknown, ctx: Context) => (s.replacesId ? ctx.loaders.secondmentById.load(s.replacesId) : null),
  activeOn: (s: SecondmentEntity, args: { date?: string | null }, ctx: Context) => coversDay(s, args.date ?? vietnamDate(ctx.clock.now())),
};
