import type { EntityManager } from 'typeorm';
import { NOW_SQL } from '../../../../shared/clock';
import type { Period } from '../../../../shared/figures';
import { vietnamDaySql, vietnamMidnightSql } from '../../../../shared/scalars';
import { belowPattern, withinSql } from '../../../../shared/sql';
import { MEASURES } from '../statistics/daily-rollup';
import type { DossierStats } from '../statistics/figures';
import type { StatsFilter } from '../statistics/grouping';
import { UNRECEIVED } from '../status';
import { statusesSql } from './rules';

/** Figures with what they are about: a unit's path, a procedure's or an official's id, a group's key. */
export type KeyedStats = DossierStats & { key: string };

/** Parameters $3 and $4 of every statement on figures: the scope and the pattern of its subtree (every path for no scope). */
export const scopeParams = (scope: string | null) => [scope ?? '', scope ? belowPattern(scope) : '%'];

/**
 * Rollup rows of the scope up to the period's last day, and — while the period has not ended —
 * the open dossiers that fell due earlier today, which the daily rows cannot tell from those due
 * later today. Parameters: $1 from, $2 to, $3 scope, $4 its subtree pattern.
 */
const TODAY = vietnamDaySql(NOW_SQL);
/** The period has not ended yet. */
const RUNNING = `${vietnamMidnightSql('$2::date + 1')} > ${NOW_SQL}`;
const ROLLUP_ROWS = `
  SELECT r.owner_path, r.day, ${MEASURES.map((m) => `r.${m}`).join(', ')}, 0 AS overdue_today
    FROM dossier_daily r WHERE ${withinSql('r.owner_path', '$3', '$4')} AND r.day <= $2::date
  UNION ALL
  SELECT d.owner_path, ${TODAY}, ${MEASURES.map(() => '0').join(', ')}, 1
    FROM dossier d
   WHERE d.finished_at IS NULL AND d.status NOT IN ${statusesSql(UNRECEIVED)} AND d.received_at IS NOT NULL
     AND d.due_at >= ${vietnamMidnightSql(TODAY)} AND d.due_at < ${NOW_SQL}
     AND ${RUNNING}
     AND ${withinSql('d.owner_path', '$3', '$4')}`;

/**
 * Overdue at the period's end: open dossiers whose due date has passed by then, or by now for a
 * period still running (overdue before today, less those finished since, plus those due earlier today).
 */
const OVERDUE = `CASE WHEN ${RUNNING}
  THEN coalesce(sum(r.overdue_from) FILTER (WHERE r.day < ${TODAY}), 0) - coalesce(sum(r.overdue_to), 0) + coalesce(sum(r.overdue_today), 0)
  ELSE coalesce(sum(r.overdue_from - r.overdue_to), 0) END`;

const inPeriod = (expression: string) => `coalesce(sum(${expression}) FILTER (WHERE r.day >= $1::date), 0)::int`;
const ROLLUP_AGGREGATES = `
  NULL::float AS "averageResolutionDays", NULL::float AS "medianResolutionDays",
  ${inPeriod('r.received')} AS "received",
  ${inPeriod('r.received_in_person')} AS "receivedInPerson",
  ${inPeriod('r.received_postal')} AS "receivedPostal",
  ${inPeriod('r.received_online')} AS "receivedOnline",
  coalesce(sum(r.received - r.closed) FILTER (WHERE r.day < $1::date), 0)::int AS "carriedOver",
  ${inPeriod('r.resolved_early + r.resolved_on_time + r.resolved_late')} AS "resolved",
  ${inPeriod('r.resolved_early')} AS "resolvedEarly",
  ${inPeriod('r.resolved_on_time')} AS "resolvedOnTime",
  ${inPeriod('r.resolved_late')} AS "resolvedLate",
  coalesce(sum(r.received - r.closed), 0)::int AS "inProgress",
  (coalesce(sum(r.received - r.closed), 0) - ${OVERDUE})::int AS "inProgressInTime",
  (${OVERDUE})::int AS "inProgressOverdue",
  ${inPeriod('r.withdrawn')} AS "withdrawn",
  ${inPeriod('r.returned')} AS "returned"`;

/** The figures of the scope (or of each unit below it, by `key`) from the daily rollup. */
export function rollupStatisticsSql(filter: StatsFilter, key: string | null): { sql: string; params: unknown[] } {
  const figures = `SELECT ${key ?? 'NULL'} AS key, ${ROLLUP_AGGREGATES} FROM (${ROLLUP_ROWS}) r`;
  const sql = key
    ? `SELECT * FROM (${figures} GROUP BY 1) g
        WHERE ("received", "carriedOver", "resolved", "inProgress", "withdrawn", "returned") <> (0, 0, 0, 0, 0, 0) ORDER BY 1`
    : figures;
  return { sql, params: [filter.from, filter.to, ...scopeParams(filter.scope)] };
}

/** Figures for many subtrees of `scope` in one statement, from the daily rollup: the batch of `AdministrativeUnit.dossierStats`. */
export async function statsBySubtree(db: EntityManager, period: Period, paths: string[], scope: string): Promise<KeyedStats[]> {
  return db.query(
    `SELECT k.key, ${ROLLUP_AGGREGATES} FROM unnest($5::text[]) AS k(key)
       LEFT JOIN (${ROLLUP_ROWS}) r ON ${withinSql('r.owner_path', 'k.key')}
      GROUP BY k.key`,
    [period.from, period.to, ...scopeParams(scope), paths],
  );
}
