import { requireUnit } from '../../../../shared/caller';
import type { Context } from '../context';
import type { RatingEntity } from '../entities/rating.entity';
import { evaluateDossier, type DossierFacts } from '../indicators/evaluation';
import { checkPeriod, type Period } from '../../../../shared/figures';
import { periodKey } from '../indicators/satisfaction';

export const Rating = {
  __resolveReference: (ref: { id: string }, ctx: Context) => ctx.loaders.ratingById.load(ref.id),
  dossier: (rating: RatingEntity) => ({ __typename: 'Dossier', id: rating.dossierId }),
  official: (rating: RatingEntity) => (rating.officialId ? { __typename: 'Official', id: rating.officialId } : null),
  comment: async (rating: RatingEntity, _: unknown, ctx: Context) => (await ctx.loaders.commentByRating.load(rating.id))?.comment ?? null,
};

/** A dossier reference as the gateway sends it, with what this subgraph @requires of the dossiers subgraph. */
type DossierRef = { id: string; ownerPath?: string | null };

/**
 * The dossiers subgraph answers `ownerPath` only to a caller who may see the dossier (the gateway
 * signs what it forwards, so the value cannot be forged); without it this subgraph shows nothing.
 * This holds when the gateway reaches a Dossier from here alone (a rating's or a petition's).
 */
const shown = (dossier: DossierRef) => typeof dossier.ownerPath === 'string';

export const Dossier = {
  __resolveReference: (ref: DossierRef & Partial<DossierFacts>) => ref,
  ratings: (dossier: DossierRef, _: unknown, ctx: Context) => (shown(dossier) ? ctx.loaders.ratingsByDossier.load(dossier.id) : []),
  petitions: (dossier: DossierRef, _: unknown, ctx: Context) => (shown(dossier) ? ctx.loaders.petitionsByDossier.load(dossier.id) : []),
  evaluation: async (dossier: DossierRef & DossierFacts, _: unknown, ctx: Context) => {
    if (!shown(dossier)) return null;
    const [ratings, petitions] = await Promise.all([ctx.loaders.ratingsByDossier.load(dossier.id), ctx.loaders.petitionsByDossier.load(dossier.id)]);
    return evaluateDossier(dossier, ratings.map((r) => r.attitudeSatisfaction), petitions.filter((p) => p.status !== 'REJECTED'), ctx.clock.now());
  },
};

/** Aggregates are open to signed-in officials: the home agency's director evaluates an official wherever they served. */
/** Over the province, like an official's: a procedure is the province's, whoever received its dossiers. */
export const Procedure = {
  __resolveReference: (ref: { id: string }) => ref,
  satisfaction: (procedure: { id: string }, args: Period, ctx: Context) => {
    requireUnit(ctx.caller);
    return ctx.loaders.satisfactionByProcedure.load(periodKey(checkPeriod(args), procedure.id));
  },
};

export const Official = {
  __resolveReference: (ref: { id: string }) => ref,
  satisfaction: (official: { id: string }, args: Period, ctx: Context) => {
    requireUnit(ctx.caller);
    return ctx.loaders.satisfactionByOfficial.load(periodKey(checkPeriod(args), official.id));
  },
};
