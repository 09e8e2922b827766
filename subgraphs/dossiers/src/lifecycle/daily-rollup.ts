import { APP_ROLE } from '../../../../shared/rls';
import { vietnamDaySql } from '../../../../shared/scalars';

/**
 * The daily rollup behind unit statistics: per owning unit and Vietnam calendar day, how many
 * dossiers entered or left each count. Flows (received, resolved, withdrawn, returned) are read
 * for the period's days; stocks (carried over, in progress, overdue) are running sums of the
 * days before. A province's month thus reads some thousand small rows instead of every dossier
 * alive in it.
 *
 * A statement trigger on `dossier` keeps it: whatever writes dossiers (reception, any action,
 * the seed, an import) changes the rollup in the same transaction, by the difference between
 * the rows' old and new contributions. Add a measure here and the table, the trigger and the
 * read follow.
 */
export const MEASURES = [
  'received',
  'received_in_person',
  'received_postal',
  'received_online',
  /** Received dossiers that finished (any end) that day: the open stock falls by these. */
  'closed',
  'resolved_early',
  'resolved_on_time',
  'resolved_late',
  'withdrawn',
  'returned',
  /** The day an open dossier passed its due date (or was received, if later): overdue stock rises. */
  'overdue_from',
  /** The day a dossier counted overdue finished: overdue stock falls. */
  'overdue_to',
] as const;


/** Each row's contributions as (owner_path, day, measure, n), from the rows of `source` counted with `sign`. */
function contributions(source: string, sign: number): string {
  const facts = `SELECT owner_path, channel, status, supplement_count, due_at, finished_at,
           status NOT IN ('NEW', 'NOT_RECEIVED') AND received_at IS NOT NULL AS counted,
           ${vietnamDaySql('received_at')} AS rday, ${vietnamDaySql('finished_at')} AS fday, ${vietnamDaySql('returned_at')} AS retday,
           CASE WHEN due_at IS NOT NULL THEN greatest(${vietnamDaySql('received_at')}, ${vietnamDaySql('due_at')}) END AS oday
      FROM ${source}`;
  // The national grade, by date; more than one supplement request is late whatever the dates.
  const grade = `CASE WHEN supplement_count > 1 THEN 'late' WHEN due_at IS NULL THEN 'on_time'
                      WHEN fday < ${vietnamDaySql('due_at')} THEN 'early' WHEN fday = ${vietnamDaySql('due_at')} THEN 'on_time' ELSE 'late' END`;
  const rows: [day: string, measure: string, when: string][] = [
    ['rday', `'received'`, 'counted'],
    ['rday', `'received_' || lower(channel)`, 'counted'],
    ['fday', `'closed'`, 'counted AND fday IS NOT NULL'],
    ['fday', `'resolved_' || ${grade}`, `status IN ('PROCESSED', 'RESULT_RETURNED') AND fday IS NOT NULL`],
    ['fday', `'withdrawn'`, `status = 'WITHDRAWN' AND fday IS NOT NULL`],
    ['retday', `'returned'`, 'retday IS NOT NULL'],
    ['oday', `'overdue_from'`, 'counted AND oday IS NOT NULL AND (fday IS NULL OR fday > oday)'],
    ['fday', `'overdue_to'`, 'counted AND oday IS NOT NULL AND fday > oday'],
  ];
  const selects = rows.map(([day, measure, when]) => `SELECT owner_path, ${day} AS day, ${measure} AS measure, ${sign} AS n FROM f WHERE ${when}`);
  return `(WITH f AS (${facts})\n ${selects.join('\n UNION ALL ')})`;
}

/** Adds the signed contributions to the rollup, in key order so concurrent writers lock rows in one order. */
function applySql(parts: string[]): string {
  const sums = MEASURES.map((m) => `coalesce(sum(n) FILTER (WHERE measure = '${m}'), 0) AS ${m}`).join(', ');
  return `INSERT INTO dossier_daily (owner_path, day, ${MEASURES.join(', ')})
    SELECT * FROM (SELECT owner_path, day, ${sums} FROM (${parts.join(' UNION ALL ')}) c GROUP BY owner_path, day) g
     WHERE (${MEASURES.join(', ')}) <> (${MEASURES.map(() => '0').join(', ')})
     ORDER BY owner_path, day
    ON CONFLICT (owner_path, day) DO UPDATE SET ${MEASURES.map((m) => `${m} = dossier_daily.${m} + excluded.${m}`).join(', ')}`;
}

export const rollupUpSql = [
  `CREATE TABLE dossier_daily (
     owner_path text NOT NULL,
     day date NOT NULL,
     ${MEASURES.map((m) => `${m} integer NOT NULL DEFAULT 0`).join(',\n     ')},
     PRIMARY KEY (owner_path, day))`,
  `CREATE INDEX dossier_daily_day_idx ON dossier_daily (day) INCLUDE (owner_path, ${MEASURES.join(', ')})`,
  // Read by anyone who may read statistics; written only by the trigger, as the table's owner.
  `GRANT SELECT ON dossier_daily TO ${APP_ROLE}`,
  `CREATE FUNCTION dossier_daily_apply() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
   BEGIN
     IF TG_OP = 'INSERT' THEN ${applySql([contributions('new_rows', 1)])};
     ELSIF TG_OP = 'DELETE' THEN ${applySql([contributions('old_rows', -1)])};
     ELSE ${applySql([contributions('new_rows', 1), contributions('old_rows', -1)])};
     END IF;
     RETURN NULL;
   END $$`,
  // Transition tables allow one event per trigger.
  `CREATE TRIGGER dossier_daily_insert AFTER INSERT ON dossier REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dossier_daily_apply()`,
  `CREATE TRIGGER dossier_daily_update AFTER UPDATE ON dossier REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dossier_daily_apply()`,
  `CREATE TRIGGER dossier_daily_delete AFTER DELETE ON dossier REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dossier_daily_apply()`,
  `CREATE FUNCTION dossier_daily_clear() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
   BEGIN TRUNCATE dossier_daily; RETURN NULL; END $$`,
  `CREATE TRIGGER dossier_daily_truncate AFTER TRUNCATE ON dossier FOR EACH STATEMENT EXECUTE FUNCTION dossier_daily_clear()`,
  // Dossiers already in the database.
  applySql([contributions('dossier', 1)]),
  // Open dossiers due today: the one part of "overdue now" the daily rows cannot tell.
  `CREATE INDEX dossier_open_due_idx ON dossier (due_at) INCLUDE (owner_path, status, received_at) WHERE finished_at IS NULL`,
];

export const rollupDownSql = [
  `DROP INDEX dossier_open_due_idx`,
  `DROP TABLE dossier_daily`,
  `DROP FUNCTION dossier_daily_apply() CASCADE`,
  `DROP FUNCTION dossier_daily_clear() CASCADE`,
];
