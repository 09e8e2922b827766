import { isWithin, unitRef } from '../../../../shared/units';
import type { Context } from '../context';
import type { PetitionEntity } from '../entities/petition.entity';
import type { SuggestionEntity } from '../entities/suggestion.entity';
import { isOverdue } from '../petitions/transitions';

/** Personal details reach only the unit that answers and the units above it. */
const ownersOnly = <T extends { ownerPath: string }>(read: (row: T) => string | null) => (row: T, _: unknown, ctx: Context) =>
  ctx.caller.unit && isWithin(row.ownerPath, ctx.caller.unit) ? read(row) : null;

export const Petition = {
  __resolveReference: (ref: { id: string }, ctx: Context) => ctx.loaders.petitionById.load(ref.id),
  dossier: (petition: PetitionEntity) => (petition.dossierId ? { __typename: 'Dossier', id: petition.dossierId } : null),
  unit: (petition: PetitionEntity) => unitRef(petition.unitCode),
  petitionerName: ownersOnly((p: PetitionEntity) => p.petitionerName),
  petitionerPhone: ownersOnly((p: PetitionEntity) => p.petitionerPhone),
  petitionerEmail: ownersOnly((p: PetitionEntity) => p.petitionerEmail),
  overdue: (petition: PetitionEntity, _: unknown, ctx: Context) => isOverdue(petition, ctx.clock.now()),
  repeatOf: (petition: PetitionEntity, _: unknown, ctx: Context) => (petition.repeatOfId ? ctx.loaders.petitionById.load(petition.repeatOfId) : null),
};

export const Suggestion = {
  __resolveReference: (ref: { id: string }, ctx: Context) => ctx.loaders.suggestionById.load(ref.id),
  unit: (suggestion: SuggestionEntity) => unitRef(suggestion.unitCode),
  authorName: ownersOnly((s: SuggestionEntity) => s.authorName),
  authorContact: ownersOnly((s: SuggestionEntity) => s.authorContact),
};
