import { unitRef } from '../../../../shared/units';
import type { Context } from '../context';
import type { OfficialEntity } from '../entities/official.entity';

export const Official = {
  __resolveReference: (ref: { id: string }, ctx: Context) => ctx.loaders.officialById.load(ref.id),
  homeAgency: (official: OfficialEntity) => unitRef(official.homeAgencyCode),
  secondments: (official: OfficialEntity, _: unknown, ctx: Context) => ctx.loaders.secondmentsByOfficial.load(official.id),
  counterAssignments: (official: OfficialEntity, _: unknown, ctx: Context) => ctx.loaders.assignmentsByOfficial.load(official.id),
};
