import { unitRef } from '../../../../shared/units';
import { ownersOnly } from '../access/scope';
import type { Context } from '../context';
import type { SuggestionEntity } from '../store/entities/suggestion.entity';

export const Suggestion = {
  __resolveReference: (ref: { id: string }, ctx: Context) => ctx.loaders.suggestionById.load(ref.id),
  unit: (suggestion: SuggestionEntity) => unitRef(suggestion.unitCode),
  authorName: ownersOnly((s: SuggestionEntity) => s.authorName),
  authorContact: ownersOnly((s: SuggestionEntity) => s.authorContact),
};
