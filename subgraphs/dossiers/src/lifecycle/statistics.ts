import type { DataSource } from 'typeorm';
import { badInput } from '../../../../shared/errors';

/** A reporting period: Vietnam calendar dates, both included. */
export interface Period {
  from: string;
  to: string;
}

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
}

const LOCAL = (column: string) => `(${column} AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`;
/** The national rule, by date: more than one supplement request is late whatever the dates. */
const TIMELINESS = `CASE WHEN d.supplement_count > 1 THEN 'LATE' WHEN d.due_at IS NULL THEN 'ON_TIME'
  WHEN ${LOCAL('d.finished_at')} < ${LOCAL('d.due_at')} THEN 'EARLY'
  WHEN ${LOCAL('d.finished_at')} = ${LOCAL('d.due_at')} THEN 'ON_TIME' ELSE 'LATE' END`;
const RECEIVED = `d.received_at >= p.start AND d.received_at < p.stop AND d.status NOT IN ('NEW', 'NOT_RECEIVED')`;
const RESOLVED = `d.status IN ('PROCESSED', 'RESULT_RETURNED') AND d.finished_at >= p.start AND d.finished_at < p.stop`;
const OPEN_AT_STOP = `d.received_at < p.stop AND d.status NOT IN ('NEW', 'NOT_RECEIVED') AND (d.finished_at IS NULL OR d.finished_at >= p.stop)`;

/** Every figure as one aggregate over the dossiers a period touches; column aliases are the DossierStats fields. */
const AGGREGATES = `
  count(*) FILTER (WHERE ${RECEIVED})::int AS "received",
  count(*) FILTER (WHERE ${RECEIVED} AND d.channel = 'IN_PERSON')::int AS "receivedInPerson",
  count(*) FILTER (WHERE ${RECEIVED} AND d.channel = 'POSTAL')::int AS "receivedPostal",
  count(*) FILTER (WHERE ${RECEIVED} AND d.channel = 'ONLINE')::int AS "receivedOnline",
  count(*) FILTER (WHERE d.received_at < p.start AND d.status NOT IN ('NEW', 'NOT_RECEIVED') AND (d.finished_at IS NULL OR d.finished_at >= p.start))::int AS "carriedOver",
  count(*) FILTER (WHERE ${RESOLVED})::int AS "resolved",
  count(*) FILTER (WHERE ${RESOLVED} AND ${TIMELINESS} = 'EARLY')::int AS "resolvedEarly",
  count(*) FILTER (WHERE ${RESOLVED} AND ${TIMELINESS} = 'ON_TIME')::int AS "resolvedOnTime",
  count(*) FILTER (WHERE ${RESOLVED} AND ${TIMELINESS} = 'LATE')::int AS "resolvedLate",
  count(*) FILTER (WHERE ${OPEN_AT_STOP})::int AS "inProgress",
  count(*) FILTER (WHERE ${OPEN_AT_STOP} AND (d.due_at IS NULL OR d.due_at >= least(p.stop, now())))::int AS "inProgressInTime",
  count(*) FILTER (WHERE ${OPEN_AT_STOP} AND d.due_at < least(p.stop, now()))::int AS "inProgressOverdue",
  count(*) FILTER (WHERE d.status = 'WITHDRAWN' AND d.finished_at >= p.start AND d.finished_at < p.stop)::int AS "withdrawn",
  count(*) FILTER (WHERE d.returned_at >= p.start AND d.returned_at < p.stop)::int AS "returned"`;

const PERIOD = `(SELECT ($1::date)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh' AS start,
                        ($2::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh' AS stop) p`;
/** Only dossiers the period can touch: received before its end and not closed before its start. */
const TOUCHES = `d.received_at < p.stop AND (d.finished_at IS NULL OR d.finished_at >= p.start OR d.returned_at >= p.start)`;

export function checkPeriod(period: Period): void {
  if (period.to < period.from) throw badInput('filter.to', `The period ends (${period.to}) before it starts (${period.from}).`);
  if (Date.parse(period.to) - Date.parse(period.from) > 3 * 366 * 86_400_000) throw badInput('filter.to', 'A period is at most three years; ask for several.');
}

export type Grouping = 'UNIT' | 'AGENCY' | 'FIELD' | 'PROCEDURE' | 'OFFICIAL';

export interface StatsFilter extends Period {
  /** The subtree the figures sum over. */
  scope: string;
  procedureId?: string | null;
  fieldCode?: string | null;
  receivingUnitCode?: string | null;
  handlerId?: string | null;
}

/**
 * The figures of a unit's subtree for a period, as one row or one row per group. UNIT groups by
 * the units directly below the scope, each summed over its own subtree (and the scope's own
 * dossiers under its own code).
 */
export async function statistics(db: DataSource, filter: StatsFilter, groupBy: Grouping | null): Promise<(DossierStats & { key: string | null })[]> {
  const params: unknown[] = [filter.from, filter.to, filter.scope, `${filter.scope}.%`];
  const where = [`(d.owner_path = $3 OR d.owner_path LIKE $4)`, TOUCHES];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (filter.procedureId) add('d.procedure_id = ?', filter.procedureId);
  if (filter.fieldCode) add('d.field_code = ?', filter.fieldCode);
  if (filter.receivingUnitCode) add('d.receiving_unit_code = ?', filter.receivingUnitCode);
  if (filter.handlerId) add('d.handler_id = ?', filter.handlerId);
  const key = {
    UNIT: `CASE WHEN d.owner_path = $3 THEN split_part($3, '.', -1) ELSE split_part(substr(d.owner_path, length($3) + 2), '.', 1) END`,
    AGENCY: 'd.receiving_unit_code',
    FIELD: 'd.field_code',
    PROCEDURE: 'd.procedure_id::text',
    OFFICIAL: 'd.handler_id::text',
  }[groupBy ?? 'UNIT'];
  const grouped = groupBy !== null;
  return db.query(
    `SELECT ${grouped ? `${key} AS key` : 'NULL AS key'}, ${AGGREGATES}
       FROM dossier d, ${PERIOD}
      WHERE ${where.join(' AND ')}
      ${grouped ? 'GROUP BY 1 ORDER BY 1' : ''}`,
    params,
  );
}

/** Figures for many subtrees (or procedures, or officials) in one statement: the batch of a contributed field. */
export async function statisticsByKey(db: DataSource, period: Period, column: 'owner_path' | 'procedure_id' | 'handler_id', keys: string[], scope: string) {
  const match = column === 'owner_path' ? `(d.owner_path = k.key OR d.owner_path LIKE k.key || '.%')` : `d.${column}::text = k.key`;
  const rows: (DossierStats & { key: string })[] = await db.query(
    `SELECT k.key, ${AGGREGATES}
       FROM unnest($3::text[]) AS k(key) CROSS JOIN ${PERIOD}
       LEFT JOIN dossier d ON ${match} AND (d.owner_path = $4 OR d.owner_path LIKE $5) AND ${TOUCHES}
      GROUP BY k.key`,
    [period.from, period.to, keys, scope, `${scope}.%`],
  );
  return rows;
}

/** Trước hạn + đúng hạn over resolved, in percent with 2 decimals; null when nothing was resolved. */
export function onTimeRate(stats: DossierStats): number | null {
  return stats.resolved ? Math.round(((stats.resolvedEarly + stats.resolvedOnTime) * 10000) / stats.resolved) / 100 : null;
}

/**
 * Batch function for contributed figures: keys are `from|to|scope|key`; one statement per
 * distinct period and scope, however many units, procedures or officials a response shows.
 */
export function statsBatch(db: DataSource, column: 'owner_path' | 'procedure_id' | 'handler_id') {
  return async (keys: readonly string[]): Promise<DossierStats[]> => {
    const byQuery = new Map<string, string[]>();
    for (const key of keys) {
      const [from, to, scope, subject] = key.split('|') as [string, string, string, string];
      const query = `${from}|${to}|${scope}`;
      byQuery.set(query, [...(byQuery.get(query) ?? []), subject]);
    }
    const found = new Map<string, DossierStats>();
    for (const [query, subjects] of byQuery) {
      const [from, to, scope] = query.split('|') as [string, string, string];
      for (const { key, ...stats } of await statisticsByKey(db, { from, to }, column, [...new Set(subjects)], scope)) found.set(`${query}|${key}`, stats);
    }
    return keys.map((key) => found.get(key)!);
  };
}
