import { isOfficial } from '../../../../shared/caller';
import { vietnamDate } from '../../../../shared/scalars';
import { isWithin, unitRef } from '../../../../shared/units';
import type { Context } from '../context';
import { type SecondmentEntity } from '../store/entities/secondment.entity';
import { coversDay } from '../staffing/terms';

export const Secondment = {
  __resolveReference: (ref: { id: string }, ctx: Context) => ctx.loaders.secondmentById.load(ref.id),
  official: (s: SecondmentEntity, _: unknown, ctx: Context) => ctx.loaders.officialById.load(s.officialId),
  homeAgency: (s: SecondmentEntity) => unitRef(s.homeAgencyCode),
  centre: (s: SecondmentEntity) => unitRef(s.centreCode),
  /** Why a secondment ended (a violation, say) is for the home agency that answers for the official and the centre where they served. */
  endReason: (s: SecondmentEntity, _: unknown, ctx: Context) => {
    const unit = isOfficial(ctx.caller) ? ctx.caller.unit : null;
    return unit && (isWithin(s.ownerPath, unit) || unit.split('.').includes(s.centreCode)) ? s.endReason : null;
  },
  replacedBy: (s: SecondmentEntity, _: unknown, ctx: Context) => (s.replacedById ? ctx.loaders.secondmentById.load(s.replacedById) : null),
  replaces: (s: SecondmentEntity, _: unknown, ctx: Context) => (s.replacesId ? ctx.loaders.secondmentById.load(s.replacesId) : null),
  activeOn: (s: SecondmentEntity, args: { date?: string | null }, ctx: Context) => coversDay(s, args.date ?? vietnamDate(ctx.clock.now())),
};
