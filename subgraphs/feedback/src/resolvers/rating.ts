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
};

/** The gateway only asks for a dossier's ratings, petitions and evaluation after the dossiers subgraph has shown it to the caller. */
export const Dossier = {
  __resolveReference: (ref: { id: string } & Partial<DossierFacts>) => ref,
  ratings: (dossier: { id: string }, _: unknown, ctx: Context) => ctx.loaders.ratingsByDossier.load(dossier.id),
  petitions: (dossier: { id: string }, _: unknown, ctx: Context) => ctx.loaders.petitionsByDossier.load(dossier.id),
  evaluation: async (dossier: { id: string } & DossierFacts, _: unknown, ctx: Context) => {
    const [ratings, petitions] = await Promise.all([ctx.loaders.ratingsByDossier.load(dossier.id), ctx.loaders.petitionsByDossier.load(dossier.id)]);
    return evaluateDossier(dossier, ratings.map((r) => r.attitudeSatisfaction), petitions.filter((p) => p.status !== 'REJECTED'), ctx.clock.now());
  },
};

/** Aggregates are open to signed-in officials: the home agency's director evaluates an official wherever they served. */
export const Official = {
  __resolveReference: (ref: { id: string }) => ref,
  satisfaction: (official: { id: string }, args: Period, ctx: Context) => {
    requireUnit(ctx.caller);
    return ctx.loaders.satisfactionByOfficial.load(periodKey(checkPeriod(args), official.id));
  },
};
