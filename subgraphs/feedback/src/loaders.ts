import type { EntityManager } from 'typeorm';
import { byKey, defineLoaders, manyByKey } from '../../../shared/loaders';
import type { Peers } from '../../../shared/peers';
import { PetitionEntity } from './store/entities/petition.entity';
import { RatingEntity } from './store/entities/rating.entity';
import { RatingCommentEntity } from './store/entities/rating-comment.entity';
import { SuggestionEntity } from './store/entities/suggestion.entity';
import { satisfactionByOfficial, satisfactionByProcedure, satisfactionByUnitPath } from './indicators/satisfaction';
import { serviceIndexBatch } from './indicators/service-inputs';

export function createLoaders(db: EntityManager, peers: Peers) {
  return defineLoaders({
    ratingById: byKey(db, RatingEntity, 'id'),
    /** Null where there is none, or the database does not show it to the caller. */
    commentByRating: byKey(db, RatingCommentEntity, 'ratingId'),
    ratingsByDossier: manyByKey(db, RatingEntity, 'dossierId', { ratedAt: 'ASC', id: 'ASC' }),
    petitionById: byKey(db, PetitionEntity, 'id'),
    petitionsByDossier: manyByKey(db, PetitionEntity, 'dossierId', { receivedAt: 'ASC', id: 'ASC' }),
    suggestionById: byKey(db, SuggestionEntity, 'id'),
    satisfactionByOfficial: satisfactionByOfficial(db),
    satisfactionByUnitPath: satisfactionByUnitPath(db),
    satisfactionByProcedure: satisfactionByProcedure(db),
    serviceIndexByUnitPath: serviceIndexBatch(db, peers),
  });
}

export type FeedbackLoaders = ReturnType<typeof createLoaders>;
