import type { DataSource } from 'typeorm';
import { badInput } from '../../../../shared/errors';
import { SATISFACTION_LEVELS } from '../entities/rating.entity';

export interface Period {
  from: string;
  to: string;
}

export interface Satisfaction {
  ratings: number;
  satisfied: number;
  dissatisfied: number;
  satisfactionRate: number | null;
  averageScore: number | null;
}

/** Five for very satisfied down to one for very dissatisfied. */
const score = (column: string) => `CASE ${column} ${SATISFACTION_LEVELS.map((level, i) => `WHEN '${level}' THEN ${5 - i}`).join(' ')} END`;
const GOOD = `('VERY_SATISFIED', 'SATISFIED')`;
const BAD = `('DISSATISFIED', 'VERY_DISSATISFIED')`;

export function checkPeriod(period: Period): Period {
  if (period.to < period.from) throw badInput('to', `The period ends (${period.to}) before it starts (${period.from}).`);
  return { from: period.from, to: period.to };
}

/**
 * How citizens rated, per official, in a period (by the rating's day in Vietnam): a rating is
 * satisfied when both the result and the attitude are rated satisfied or better, dissatisfied
 * when either is rated dissatisfied or worse. Rates are percent with 2 decimals, null with no ratings.
 */
export async function satisfactionByOfficial(db: DataSource, period: Period, officialIds: string[]): Promise<Map<string, Satisfaction>> {
  const rows: (Satisfaction & { key: string })[] = await db.query(
    `SELECT official_id::text AS key, count(*)::int AS ratings,
            count(*) FILTER (WHERE result_satisfaction IN ${GOOD} AND attitude_satisfaction IN ${GOOD})::int AS satisfied,
            count(*) FILTER (WHERE result_satisfaction IN ${BAD} OR attitude_satisfaction IN ${BAD})::int AS dissatisfied,
            round(avg((${score('result_satisfaction')} + ${score('attitude_satisfaction')}) / 2.0), 2)::float AS "averageScore"
       FROM rating
      WHERE official_id = ANY ($3::uuid[])
        AND rated_at >= ($1::date)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh' AND rated_at < ($2::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'
      GROUP BY 1`,
    [period.from, period.to, officialIds],
  );
  const found = new Map(rows.map(({ key, ...figures }) => [key, { ...figures, satisfactionRate: Math.round((figures.satisfied * 10000) / figures.ratings) / 100 }]));
  const none: Satisfaction = { ratings: 0, satisfied: 0, dissatisfied: 0, satisfactionRate: null, averageScore: null };
  return new Map(officialIds.map((id) => [id, found.get(id) ?? none]));
}

/** Batch function: keys are `from|to|officialId`; one statement per distinct period. */
export function satisfactionBatch(db: DataSource) {
  return async (keys: readonly string[]): Promise<Satisfaction[]> => {
    const byPeriod = new Map<string, string[]>();
    for (const key of keys) {
      const [from, to, id] = key.split('|') as [string, string, string];
      byPeriod.set(`${from}|${to}`, [...(byPeriod.get(`${from}|${to}`) ?? []), id]);
    }
    const found = new Map<string, Satisfaction>();
    for (const [period, ids] of byPeriod) {
      const [from, to] = period.split('|') as [string, string];
      for (const [id, figures] of await satisfactionByOfficial(db, { from, to }, [...new Set(ids)])) found.set(`${period}|${id}`, figures);
    }
    return keys.map((key) => found.get(key)!);
  };
}
