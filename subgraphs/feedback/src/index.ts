import { ClientRequestByCaller } from '../../../shared/migrations/1764700000000-client-request-by-caller';
import { WrittenRows } from '../../../shared/migrations/1765100000000-written-rows';
import path from 'node:path';
import { readSchema, type SubgraphModule } from '../../../shared/subgraph';
import { PetitionEntity } from './store/entities/petition.entity';
import { RatingEntity } from './store/entities/rating.entity';
import { RatingCommentEntity } from './store/entities/rating-comment.entity';
import { PersonalRows } from './migrations/1765200000000-personal-rows';
import { RatingProcedure } from './migrations/1765300000000-rating-procedure';
import { SuggestionEntity } from './store/entities/suggestion.entity';
import { createLoaders, type FeedbackLoaders } from './loaders';
import { Initial } from './migrations/1763800000000-initial';
import { Petitions } from './migrations/1764600000000-petitions';
import { NormalisedUnitCodes } from './migrations/1765000000000-normalised-unit-codes';
import { resolvers } from './resolvers';

/** Phản hồi — ratings, suggestions, complaints and service-quality indicators. */
export const feedback: SubgraphModule<FeedbackLoaders> = {
  name: 'feedback',
  typeDefs: readSchema(path.join(__dirname, '..')),
  resolvers,
  entities: [RatingEntity, RatingCommentEntity, SuggestionEntity, PetitionEntity],
  migrations: [Initial, Petitions, ClientRequestByCaller, NormalisedUnitCodes, WrittenRows, PersonalRows, RatingProcedure],
  createLoaders,
};
