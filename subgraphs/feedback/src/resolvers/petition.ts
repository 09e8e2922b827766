import { isWithin, unitRef } from '../../../../shared/units';
import type { Context } from '../context';
import type { PetitionEntity } from '../entities/petition.entity';
import type { SuggestionEntity } from '../entities/suggestion.entity';
import { isOverdue } from '../petitions/transitions';

/** Whether the caller is an official of the unit that owns the row or of a unit above it. */
export const ownsRow = (row: { ownerPath: string }, ctx: Context) => !!ctx.caller.unit && ctx.caller.role !== 'PUBLIC' && isWithin(row.ownerPath, ctx.caller.unit);

/** Personal details reach only the unit that answers and the units above it. */
const ownersOnly = <T extends { ownerPath: string }>(read: (row: T) => string | null) => (row: T, _: unknown, ctx: Context) => (ownsRow(row, ctx) ? read(row) : null);

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
    return earlier && ownsRow(earlier, ctx) ? earlier : null;
  },
};

export const Suggestion = {
  __resolveReference: (ref: { id: string }, ctx: Context) => ctx.loaders.suggestionById.load(ref.id),
  unit: (suggestion: SuggestionEntity) => unitRef(suggestion.unitCode),
  authorName: ownersOnly((s: SuggestionEntity) => s.authorName),
  authorContact: ownersOnly((s: SuggestionEntity) => s.authorContact),
};
