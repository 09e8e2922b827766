import { unitRef } from '../../../../shared/units';
import { ownersOnly, ownsRow } from '../access/scope';
import type { Context } from '../context';
import { isOverdue } from '../petitions/transitions';
import type { PetitionEntity } from '../store/entities/petition.entity';

export const Petition = {
  __resolveReference: (ref: { id: string }, ctx: Context) => ctx.loaders.petitionById.load(ref.id),
  dossier: (petition: PetitionEntity) => (petition.dossierId ? { __typename: 'Dossier', id: petition.dossierId } : null),
  unit: (petition: PetitionEntity) => unitRef(petition.unitCode),
  petitionerName: ownersOnly((p: PetitionEntity) => p.petitionerName),
  petitionerPhone: ownersOnly((p: PetitionEntity) => p.petitionerPhone),
  petitionerEmail: ownersOnly((p: PetitionEntity) => p.petitionerEmail),
  overdue: (petition: PetitionEntity, _: unknown, ctx: Context) => isOverdue(petition, ctx.clock.now()),
  /** The earlier petition is the answering unit's business: a stranger giving the same dossier or phone learns nothing of it. */
  repeatOf: async (petition: PetitionEntity, _: unknown, ctx: Context) => {
    const earlier = petition.repeatOfId ? await ctx.loaders.petitionById.load(petition.repeatOfId) : null;
    return earlier && ownsRow(earlier, ctx.caller) ? earlier : null;
  },
};
