import { OFFICIALS } from '../../../../shared/caller';
import { loadCalendar } from '../../../../shared/calendar-store';
import { scopedMutation } from '../../../../shared/mutation';
import type { Context } from '../context';
import { actOnPetition, submitPetition, type NewPetition, type PetitionActionInput } from '../petitions/petitions';
import type { PetitionAction } from '../petitions/transitions';
import { rateDossier, type NewRating } from '../ratings/rate';
import { settleSuggestion, submitSuggestion, type NewSuggestion } from '../suggestions/suggestions';

type Input<T> = T & { clientRequestId: string };

const ratingPayload = async (id: string, ctx: Context) => ({ rating: await ctx.loaders.ratingById.load(id) });
const suggestionPayload = async (id: string, ctx: Context) => ({ suggestion: await ctx.loaders.suggestionById.load(id) });
const petitionPayload = async (id: string, ctx: Context) => ({ petition: await ctx.loaders.petitionById.load(id) });

/** One move of a petition by the unit that answers it. */
const petitionMove = (action: PetitionAction, operation: string) =>
  scopedMutation<Input<PetitionActionInput>, Context, string, unknown>(
    operation,
    OFFICIALS,
    async (m, input, ctx) => actOnPetition(m, ctx.caller, await loadCalendar(m), action, input, ctx.clock.now()),
    petitionPayload,
  );

export const Mutation = {
  rateDossier: scopedMutation<Input<NewRating>, Context, string, unknown>(
    'rateDossier',
    'ANYONE',
    (m, input, ctx) => rateDossier(m, ctx.peers, input, ctx.clock.now()),
    ratingPayload,
  ),
  submitSuggestion: scopedMutation<Input<NewSuggestion>, Context, string, unknown>(
    'submitSuggestion',
    'ANYONE',
    (m, input, ctx) => submitSuggestion(m, ctx.peers, input, ctx.clock.now()),
    suggestionPayload,
  ),
  answerSuggestion: scopedMutation<Input<{ suggestionId: string; answer?: string | null }>, Context, string, unknown>(
    'answerSuggestion',
    OFFICIALS,
    (m, input, ctx) => settleSuggestion(m, ctx.caller, input, false, ctx.clock.now()),
    suggestionPayload,
  ),
  closeSuggestion: scopedMutation<Input<{ suggestionId: string; answer?: string | null }>, Context, string, unknown>(
    'closeSuggestion',
    OFFICIALS,
    (m, input, ctx) => settleSuggestion(m, ctx.caller, input, true, ctx.clock.now()),
    suggestionPayload,
  ),
  submitPetition: scopedMutation<Input<NewPetition>, Context, string, unknown>(
    'submitPetition',
    'ANYONE',
    async (m, input, ctx) => submitPetition(m, ctx.peers, await loadCalendar(m), input, ctx.clock.now()),
    petitionPayload,
  ),
  rejectPetition: petitionMove('reject', 'rejectPetition'),
  requestPetitionInformation: petitionMove('requestInformation', 'requestPetitionInformation'),
  acceptPetition: petitionMove('accept', 'acceptPetition'),
  answerPetition: petitionMove('answer', 'answerPetition'),
  publishPetitionAnswer: petitionMove('publish', 'publishPetitionAnswer'),
};
