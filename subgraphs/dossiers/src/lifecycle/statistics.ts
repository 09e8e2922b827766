import type { EntityManager } from 'typeorm';
import { percent, type Period } from '../../../../shared/figures';
import { batchByGroup } from '../../../../shared/loaders';
import { vietnamDaySql, vietnamMidnightSql } from '../../../../shared/scalars';
import { childUnitSql, withinSql } from '../../../../shared/sql';
import { MEASURES } from './daily-rollup';
import { gradeSql } from './grade';
import { NOW_SQL } from '../../../../shared/clock';

export interface DossierStats {
  received: number;
  receivedInPerson: number;
  receivedPostal: number;
  receivedOnline: number;
  carriedOver: number;
  resolved: number;
  resolvedEarly: number;
  resolvedOnTime: number;
  resolvedLate: number;
  inProgress: number;
  inProgressInTime: number;
  inProgressOverdue: number;
  withdrawn: number;
  returned: number;
  /** Calendar days from reception to resolution, over those resolved in the period; null from the daily rollup. */
  averageResolutionDays?: number | null;
  medianResolutionDays?: number | null;
}

/** The Vietnam calendar day of an instant as a day number: plain arithmetic, no time-zone lookup per row. */
const DAY = (column: string) => `floor((extract(epoch FROM ${column}) + 25200) / 86400)`;

/** A finished dossier's national grade (see grade.ts), over the dossier `d`. */
export const GRADE = gradeSql('d.supplement_count', DAY('d.finished_at'), DAY('d.due_at'), 'd.due_at');

/**
 * What each dossier contributes, worked out once per row: whether it was received or resolved in
 * the period, open at its end, and its grade by the national rule (by date; more than one
 * supplement request is late whatever the dates).
 */
const FACTS = `
  d.status NOT IN ('NEW', 'NOT_RECEIVED') AND d.received_at >= p.start AND d.received_at < p.stop AS received,
  d.channel,
  d.status NOT IN ('NEW', 'NOT_RECEIVED') AND d.received_at < p.start AND (d.finished_at IS NULL OR d.finished_at >= p.start) AS carried_over,
  d.status IN ('PROCESSED', 'RESULT_RETURNED') AND d.finished_at >= p.start AND d.finished_at < p.stop AS resolved,
  ${GRADE} AS grade,
  d.status NOT IN ('NEW', 'NOT_RECEIVED') AND d.received_at < p.stop AND (d.finished_at IS NULL OR d.finished_at >= p.stop) AS open_at_stop,
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
/** Only dossiers alive during the period: received before its end, not closed (result returned, or finished) before its start. Matches dossier_alive_idx. */
const TOUCHES = `tstzrange(d.received_at, coalesce(d.returned_at, d.finished_at, 'infinity'), '[]') && tstzrange(p.start, p.stop, '[)')`;

export type Grouping = 'UNIT' | 'AGENCY' | 'FIELD' | 'PROCEDURE' | 'OFFICIAL' | PeriodGrouping;
export type PeriodGrouping = 'DAY' | 'WEEK' | 'MONTH' | 'QUARTER';

/** Calendar buckets: how PostgreSQL truncates a date to one, and how its key is written (2026-11, 2026-W48, 2026-Q4). */
const BUCKETS: Record<PeriodGrouping, { unit: string; step: string; key: string }> = {
  DAY: { unit: 'day', step: '1 day', key: 'YYYY-MM-DD' },
  WEEK: { unit: 'week', step: '1 week', key: 'IYYY-"W"IW' },
  MONTH: { unit: 'month', step: '1 month', key: 'YYYY-MM' },
  QUARTER: { unit: 'quarter', step: '3 months', key: 'YYYY-"Q"Q' },
};
export const isPeriodGrouping = (grouping: Grouping | null): grouping is PeriodGrouping => grouping !== null && grouping in BUCKETS;

/**
 * The period cut into calendar buckets (ISO weeks from Monday), the first and last clipped to it,
 * each with its Vietnam-midnight bounds: the facts of every dossier are worked out per bucket.
 */
const bucketsSql = (grouping: PeriodGrouping) => {
  const { unit, step, key } = BUCKETS[grouping];
  return `(SELECT to_char(g, '${key}') AS key, greatest(g::date, $1::date) AS first_day, least((g + interval '${step}')::date - 1, $2::date) AS last_day,
            ${vietnamMidnightSql('greatest(g::date, $1::date)')} AS start, ${vietnamMidnightSql("least((g + interval '" + step + "')::date, $2::date + 1)")} AS stop
       FROM generate_series(date_trunc('${unit}', $1::date), $2::date, interval '${step}') g) p`;
};

export interface StatsFilter extends Period {
  /** The subtree the figures sum over; null for every unit (a centre's public board filters by its desk instead). */
  scope: string | null;
  procedureId?: string | null;
  fieldCode?: string | null;
  receivingUnitCode?: string | null;
  handlerId?: string | null;
}

/** Parameters $3 and $4 of every statement here: the scope and the pattern of its subtree (every path for no scope). */
const scopeParams = (scope: string | null) => [scope ?? '', scope ? `${scope}.%` : '%'];

/**
 * The figures of a unit's subtree for a period, as one row or one row per group. UNIT groups by
 * the units directly below the scope, each summed over its own subtree (and the scope's own
 * dossiers under its own code). Figures of units alone come from the daily rollup; a filter or
 * another grouping counts the dossiers themselves.
 */
export async function statistics(db: EntityManager, filter: StatsFilter, groupBy: Grouping | null): Promise<(DossierStats & { key: string | null })[]> {
  const byUnitOnly = (groupBy === null || groupBy === 'UNIT') && !filter.procedureId && !filter.fieldCode && !filter.receivingUnitCode && !filter.handlerId;
  const { sql, params } = byUnitOnly ? rollupStatisticsSql(filter, groupBy === 'UNIT' ? childUnitSql('r.owner_path', '$3') : null) : statisticsSql(filter, groupBy);
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
   WHERE d.finished_at IS NULL AND d.status NOT IN ('NEW', 'NOT_RECEIVED') AND d.received_at IS NOT NULL
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
  const sql = key ? `SELECT * FROM (${figures} GROUP BY 1) g WHERE ("received", "carriedOver", "resolved", "inProgress", "withdrawn", "returned") <> (0, 0, 0, 0, 0, 0) ORDER BY 1` : figures;
  return { sql, params: [filter.from, filter.to, ...scopeParams(filter.scope)] };
}

/** Figures for many subtrees (or procedures, or officials) in one statement: the batch of a contributed field. */
export async function statisticsByKey(db: EntityManager, period: Period, column: 'owner_path' | 'procedure_id' | 'handler_id', keys: string[], scope: string) {
  if (column === 'owner_path') {
    return db.query(
      `SELECT k.key, ${ROLLUP_AGGREGATES} FROM unnest($5::text[]) AS k(key)
         LEFT JOIN (${ROLLUP_ROWS}) r ON ${withinSql('r.owner_path', 'k.key')}
        GROUP BY k.key`,
      [period.from, period.to, ...scopeParams(scope), keys],
    ) as Promise<(DossierStats & { key: string })[]>;
  }
  const rows: (DossierStats & { key: string })[] = await db.query(
    `SELECT k.key, ${AGGREGATES}
       FROM unnest($3::text[]) AS k(key)
       LEFT JOIN (SELECT d.owner_path, d.procedure_id, d.handler_id, ${FACTS} FROM dossier d, ${PERIOD}
                   WHERE ${withinSql('d.owner_path', '$4', '$5')} AND ${TOUCHES}) f ON f.${column}::text = k.key
      GROUP BY k.key`,
    [period.from, period.to, keys, ...scopeParams(scope)],
  );
  return rows;
}

/** A national target (see the migration NationalTargets). */
export interface NationalTarget {
  indicator: 'ON_TIME_RATE' | 'ONLINE_SHARE';
  target: number;
  source: string;
}

/** Received online over received, in percent with 2 decimals; null when nothing was received. */
export const onlineShare = (stats: DossierStats) => percent(stats.receivedOnline, stats.received);

/** Each figure held against its national target: the gap is the figure less the target (below it, negative); null when the figure is. */
export function againstTargets(stats: DossierStats, targets: NationalTarget[]) {
  const value = { ON_TIME_RATE: onTimeRate(stats), ONLINE_SHARE: onlineShare(stats) };
  return targets.map(({ indicator, target, source }) => {
    const figure = value[indicator] ?? null;
    return { indicator, source, target, value: figure, gap: figure === null ? null : Math.round((figure - target) * 100) / 100 };
  });
}

/** Trước hạn + đúng hạn over resolved, in percent with 2 decimals; null when nothing was resolved. */
export function onTimeRate(stats: DossierStats): number | null {
  return percent(stats.resolvedEarly + stats.resolvedOnTime, stats.resolved);
}

/** Batch function for contributed figures: keys are `from|to|scope|subject`; one statement per period and scope. */
export const statsBatch = (db: EntityManager, column: 'owner_path' | 'procedure_id' | 'handler_id') =>
  batchByGroup(async ([from, to, scope], subjects) =>
    new Map((await statisticsByKey(db, { from: from!, to: to! }, column, subjects, scope!)).map(({ key, ...stats }): [string, DossierStats] => [key, stats])));
