import { requireUnit } from '../../../../shared/caller';
import type { Context } from '../context';
import type { RatingEntity } from '../entities/rating.entity';
import { checkPeriod, type Period } from '../indicators/satisfaction';

export const Rating = {
  __resolveReference: (ref: { id: string }, ctx: Context) => ctx.loaders.ratingById.load(ref.id),
  dossier: (rating: RatingEntity) => ({ __typename: 'Dossier', id: rating.dossierId }),
  official: (rating: RatingEntity) => (rating.officialId ? { __typename: 'Official', id: rating.officialId } : null),
};

/** The gateway only asks for ratings of dossiers the dossiers subgraph has already shown the caller. */
export const Dossier = {
  __resolveReference: (ref: { id: string }) => ref,
  ratings: (dossier: { id: string }, _: unknown, ctx: Context) => ctx.loaders.ratingsByDossier.load(dossier.id),
};

/** Aggregates are open to signed-in officials: the home agency's director evaluates an official wherever they served. */
export const Official = {
  __resolveReference: (ref: { id: string }) => ref,
  satisfaction: (official: { id: string }, args: Period, ctx: Context) => {
    requireUnit(ctx.caller);
    const { from, to } = checkPeriod(args);
    return ctx.loaders.satisfactionByOfficial.load(`${from}|${to}|${official.id}`);
  },
};
