import type { EntityManager } from 'typeorm';
import { paginate, type Connection, type PageArgs } from '../../../../shared/connection';
import { vietnamMidnightSql } from '../../../../shared/scalars';
import { RatingCommentEntity } from './entities/rating-comment.entity';
import { RatingEntity, type RatingChannel } from './entities/rating.entity';
import { DISSATISFIED_SQL, SATISFIED_SQL } from './satisfaction';
import { inSubtree } from '../../../../shared/sql';

/** Waits for, then holds until the transaction ends, the lock on rating this dossier. */
export async function lockDossierRating(db: EntityManager, dossierId: string): Promise<void> {
  await db.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`rating:${dossierId}`]);
}

export const dossierIsRated = (db: EntityManager, dossierId: string): Promise<boolean> => db.existsBy(RatingEntity, { dossierId });

export async function insertRating(db: EntityManager, row: RatingEntity): Promise<void> {
  await db.insert(RatingEntity, row);
}

export async function insertRatingComment(db: EntityManager, row: RatingCommentEntity): Promise<void> {
  await db.insert(RatingCommentEntity, row);
}

/** A list of ratings narrowed by any of these; `from` and `to` are days in Vietnam. */
export interface RatingListFilter {
  officialId?: string | null;
  channel?: RatingChannel | null;
  from?: string | null;
  to?: string | null;
  receivingUnitCode?: string | null;
  agencyCode?: string | null;
  satisfied?: boolean | null;
}

/** One page of the ratings of a subtree, newest first. */
export function ratingPage(db: EntityManager, scope: string, filter: RatingListFilter, page: PageArgs): Promise<Connection<RatingEntity>> {
  const { officialId, channel, from, to, receivingUnitCode, agencyCode, satisfied } = filter;
  const query = db
    .getRepository(RatingEntity)
    .createQueryBuilder('r')
    .where(...inSubtree('r.owner_path', scope));
  if (officialId) query.andWhere('r.official_id = :officialId', { officialId });
  if (channel) query.andWhere('r.channel = :channel', { channel });
  if (from) query.andWhere(`r.rated_at >= ${vietnamMidnightSql(':from::date')}`, { from });
  if (to) query.andWhere(`r.rated_at < ${vietnamMidnightSql(':to::date + 1')}`, { to });
  if (receivingUnitCode) query.andWhere('r.receiving_unit_code = :receivingUnitCode', { receivingUnitCode });
  if (agencyCode) query.andWhere('r.agency_code = :agencyCode', { agencyCode });
  if (satisfied != null) query.andWhere(satisfied ? SATISFIED_SQL : DISSATISFIED_SQL);
  const columns = [
    { sql: 'r.rated_at', value: (r: RatingEntity) => r.ratedAt },
    { sql: 'r.id', value: (r: RatingEntity) => r.id },
  ];
  return paginate(query, { columns, direction: 'DESC' }, page);
}
