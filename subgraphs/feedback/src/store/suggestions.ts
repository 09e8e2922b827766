import type { EntityManager } from 'typeorm';
import { SuggestionEntity, type SuggestionStatus } from './entities/suggestion.entity';
import { inSubtree } from '../../../../shared/sql';

export const suggestionById = (db: EntityManager, id: string): Promise<SuggestionEntity | null> => db.findOneBy(SuggestionEntity, { id });

export async function insertSuggestion(db: EntityManager, row: SuggestionEntity): Promise<void> {
  await db.insert(SuggestionEntity, row);
}

/** Records an answer or a closing. */
export async function updateSuggestionAnswer(
  db: EntityManager,
  id: string,
  settled: Pick<SuggestionEntity, 'status' | 'answer' | 'answeredAt'>,
): Promise<void> {
  await db.update(SuggestionEntity, { id }, settled);
}

/** The suggestions addressed to a subtree, in a status if given, newest first, at most 500. */
export function suggestionsWithin(db: EntityManager, scope: string, status: SuggestionStatus | null): Promise<SuggestionEntity[]> {
  const query = db
    .getRepository(SuggestionEntity)
    .createQueryBuilder('s')
    .where(...inSubtree('s.owner_path', scope));
  if (status) query.andWhere('s.status = :status', { status });
  return query.orderBy('s.submitted_at', 'DESC').addOrderBy('s.id').limit(500).getMany();
}
