import { isOfficial } from '../../../../shared/caller';
import { unitRef } from '../../../../shared/units';
import type { Context } from '../context';
import type { OfficialEntity } from '../store/entities/official.entity';

export const Official = {
  __resolveReference: (ref: { id: string }, ctx: Context) => ctx.loaders.officialById.load(ref.id),
  homeAgency: (official: OfficialEntity) => unitRef(official.homeAgencyCode),
  // Work contacts are for colleagues: signed-in officials; the public sees names and titles.
  email: (official: OfficialEntity, _: unknown, ctx: Context) => (isOfficial(ctx.caller) ? official.email : null),
  phone: (official: OfficialEntity, _: unknown, ctx: Context) => (isOfficial(ctx.caller) ? official.phone : null),
  secondments: (official: OfficialEntity, _: unknown, ctx: Context) => ctx.loaders.secondmentsByOfficial.load(official.id),
  counterAssignments: (official: OfficialEntity, _: unknown, ctx: Context) => ctx.loaders.assignmentsByOfficial.load(official.id),
};
