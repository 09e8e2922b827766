import type { EntityManager } from 'typeorm';
import { NOW_SQL } from '../../../../shared/clock';
import type { Period } from '../../../../shared/figures';
import { vietnamMidnightSql } from '../../../../shared/scalars';
import { childUnitSql, withinSql } from '../../../../shared/sql';
import type { DossierStats, NationalTarget } from '../statistics/figures';
import { isPeriodGrouping, type Grouping, type PeriodGrouping, type StatsFilter } from '../statistics/grouping';
import { RESOLVED, UNRECEIVED } from '../status';
import { rollupStatisticsSql, scopeParams, type KeyedStats } from './daily-rollup';
import { GRADE, statusesSql } from './rules';

/** One row of figures: the whole scope (key null), or a group with its key; a period's bucket also with its first and last day. */
export type GroupStats = DossierStats & { key: string | null; from?: string; to?: string };

const RECEIVED = `d.status NOT IN ${statusesSql(UNRECEIVED)}`;

/**
 * What each dossier contributes, worked out once per row: whether it was received or resolved in
 * the period, open at its end, and its grade by the national rule (by date; more than one
 * supplement request is late whatever the dates).
 */
const FACTS = `
  ${RECEIVED} AND d.received_at >= p.start AND d.received_at < p.stop AS received,
  d.channel,
  ${RECEIVED} AND d.received_at < p.start AND (d.finished_at IS NULL OR d.finished_at >= p.start) AS carried_over,
  d.status IN ${statusesSql(RESOLVED)} AND d.finished_at >= p.start AND d.finished_at < p.stop AS resolved,
  ${GRADE} AS grade,
  ${RECEIVED} AND d.received_at < p.stop AND (d.finished_at IS NULL OR d.finished_at >= p.stop) AS open_at_stop,
  d.due_at < least(p.stop, ${NOW_SQL}) AS overdue,
  d.status = 'WITHDRAWN' AND d.finished_at >= p.start AND d.finished_at < p.stop AS withdrawn,
  d.returned_at >= p.start AND d.returned_at < p.stop AS returned,
  extract(epoch FROM d.finished_at - d.received_at) / 86400 AS resolution_days`;

/** A group is listed when one of its dossiers counts in some figure. */
const COUNTED = 'f.received OR f.carried_over OR f.resolved OR f.open_at_stop OR f.withdrawn OR f.returned';

/** Every figure as one aggregate over the facts; column aliases are the DossierStats fields. */
const AGGREGATES = `
  round(avg(f.resolution_days) FILTER (WHERE f.resolved)::numeric, 2)::float AS "averageResolutionDays",
  round(percentile_cont(0.5) WITHIN GROUP (ORDER BY f.resolution_days) FILTER (WHERE f.resolved)::numeric, 2)::float AS "medianResolutionDays",
  count(*) FILTER (WHERE f.received)::int AS "received",
  count(*) FILTER (WHERE f.received AND f.channel = 'IN_PERSON')::int AS "receivedInPerson",
  count(*) FILTER (WHERE f.received AND f.channel = 'POSTAL')::int AS "receivedPostal",
  count(*) FILTER (WHERE f.received AND f.channel = 'ONLINE')::int AS "receivedOnline",
  count(*) FILTER (WHERE f.carried_over)::int AS "carriedOver",
  count(*) FILTER (WHERE f.resolved)::int AS "resolved",
  count(*) FILTER (WHERE f.resolved AND f.grade = 'EARLY')::int AS "resolvedEarly",
  count(*) FILTER (WHERE f.resolved AND f.grade = 'ON_TIME')::int AS "resolvedOnTime",
  count(*) FILTER (WHERE f.resolved AND f.grade = 'LATE')::int AS "resolvedLate",
  count(*) FILTER (WHERE f.open_at_stop)::int AS "inProgress",
  count(*) FILTER (WHERE f.open_at_stop AND f.overdue IS NOT TRUE)::int AS "inProgressInTime",
  count(*) FILTER (WHERE f.open_at_stop AND f.overdue)::int AS "inProgressOverdue",
  count(*) FILTER (WHERE f.withdrawn)::int AS "withdrawn",
  count(*) FILTER (WHERE f.returned)::int AS "returned"`;

const PERIOD = `(SELECT ${vietnamMidnightSql('$1::date')} AS start, ${vietnamMidnightSql('$2::date + 1')} AS stop) p`;
/**
 * Only dossiers alive during the period: received before its end, not closed (result returned, or
 * finished) before its start. Matches dossier_alive_idx.
 */
const TOUCHES = `tstzrange(d.received_at, coalesce(d.returned_at, d.finished_at, 'infinity'), '[]') && tstzrange(p.start, p.stop, '[)')`;

/** Calendar buckets: how PostgreSQL truncates a date to one, and how its key is written (2026-11, 2026-W48, 2026-Q4). */
const BUCKETS: Record<PeriodGrouping, { unit: string; step: string; key: string }> = {
  DAY: { unit: 'day', step: '1 day', key: 'YYYY-MM-DD' },
  WEEK: { unit: 'week', step: '1 week', key: 'IYYY-"W"IW' },
  MONTH: { unit: 'month', step: '1 month', key: 'YYYY-MM' },
  QUARTER: { unit: 'quarter', step: '3 months', key: 'YYYY-"Q"Q' },
};

/**
 * The period cut into calendar buckets (ISO weeks from Monday), the first and last clipped to it,
 * each with its Vietnam-midnight bounds: the facts of every dossier are worked out per bucket.
 */
const bucketsSql = (grouping: PeriodGrouping) => {
  const { unit, step, key } = BUCKETS[grouping];
  const stop = vietnamMidnightSql(`least((g + interval '${step}')::date, $2::date + 1)`);
  const lastDay = `least((g + interval '${step}')::date - 1, $2::date)`;
  return `(SELECT to_char(g, '${key}') AS key, greatest(g::date, $1::date) AS first_day, ${lastDay} AS last_day,
            ${vietnamMidnightSql('greatest(g::date, $1::date)')} AS start, ${stop} AS stop
       FROM generate_series(date_trunc('${unit}', $1::date), $2::date, interval '${step}') g) p`;
};

/**
 * The figures of a unit's subtree for a period, as one row or one row per group. UNIT groups by
 * the units directly below the scope, each summed over its own subtree (and the scope's own
 * dossiers under its own code). Figures of units alone come from the daily rollup; a filter or
 * another grouping counts the dossiers themselves.
 */
export async function statistics(db: EntityManager, filter: StatsFilter, groupBy: Grouping | null): Promise<GroupStats[]> {
  const byUnitOnly =
    (groupBy === null || groupBy === 'UNIT') && !filter.procedureId && !filter.fieldCode && !filter.receivingUnitCode && !filter.handlerId;
  const { sql, params } = byUnitOnly
    ? rollupStatisticsSql(filter, groupBy === 'UNIT' ? childUnitSql('r.owner_path', '$3') : null)
    : statisticsSql(filter, groupBy);
  return db.query(sql, params);
}

/** The statement behind `statistics` when it counts dossiers, for running it or asking the planner about it. */
export function statisticsSql(filter: StatsFilter, groupBy: Grouping | null): { sql: string; params: unknown[] } {
  const params: unknown[] = [filter.from, filter.to, ...scopeParams(filter.scope)];
  const where = [`${withinSql('d.owner_path', '$3', '$4')}`, TOUCHES];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (filter.procedureId) add('d.procedure_id = ?', filter.procedureId);
  if (filter.fieldCode) add('d.field_code = ?', filter.fieldCode);
  if (filter.receivingUnitCode) add('d.receiving_unit_code = ?', filter.receivingUnitCode);
  if (filter.handlerId) add('d.handler_id = ?', filter.handlerId);
  const key = {
    UNIT: childUnitSql('d.owner_path', '$3'),
    AGENCY: 'd.receiving_unit_code',
    FIELD: 'd.field_code',
    PROCEDURE: 'd.procedure_id::text',
    OFFICIAL: 'd.handler_id::text',
  }[isPeriodGrouping(groupBy) ? 'UNIT' : (groupBy ?? 'UNIT')];
  if (isPeriodGrouping(groupBy)) {
    // Every bucket is listed, also one with nothing in it: a month without a late dossier is a figure too.
    const sql = `SELECT p.key, to_char(p.first_day, 'YYYY-MM-DD') AS "from", to_char(p.last_day, 'YYYY-MM-DD') AS "to", ${AGGREGATES}
         FROM ${bucketsSql(groupBy)} LEFT JOIN LATERAL (SELECT ${FACTS} FROM dossier d WHERE ${where.join(' AND ')}) f ON true
        GROUP BY p.key, p.first_day, p.last_day ORDER BY p.first_day`;
    return { sql, params };
  }
  const grouped = groupBy !== null;
  const sql = `SELECT ${grouped ? 'f.key' : 'NULL AS key'}, ${AGGREGATES}
       FROM (SELECT ${key} AS key, ${FACTS} FROM dossier d, ${PERIOD} WHERE ${where.join(' AND ')}) f
      ${grouped ? `GROUP BY 1 HAVING count(*) FILTER (WHERE ${COUNTED}) > 0 ORDER BY 1` : ''}`;
  return { sql, params };
}

/** Figures for many procedures (or officials) of a scope in one statement, counting the dossiers: the batch of a contributed field. */
async function statsByColumn(
  db: EntityManager,
  period: Period,
  column: 'procedure_id' | 'handler_id',
  keys: string[],
  scope: string,
): Promise<KeyedStats[]> {
  return db.query(
    `SELECT k.key, ${AGGREGATES}
       FROM unnest($3::text[]) AS k(key)
       LEFT JOIN (SELECT d.owner_path, d.procedure_id, d.handler_id, ${FACTS} FROM dossier d, ${PERIOD}
                   WHERE ${withinSql('d.owner_path', '$4', '$5')} AND ${TOUCHES}) f ON f.${column}::text = k.key
      GROUP BY k.key`,
    [period.from, period.to, keys, ...scopeParams(scope)],
  );
}

/** Each procedure's figures over the dossiers of `scope`: the batch of `Procedure.dossierStats`. */
export const statsByProcedure = (db: EntityManager, period: Period, procedureIds: string[], scope: string) =>
  statsByColumn(db, period, 'procedure_id', procedureIds, scope);

/** Each official's figures as handler over the dossiers of `scope`: the batch of `Official.workload`. */
export const statsByOfficial = (db: EntityManager, period: Period, officialIds: string[], scope: string) =>
  statsByColumn(db, period, 'handler_id', officialIds, scope);

/** The national targets (see the migration NationalTargets). */
export async function nationalTargets(db: EntityManager): Promise<NationalTarget[]> {
  return db.query(`SELECT indicator, target_percent::float AS target, source FROM national_target ORDER BY indicator`);
}
