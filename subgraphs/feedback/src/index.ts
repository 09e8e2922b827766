import { ClientRequestByCaller } from '../../../shared/migrations/1764700000000-client-request-by-caller';
import { WrittenRows } from '../../../shared/migrations/1765100000000-written-rows';
import path from 'node:path';
import { readSchema, type SubgraphModule } from '../../../shared/subgraph';
import { PetitionEntity } from './entities/petition.entity';
import { RatingEntity } from './entities/rating.entity';
import { RatingCommentEntity } from './entities/rating-comment.entity';
import { PersonalRows } from './migrations/1765200000000-personal-rows';
import { RatingProcedure } from './migrations/1765300000000-rating-procedure';
import { SuggestionEntity } from './entities/suggestion.entity';
import { createLoaders, type FeedbackLoaders } from './loaders';
import { Initial } from './migrations/1763800000000-initial';
import { Petitions } from './migrations/1764600000000-petitions';
import { NormalisedUnitCodes } from './migrations/1765000000000-normalised-unit-codes';
import { Mutation } from './resolvers/mutation';
import { Petition, Suggestion } from './resolvers/petition';
import { AdministrativeUnit, CentreBoard } from './resolvers/unit';
import { Query } from './resolvers/query';
import { Dossier, Official, Procedure, Rating } from './resolvers/rating';

/** Phản hồi — ratings, suggestions, complaints and service-quality indicators. */
export const feedback: SubgraphModule<FeedbackLoaders> = {
  name: 'feedback',
  typeDefs: readSchema(path.join(__dirname, '..')),
  resolvers: { Query, Mutation, Rating, Dossier, Official, Procedure, Petition, Suggestion, AdministrativeUnit, CentreBoard },
  entities: [RatingEntity, RatingCommentEntity, SuggestionEntity, PetitionEntity],
  migrations: [Initial, Petitions, ClientRequestByCaller, NormalisedUnitCodes, WrittenRows, PersonalRows, RatingProcedure],
  createLoaders,
};
