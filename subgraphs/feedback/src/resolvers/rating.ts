import type { Context } from '../context';
import type { RatingEntity } from '../entities/rating.entity';

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
