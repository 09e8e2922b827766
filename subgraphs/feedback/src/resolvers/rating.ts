import type { Context } from '../context';
import type { RatingEntity } from '../store/entities/rating.entity';

export const Rating = {
  __resolveReference: (ref: { id: string }, ctx: Context) => ctx.loaders.ratingById.load(ref.id),
  dossier: (rating: RatingEntity) => ({ __typename: 'Dossier', id: rating.dossierId }),
  official: (rating: RatingEntity) => (rating.officialId ? { __typename: 'Official', id: rating.officialId } : null),
  comment: async (rating: RatingEntity, _: unknown, ctx: Context) => (await ctx.loaders.commentByRating.load(rating.id))?.comment ?? null,
};
