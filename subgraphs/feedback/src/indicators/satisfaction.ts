import type { EntityManager } from 'typeorm';
import { badInput } from '../../../../shared/errors';
import { percent, type Period } from '../../../../shared/figures';
import { batchByGroup } from '../../../../shared/loaders';
import { vietnamMidnightSql } from '../../../../shared/scalars';
import { childUnitSql, withinSql } from '../../../../shared/sql';
import { SATISFACTION_LEVELS } from '../entities/rating.entity';

export interface Satisfaction {
  ratings: number;
  satisfied: number;
  dissatisfied: number;
  satisfactionRate: number | null;
  averageScore: number | null;
}

export type SatisfactionGrouping = 'UNIT' | 'AGENCY' | 'OFFICIAL' | 'COUNTER' | 'PROCEDURE' | 'FIELD';

/** Five for very satisfied down to one for very dissatisfied. */
const score = (column: string) => `CASE ${column} ${SATISFACTION_LEVELS.map((level, i) => `WHEN '${level}' THEN ${5 - i}`).join(' ')} END`;
const GOOD = `('VERY_SATISFIED', 'SATISFIED')`;
const BAD = `('DISSATISFIED', 'VERY_DISSATISFIED')`;
/** A rating is satisfied when both the result and the attitude are rated satisfied or better, dissatisfied when either is rated dissatisfied or worse. */
export const SATISFIED = `(r.result_satisfaction IN ${GOOD} AND r.attitude_satisfaction IN ${GOOD})`;
export const DISSATISFIED = `(r.result_satisfaction IN ${BAD} OR r.attitude_satisfaction IN ${BAD})`;
const FIGURES = `count(r.id)::int AS ratings,
  count(r.id) FILTER (WHERE ${SATISFIED})::int AS satisfied,
  count(r.id) FILTER (WHERE ${DISSATISFIED})::int AS dissatisfied,
  round(avg((${score('r.result_satisfaction')} + ${score('r.attitude_satisfaction')}) / 2.0), 2)::float AS "averageScore"`;
/** Ratings given on the period's days in Vietnam; $1 from, $2 to. */
export const RATED_IN_PERIOD = `r.rated_at >= ${vietnamMidnightSql('$1::date')} AND r.rated_at < ${vietnamMidnightSql('$2::date + 1')}`;

const withRate = (figures: Omit<Satisfaction, 'satisfactionRate'>): Satisfaction => ({ ...figures, satisfactionRate: percent(figures.satisfied, figures.ratings) });

/** Figures for many keys in one statement: officials by id, or units by path (each summed over its subtree). */
async function byKeys(db: EntityManager, period: Period, keys: string[], match: string): Promise<Map<string, Satisfaction>> {
  const rows: (Omit<Satisfaction, 'satisfactionRate'> & { key: string })[] = await db.query(
    `SELECT k.key, ${FIGURES} FROM unnest($3::text[]) AS k(key) LEFT JOIN rating r ON ${match} AND ${RATED_IN_PERIOD} GROUP BY k.key`,
    [period.from, period.to, keys],
  );
  return new Map(rows.map(({ key, ...figures }) => [key, withRate(figures)]));
}

/** Batch function: keys are `from|to|subject`; one statement per distinct period. */
const batch = (db: EntityManager, match: string) => batchByGroup(([from, to], subjects) => byKeys(db, { from: from!, to: to! }, subjects, match));

export const satisfactionByOfficial = (db: EntityManager) => batch(db, 'r.official_id::text = k.key');
export const satisfactionByProcedure = (db: EntityManager) => batch(db, 'r.procedure_id::text = k.key');
export const satisfactionByUnitPath = (db: EntityManager) => batch(db, withinSql('r.owner_path', 'k.key'));
export const periodKey = (period: Period, subject: string) => `${period.from}|${period.to}|${subject}`;

export interface SatisfactionFilter extends Period {
  /** The subtree summed; null for every unit (the public board of a centre). */
  scope: string | null;
  receivingUnitCode?: string | null;
}

/**
 * Satisfaction of a subtree, whole or per group, best first: the ranking of units, departments
 * (the rated official's home agency), officials or counters (`{desk}#{number}`).
 */
export async function satisfactionStatistics(db: EntityManager, filter: SatisfactionFilter, groupBy: SatisfactionGrouping | null) {
  const params: unknown[] = [filter.from, filter.to];
  const where = [RATED_IN_PERIOD];
  if (filter.scope) {
    params.push(filter.scope, `${filter.scope}.%`);
    where.push(withinSql('r.owner_path', '$3', '$4'));
  }
  if (filter.receivingUnitCode) {
    params.push(filter.receivingUnitCode);
    where.push(`r.receiving_unit_code = $${params.length}`);
  }
  const key = {
    UNIT: childUnitSql('r.owner_path', '$3'),
    AGENCY: 'r.agency_code',
    OFFICIAL: 'r.official_id::text',
    COUNTER: `r.receiving_unit_code || '#' || r.counter_number`,
    PROCEDURE: 'r.procedure_id::text',
    FIELD: 'r.field_code',
  }[groupBy ?? 'UNIT'];
  if (groupBy === 'UNIT' && !filter.scope) throw badInput('filter.unitPath', 'Grouping by unit needs the unit whose children are compared.');
  const rows: (Omit<Satisfaction, 'satisfactionRate'> & { key: string | null })[] = await db.query(
    `SELECT ${groupBy ? key : 'NULL'} AS key, ${FIGURES} FROM rating r WHERE ${where.join(' AND ')}
      ${groupBy ? `AND ${key} IS NOT NULL GROUP BY 1` : ''}`,
    params,
  );
  const ranked = rows.map(({ key: k, ...figures }) => ({ key: k, satisfaction: withRate(figures) }));
  return ranked.sort((a, b) => (b.satisfaction.satisfactionRate ?? -1) - (a.satisfaction.satisfactionRate ?? -1) || b.satisfaction.ratings - a.satisfaction.ratings || String(a.key).localeCompare(String(b.key)));
}
