import type { EntityManager } from 'typeorm';
import type { Period } from '../../../../shared/figures';
import { vietnamMidnightSql } from '../../../../shared/scalars';
import { belowPattern, childUnitSql, withinSql } from '../../../../shared/sql';
import { DISSATISFIED_LEVELS, levelScore, SATISFIED_LEVELS } from '../ratings/levels';
import { SATISFACTION_LEVELS } from '../ratings/levels';

/** The counts of a set of ratings; the domain adds the rate. */
export interface SatisfactionCounts {
  ratings: number;
  satisfied: number;
  dissatisfied: number;
  averageScore: number | null;
}

export type SatisfactionGrouping = 'UNIT' | 'AGENCY' | 'OFFICIAL' | 'COUNTER' | 'PROCEDURE' | 'FIELD';

export interface SatisfactionFilter extends Period {
  /** The subtree summed; null for every unit (the public board of a centre). */
  scope: string | null;
  receivingUnitCode?: string | null;
}

const literals = (values: readonly string[]) => `(${values.map((value) => `'${value}'`).join(', ')})`;
/** SQL twin of `levelScore`: five for very satisfied down to one for very dissatisfied. */
const score = (column: string) => `CASE ${column} ${SATISFACTION_LEVELS.map((level) => `WHEN '${level}' THEN ${levelScore(level)}`).join(' ')} END`;
const GOOD = literals(SATISFIED_LEVELS);
const BAD = literals(DISSATISFIED_LEVELS);
/**
 * SQL twins of the levels' rule over alias `r`: a rating is satisfied when both the result and the
 * attitude are rated satisfied or better, dissatisfied when either is rated dissatisfied or worse.
 */
export const SATISFIED_SQL = `(r.result_satisfaction IN ${GOOD} AND r.attitude_satisfaction IN ${GOOD})`;
export const DISSATISFIED_SQL = `(r.result_satisfaction IN ${BAD} OR r.attitude_satisfaction IN ${BAD})`;
const FIGURES = `count(r.id)::int AS ratings,
  count(r.id) FILTER (WHERE ${SATISFIED_SQL})::int AS satisfied,
  count(r.id) FILTER (WHERE ${DISSATISFIED_SQL})::int AS dissatisfied,
  round(avg((${score('r.result_satisfaction')} + ${score('r.attitude_satisfaction')}) / 2.0), 2)::float AS "averageScore"`;
/** Ratings given on the period's days in Vietnam; $1 from, $2 to. */
export const RATED_IN_PERIOD = `r.rated_at >= ${vietnamMidnightSql('$1::date')} AND r.rated_at < ${vietnamMidnightSql('$2::date + 1')}`;

/** What the keys of `satisfactionCountsByKeys` name. */
export type SatisfactionSubject = 'OFFICIAL' | 'PROCEDURE' | 'UNIT_PATH';
const SUBJECT_MATCH: Record<SatisfactionSubject, string> = {
  OFFICIAL: 'r.official_id::text = k.key',
  PROCEDURE: 'r.procedure_id::text = k.key',
  UNIT_PATH: withinSql('r.owner_path', 'k.key'),
};

/** Counts for many keys in one statement: officials or procedures by id, or units by path (each summed over its subtree). */
export function satisfactionCountsByKeys(
  db: EntityManager,
  subject: SatisfactionSubject,
  period: Period,
  keys: string[],
): Promise<(SatisfactionCounts & { key: string })[]> {
  return db.query(
    `SELECT k.key, ${FIGURES} FROM unnest($3::text[]) AS k(key)
       LEFT JOIN rating r ON ${SUBJECT_MATCH[subject]} AND ${RATED_IN_PERIOD} GROUP BY k.key`,
    [period.from, period.to, keys],
  );
}

/** The group a rating falls in; the scope is $3. */
const GROUP_KEY: Record<SatisfactionGrouping, string> = {
  UNIT: childUnitSql('r.owner_path', '$3'),
  AGENCY: 'r.agency_code',
  OFFICIAL: 'r.official_id::text',
  COUNTER: `r.receiving_unit_code || '#' || r.counter_number`,
  PROCEDURE: 'r.procedure_id::text',
  FIELD: 'r.field_code',
};

/** Counts of the ratings a filter selects, whole (one row, key null) or per group (groups with no key left out); unordered. */
export function satisfactionCountsByGroup(
  db: EntityManager,
  filter: SatisfactionFilter,
  groupBy: SatisfactionGrouping | null,
): Promise<(SatisfactionCounts & { key: string | null })[]> {
  const params: unknown[] = [filter.from, filter.to];
  const where = [RATED_IN_PERIOD];
  if (filter.scope) {
    params.push(filter.scope, belowPattern(filter.scope));
    where.push(withinSql('r.owner_path', '$3', '$4'));
  }
  if (filter.receivingUnitCode) {
    params.push(filter.receivingUnitCode);
    where.push(`r.receiving_unit_code = $${params.length}`);
  }
  const key = GROUP_KEY[groupBy ?? 'UNIT'];
  return db.query(
    `SELECT ${groupBy ? key : 'NULL'} AS key, ${FIGURES} FROM rating r WHERE ${where.join(' AND ')}
      ${groupBy ? `AND ${key} IS NOT NULL GROUP BY 1` : ''}`,
    params,
  );
}
