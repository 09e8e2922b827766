import type { EntityManager } from 'typeorm';
import { badInput } from '../../../../shared/errors';
import { percent, ranked, type Period, type Sort } from '../../../../shared/figures';
import { batchByGroup } from '../../../../shared/loaders';
import { unitRef } from '../../../../shared/units';
import {
  satisfactionCountsByGroup,
  satisfactionCountsByKeys,
  type SatisfactionCounts,
  type SatisfactionFilter,
  type SatisfactionGrouping,
  type SatisfactionSubject,
} from '../store/satisfaction';

export interface Satisfaction extends SatisfactionCounts {
  satisfactionRate: number | null;
}

const withRate = (figures: SatisfactionCounts): Satisfaction => ({ ...figures, satisfactionRate: percent(figures.satisfied, figures.ratings) });

/** Batch function: keys are `from|to|subject`; one statement per distinct period. */
const batch = (db: EntityManager, subject: SatisfactionSubject) =>
  batchByGroup(async ([from, to], subjects) => {
    const rows = await satisfactionCountsByKeys(db, subject, { from, to }, subjects);
    return new Map(rows.map(({ key, ...figures }) => [key, withRate(figures)]));
  });

export const satisfactionByOfficial = (db: EntityManager) => batch(db, 'OFFICIAL');
export const satisfactionByProcedure = (db: EntityManager) => batch(db, 'PROCEDURE');
export const satisfactionByUnitPath = (db: EntityManager) => batch(db, 'UNIT_PATH');
export const periodKey = (period: Period, subject: string) => `${period.from}|${period.to}|${subject}`;

/**
 * Satisfaction of a subtree, whole or per group, best first: the ranking of units, departments
 * (the rated official's home agency), officials or counters (`{desk}#{number}`).
 */
export async function satisfactionStatistics(db: EntityManager, filter: SatisfactionFilter, groupBy: SatisfactionGrouping | null) {
  if (groupBy === 'UNIT' && !filter.scope) throw badInput('filter.unitPath', 'Grouping by unit needs the unit whose children are compared.');
  const rows = await satisfactionCountsByGroup(db, filter, groupBy);
  const groups = rows.map(({ key: k, ...figures }) => ({ key: k, satisfaction: withRate(figures) }));
  return groups.sort(
    (a, b) =>
      (b.satisfaction.satisfactionRate ?? -1) - (a.satisfaction.satisfactionRate ?? -1) ||
      b.satisfaction.ratings - a.satisfaction.ratings ||
      String(a.key).localeCompare(String(b.key)),
  );
}

/** The entity a group's key names, as the field of `SatisfactionGroup` that shows it. */
export const groupRef: Record<SatisfactionGrouping, (key: string) => Record<string, unknown>> = {
  UNIT: (key) => ({ unit: unitRef(key) }),
  AGENCY: (key) => ({ unit: unitRef(key) }),
  OFFICIAL: (key) => ({ official: { __typename: 'Official', id: key } }),
  COUNTER: (key) => ({ unit: unitRef(key.split('#')[0]) }),
  PROCEDURE: (key) => ({ procedure: { __typename: 'Procedure', id: key } }),
  FIELD: (key) => ({ field: { __typename: 'Field', code: key } }),
};

type SatisfactionFigure = 'SATISFACTION_RATE' | 'AVERAGE_SCORE' | 'RATINGS';
const SATISFACTION_FIGURE: Record<SatisfactionFigure, (s: Satisfaction) => number | null> = {
  SATISFACTION_RATE: (s) => s.satisfactionRate,
  AVERAGE_SCORE: (s) => s.averageScore,
  RATINGS: (s) => s.ratings,
};

export interface RankingArgs {
  sort?: Sort<SatisfactionFigure> | null;
  limit?: number | null;
  minRatings?: number | null;
}

/** A ranking: groups with at least `minRatings` ratings (a rate of 2 ratings says little), ordered by a figure, cut to `limit`. */
export function rankedGroups<G extends { satisfaction: Satisfaction }>(groups: G[], args: RankingArgs): G[] {
  const { minRatings } = args;
  if (minRatings != null && (!Number.isInteger(minRatings) || minRatings < 0)) {
    throw badInput('minRatings', `"minRatings" is a whole number, 0 or more; got ${minRatings}.`);
  }
  const kept = groups.filter((g) => g.satisfaction.ratings >= (minRatings ?? 0));
  return ranked(kept, (group, by: SatisfactionFigure) => SATISFACTION_FIGURE[by](group.satisfaction), args.sort, args.limit);
}
