import path from 'node:path';
import { readSchema, type SubgraphModule } from '../../../shared/subgraph';
import { RatingEntity } from './entities/rating.entity';
import { createLoaders, type FeedbackLoaders } from './loaders';
import { Initial } from './migrations/1763800000000-initial';
import { Query } from './resolvers/query';
import { Dossier, Official, Rating } from './resolvers/rating';

/** Phản hồi — ratings, suggestions, complaints and service-quality indicators. */
export const feedback: SubgraphModule<FeedbackLoaders> = {
  name: 'feedback',
  typeDefs: readSchema(path.join(__dirname, '..')),
  resolvers: { Query, Rating, Dossier, Official },
  entities: [RatingEntity],
  migrations: [Initial],
  createLoaders,
};
