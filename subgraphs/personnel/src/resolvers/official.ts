import type { Context } from '../context';
import type { OfficialEntity } from '../entities/official.entity';

export const Official = {
  __resolveReference: (ref: { id: string }, ctx: Context) => ctx.loaders.officialById.load(ref.id),
  // asOf null: the agency as it is now.
  homeAgency: (official: OfficialEntity) => ({ __typename: 'AdministrativeUnit', code: official.homeAgencyCode, asOf: null }),
};
