import type { DataSource } from 'typeorm';
import { byKey, defineLoaders, manyByKey } from '../../../shared/loaders';
import { RatingEntity } from './entities/rating.entity';
import { satisfactionBatch } from './indicators/satisfaction';

export function createLoaders(db: DataSource) {
  return defineLoaders({
    ratingById: byKey(db, RatingEntity, 'id'),
    ratingsByDossier: manyByKey(db, RatingEntity, 'dossierId', { ratedAt: 'ASC', id: 'ASC' }),
    satisfactionByOfficial: satisfactionBatch(db),
  });
}

export type FeedbackLoaders = ReturnType<typeof createLoaders>;
