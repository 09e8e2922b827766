import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A month's statistics over a million dossiers read every dossier alive in it (tens of thousands
 * of rows, ~200 ms); the daily rollup answers from a few rows per unit and day.
 */
export class DailyRollup implements MigrationInterface {
  readonly name = 'DossiersDailyRollup1764400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE dossier_daily (
     owner_path text NOT NULL,
     day date NOT NULL,
     received integer NOT NULL DEFAULT 0,
     received_in_person integer NOT NULL DEFAULT 0,
     received_postal integer NOT NULL DEFAULT 0,
     received_online integer NOT NULL DEFAULT 0,
     closed integer NOT NULL DEFAULT 0,
     resolved_early integer NOT NULL DEFAULT 0,
     resolved_on_time integer NOT NULL DEFAULT 0,
     resolved_late integer NOT NULL DEFAULT 0,
     withdrawn integer NOT NULL DEFAULT 0,
     returned integer NOT NULL DEFAULT 0,
     overdue_from integer NOT NULL DEFAULT 0,
     overdue_to integer NOT NULL DEFAULT 0,
     PRIMARY KEY (owner_path, day))`);
    await db.query(`CREATE INDEX dossier_daily_day_idx ON dossier_daily (day) INCLUDE (owner_path, received, received_in_person, received_postal, received_online, closed, resolved_early, resolved_on_time, resolved_late, withdrawn, returned, overdue_from, overdue_to)`);
    await db.query(`GRANT SELECT ON dossier_daily TO motcua_app`);
    await db.query(`CREATE FUNCTION dossier_daily_apply() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
   BEGIN
     IF TG_OP = 'INSERT' THEN INSERT INTO dossier_daily (owner_path, day, received, received_in_person, received_postal, received_online, closed, resolved_early, resolved_on_time, resolved_late, withdrawn, returned, overdue_from, overdue_to)
    SELECT * FROM (SELECT owner_path, day, coalesce(sum(n) FILTER (WHERE measure = 'received'), 0) AS received, coalesce(sum(n) FILTER (WHERE measure = 'received_in_person'), 0) AS received_in_person, coalesce(sum(n) FILTER (WHERE measure = 'received_postal'), 0) AS received_postal, coalesce(sum(n) FILTER (WHERE measure = 'received_online'), 0) AS received_online, coalesce(sum(n) FILTER (WHERE measure = 'closed'), 0) AS closed, coalesce(sum(n) FILTER (WHERE measure = 'resolved_early'), 0) AS resolved_early, coalesce(sum(n) FILTER (WHERE measure = 'resolved_on_time'), 0) AS resolved_on_time, coalesce(sum(n) FILTER (WHERE measure = 'resolved_late'), 0) AS resolved_late, coalesce(sum(n) FILTER (WHERE measure = 'withdrawn'), 0) AS withdrawn, coalesce(sum(n) FILTER (WHERE measure = 'returned'), 0) AS returned, coalesce(sum(n) FILTER (WHERE measure = 'overdue_from'), 0) AS overdue_from, coalesce(sum(n) FILTER (WHERE measure = 'overdue_to'), 0) AS overdue_to FROM ((WITH f AS (SELECT owner_path, channel, status, supplement_count, due_at, finished_at,
           status NOT IN ('NEW', 'NOT_RECEIVED') AND received_at IS NOT NULL AS counted,
           (received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS rday, (finished_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS fday, (returned_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS retday,
           CASE WHEN due_at IS NOT NULL THEN greatest((received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, (due_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date) END AS oday
      FROM new_rows)
 SELECT owner_path, rday AS day, 'received' AS measure, 1 AS n FROM f WHERE counted
 UNION ALL SELECT owner_path, rday AS day, 'received_' || lower(channel) AS measure, 1 AS n FROM f WHERE counted
 UNION ALL SELECT owner_path, fday AS day, 'closed' AS measure, 1 AS n FROM f WHERE counted AND fday IS NOT NULL
 UNION ALL SELECT owner_path, fday AS day, 'resolved_' || CASE WHEN supplement_count > 1 THEN 'late' WHEN due_at IS NULL THEN 'on_time'
                      WHEN fday < (due_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date THEN 'early' WHEN fday = (due_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date THEN 'on_time' ELSE 'late' END AS measure, 1 AS n FROM f WHERE status IN ('PROCESSED', 'RESULT_RETURNED') AND fday IS NOT NULL
 UNION ALL SELECT owner_path, fday AS day, 'withdrawn' AS measure, 1 AS n FROM f WHERE status = 'WITHDRAWN' AND fday IS NOT NULL
 UNION ALL SELECT owner_path, retday AS day, 'returned' AS measure, 1 AS n FROM f WHERE retday IS NOT NULL
 UNION ALL SELECT owner_path, oday AS day, 'overdue_from' AS measure, 1 AS n FROM f WHERE counted AND oday IS NOT NULL AND (fday IS NULL OR fday > oday)
 UNION ALL SELECT owner_path, fday AS day, 'overdue_to' AS measure, 1 AS n FROM f WHERE counted AND oday IS NOT NULL AND fday > oday)) c GROUP BY owner_path, day) g
     WHERE (received, received_in_person, received_postal, received_online, closed, resolved_early, resolved_on_time, resolved_late, withdrawn, returned, overdue_from, overdue_to) <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
     ORDER BY owner_path, day
    ON CONFLICT (owner_path, day) DO UPDATE SET received = dossier_daily.received + excluded.received, received_in_person = dossier_daily.received_in_person + excluded.received_in_person, received_postal = dossier_daily.received_postal + excluded.received_postal, received_online = dossier_daily.received_online + excluded.received_online, closed = dossier_daily.closed + excluded.closed, resolved_early = dossier_daily.resolved_early + excluded.resolved_early, resolved_on_time = dossier_daily.resolved_on_time + excluded.resolved_on_time, resolved_late = dossier_daily.resolved_late + excluded.resolved_late, withdrawn = dossier_daily.withdrawn + excluded.withdrawn, returned = dossier_daily.returned + excluded.returned, overdue_from = dossier_daily.overdue_from + excluded.overdue_from, overdue_to = dossier_daily.overdue_to + excluded.overdue_to;
     ELSIF TG_OP = 'DELETE' THEN INSERT INTO dossier_daily (owner_path, day, received, received_in_person, received_postal, received_online, closed, resolved_early, resolved_on_time, resolved_late, withdrawn, returned, overdue_from, overdue_to)
    SELECT * FROM (SELECT owner_path, day, coalesce(sum(n) FILTER (WHERE measure = 'received'), 0) AS received, coalesce(sum(n) FILTER (WHERE measure = 'received_in_person'), 0) AS received_in_person, coalesce(sum(n) FILTER (WHERE measure = 'received_postal'), 0) AS received_postal, coalesce(sum(n) FILTER (WHERE measure = 'received_online'), 0) AS received_online, coalesce(sum(n) FILTER (WHERE measure = 'closed'), 0) AS closed, coalesce(sum(n) FILTER (WHERE measure = 'resolved_early'), 0) AS resolved_early, coalesce(sum(n) FILTER (WHERE measure = 'resolved_on_time'), 0) AS resolved_on_time, coalesce(sum(n) FILTER (WHERE measure = 'resolved_late'), 0) AS resolved_late, coalesce(sum(n) FILTER (WHERE measure = 'withdrawn'), 0) AS withdrawn, coalesce(sum(n) FILTER (WHERE measure = 'returned'), 0) AS returned, coalesce(sum(n) FILTER (WHERE measure = 'overdue_from'), 0) AS overdue_from, coalesce(sum(n) FILTER (WHERE measure = 'overdue_to'), 0) AS overdue_to FROM ((WITH f AS (SELECT owner_path, channel, status, supplement_count, due_at, finished_at,
           status NOT IN ('NEW', 'NOT_RECEIVED') AND received_at IS NOT NULL AS counted,
           (received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS rday, (finished_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS fday, (returned_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS retday,
           CASE WHEN due_at IS NOT NULL THEN greatest((received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, (due_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date) END AS oday
      FROM old_rows)
 SELECT owner_path, rday AS day, 'received' AS measure, -1 AS n FROM f WHERE counted
 UNION ALL SELECT owner_path, rday AS day, 'received_' || lower(channel) AS measure, -1 AS n FROM f WHERE counted
 UNION ALL SELECT owner_path, fday AS day, 'closed' AS measure, -1 AS n FROM f WHERE counted AND fday IS NOT NULL
 UNION ALL SELECT owner_path, fday AS day, 'resolved_' || CASE WHEN supplement_count > 1 THEN 'late' WHEN due_at IS NULL THEN 'on_time'
                      WHEN fday < (due_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date THEN 'early' WHEN fday = (due_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date THEN 'on_time' ELSE 'late' END AS measure, -1 AS n FROM f WHERE status IN ('PROCESSED', 'RESULT_RETURNED') AND fday IS NOT NULL
 UNION ALL SELECT owner_path, fday AS day, 'withdrawn' AS measure, -1 AS n FROM f WHERE status = 'WITHDRAWN' AND fday IS NOT NULL
 UNION ALL SELECT owner_path, retday AS day, 'returned' AS measure, -1 AS n FROM f WHERE retday IS NOT NULL
 UNION ALL SELECT owner_path, oday AS day, 'overdue_from' AS measure, -1 AS n FROM f WHERE counted AND oday IS NOT NULL AND (fday IS NULL OR fday > oday)
 UNION ALL SELECT owner_path, fday AS day, 'overdue_to' AS measure, -1 AS n FROM f WHERE counted AND oday IS NOT NULL AND fday > oday)) c GROUP BY owner_path, day) g
     WHERE (received, received_in_person, received_postal, received_online, closed, resolved_early, resolved_on_time, resolved_late, withdrawn, returned, overdue_from, overdue_to) <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
     ORDER BY owner_path, day
    ON CONFLICT (owner_path, day) DO UPDATE SET received = dossier_daily.received + excluded.received, received_in_person = dossier_daily.received_in_person + excluded.received_in_person, received_postal = dossier_daily.received_postal + excluded.received_postal, received_online = dossier_daily.received_online + excluded.received_online, closed = dossier_daily.closed + excluded.closed, resolved_early = dossier_daily.resolved_early + excluded.resolved_early, resolved_on_time = dossier_daily.resolved_on_time + excluded.resolved_on_time, resolved_late = dossier_daily.resolved_late + excluded.resolved_late, withdrawn = dossier_daily.withdrawn + excluded.withdrawn, returned = dossier_daily.returned + excluded.returned, overdue_from = dossier_daily.overdue_from + excluded.overdue_from, overdue_to = dossier_daily.overdue_to + excluded.overdue_to;
     ELSE INSERT INTO dossier_daily (owner_path, day, received, received_in_person, received_postal, received_online, closed, resolved_early, resolved_on_time, resolved_late, withdrawn, returned, overdue_from, overdue_to)
    SELECT * FROM (SELECT owner_path, day, coalesce(sum(n) FILTER (WHERE measure = 'received'), 0) AS received, coalesce(sum(n) FILTER (WHERE measure = 'received_in_person'), 0) AS received_in_person, coalesce(sum(n) FILTER (WHERE measure = 'received_postal'), 0) AS received_postal, coalesce(sum(n) FILTER (WHERE measure = 'received_online'), 0) AS received_online, coalesce(sum(n) FILTER (WHERE measure = 'closed'), 0) AS closed, coalesce(sum(n) FILTER (WHERE measure = 'resolved_early'), 0) AS resolved_early, coalesce(sum(n) FILTER (WHERE measure = 'resolved_on_time'), 0) AS resolved_on_time, coalesce(sum(n) FILTER (WHERE measure = 'resolved_late'), 0) AS resolved_late, coalesce(sum(n) FILTER (WHERE measure = 'withdrawn'), 0) AS withdrawn, coalesce(sum(n) FILTER (WHERE measure = 'returned'), 0) AS returned, coalesce(sum(n) FILTER (WHERE measure = 'overdue_from'), 0) AS overdue_from, coalesce(sum(n) FILTER (WHERE measure = 'overdue_to'), 0) AS overdue_to FROM ((WITH f AS (SELECT owner_path, channel, status, supplement_count, due_at, finished_at,
           status NOT IN ('NEW', 'NOT_RECEIVED') AND received_at IS NOT NULL AS counted,
           (received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS rday, (finished_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS fday, (returned_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS retday,
           CASE WHEN due_at IS NOT NULL THEN greatest((received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, (due_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date) END AS oday
      FROM new_rows)
 SELECT owner_path, rday AS day, 'received' AS measure, 1 AS n FROM f WHERE counted
 UNION ALL SELECT owner_path, rday AS day, 'received_' || lower(channel) AS measure, 1 AS n FROM f WHERE counted
 UNION ALL SELECT owner_path, fday AS day, 'closed' AS measure, 1 AS n FROM f WHERE counted AND fday IS NOT NULL
 UNION ALL SELECT owner_path, fday AS day, 'resolved_' || CASE WHEN supplement_count > 1 THEN 'late' WHEN due_at IS NULL THEN 'on_time'
                      WHEN fday < (due_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date THEN 'early' WHEN fday = (due_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date THEN 'on_time' ELSE 'late' END AS measure, 1 AS n FROM f WHERE status IN ('PROCESSED', 'RESULT_RETURNED') AND fday IS NOT NULL
 UNION ALL SELECT owner_path, fday AS day, 'withdrawn' AS measure, 1 AS n FROM f WHERE status = 'WITHDRAWN' AND fday IS NOT NULL
 UNION ALL SELECT owner_path, retday AS day, 'returned' AS measure, 1 AS n FROM f WHERE retday IS NOT NULL
 UNION ALL SELECT owner_path, oday AS day, 'overdue_from' AS measure, 1 AS n FROM f WHERE counted AND oday IS NOT NULL AND (fday IS NULL OR fday > oday)
 UNION ALL SELECT owner_path, fday AS day, 'overdue_to' AS measure, 1 AS n FROM f WHERE counted AND oday IS NOT NULL AND fday > oday) UNION ALL (WITH f AS (SELECT owner_path, channel, status, supplement_count, due_at, finished_at,
           status NOT IN ('NEW', 'NOT_RECEIVED') AND received_at IS NOT NULL AS counted,
           (received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS rday, (finished_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS fday, (returned_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS retday,
           CASE WHEN due_at IS NOT NULL THEN greatest((received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, (due_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date) END AS oday
      FROM old_rows)
 SELECT owner_path, rday AS day, 'received' AS measure, -1 AS n FROM f WHERE counted
 UNION ALL SELECT owner_path, rday AS day, 'received_' || lower(channel) AS measure, -1 AS n FROM f WHERE counted
 UNION ALL SELECT owner_path, fday AS day, 'closed' AS measure, -1 AS n FROM f WHERE counted AND fday IS NOT NULL
 UNION ALL SELECT owner_path, fday AS day, 'resolved_' || CASE WHEN supplement_count > 1 THEN 'late' WHEN due_at IS NULL THEN 'on_time'
                      WHEN fday < (due_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date THEN 'early' WHEN fday = (due_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date THEN 'on_time' ELSE 'late' END AS measure, -1 AS n FROM f WHERE status IN ('PROCESSED', 'RESULT_RETURNED') AND fday IS NOT NULL
 UNION ALL SELECT owner_path, fday AS day, 'withdrawn' AS measure, -1 AS n FROM f WHERE status = 'WITHDRAWN' AND fday IS NOT NULL
 UNION ALL SELECT owner_path, retday AS day, 'returned' AS measure, -1 AS n FROM f WHERE retday IS NOT NULL
 UNION ALL SELECT owner_path, oday AS day, 'overdue_from' AS measure, -1 AS n FROM f WHERE counted AND oday IS NOT NULL AND (fday IS NULL OR fday > oday)
 UNION ALL SELECT owner_path, fday AS day, 'overdue_to' AS measure, -1 AS n FROM f WHERE counted AND oday IS NOT NULL AND fday > oday)) c GROUP BY owner_path, day) g
     WHERE (received, received_in_person, received_postal, received_online, closed, resolved_early, resolved_on_time, resolved_late, withdrawn, returned, overdue_from, overdue_to) <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
     ORDER BY owner_path, day
    ON CONFLICT (owner_path, day) DO UPDATE SET received = dossier_daily.received + excluded.received, received_in_person = dossier_daily.received_in_person + excluded.received_in_person, received_postal = dossier_daily.received_postal + excluded.received_postal, received_online = dossier_daily.received_online + excluded.received_online, closed = dossier_daily.closed + excluded.closed, resolved_early = dossier_daily.resolved_early + excluded.resolved_early, resolved_on_time = dossier_daily.resolved_on_time + excluded.resolved_on_time, resolved_late = dossier_daily.resolved_late + excluded.resolved_late, withdrawn = dossier_daily.withdrawn + excluded.withdrawn, returned = dossier_daily.returned + excluded.returned, overdue_from = dossier_daily.overdue_from + excluded.overdue_from, overdue_to = dossier_daily.overdue_to + excluded.overdue_to;
     END IF;
     RETURN NULL;
   END $$`);
    await db.query(`CREATE TRIGGER dossier_daily_insert AFTER INSERT ON dossier REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dossier_daily_apply()`);
    await db.query(`CREATE TRIGGER dossier_daily_update AFTER UPDATE ON dossier REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dossier_daily_apply()`);
    await db.query(`CREATE TRIGGER dossier_daily_delete AFTER DELETE ON dossier REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dossier_daily_apply()`);
    await db.query(`CREATE FUNCTION dossier_daily_clear() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
   BEGIN TRUNCATE dossier_daily; RETURN NULL; END $$`);
    await db.query(`CREATE TRIGGER dossier_daily_truncate AFTER TRUNCATE ON dossier FOR EACH STATEMENT EXECUTE FUNCTION dossier_daily_clear()`);
    await db.query(`INSERT INTO dossier_daily (owner_path, day, received, received_in_person, received_postal, received_online, closed, resolved_early, resolved_on_time, resolved_late, withdrawn, returned, overdue_from, overdue_to)
    SELECT * FROM (SELECT owner_path, day, coalesce(sum(n) FILTER (WHERE measure = 'received'), 0) AS received, coalesce(sum(n) FILTER (WHERE measure = 'received_in_person'), 0) AS received_in_person, coalesce(sum(n) FILTER (WHERE measure = 'received_postal'), 0) AS received_postal, coalesce(sum(n) FILTER (WHERE measure = 'received_online'), 0) AS received_online, coalesce(sum(n) FILTER (WHERE measure = 'closed'), 0) AS closed, coalesce(sum(n) FILTER (WHERE measure = 'resolved_early'), 0) AS resolved_early, coalesce(sum(n) FILTER (WHERE measure = 'resolved_on_time'), 0) AS resolved_on_time, coalesce(sum(n) FILTER (WHERE measure = 'resolved_late'), 0) AS resolved_late, coalesce(sum(n) FILTER (WHERE measure = 'withdrawn'), 0) AS withdrawn, coalesce(sum(n) FILTER (WHERE measure = 'returned'), 0) AS returned, coalesce(sum(n) FILTER (WHERE measure = 'overdue_from'), 0) AS overdue_from, coalesce(sum(n) FILTER (WHERE measure = 'overdue_to'), 0) AS overdue_to FROM ((WITH f AS (SELECT owner_path, channel, status, supplement_count, due_at, finished_at,
           status NOT IN ('NEW', 'NOT_RECEIVED') AND received_at IS NOT NULL AS counted,
           (received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS rday, (finished_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS fday, (returned_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS retday,
           CASE WHEN due_at IS NOT NULL THEN greatest((received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, (due_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date) END AS oday
      FROM dossier)
 SELECT owner_path, rday AS day, 'received' AS measure, 1 AS n FROM f WHERE counted
 UNION ALL SELECT owner_path, rday AS day, 'received_' || lower(channel) AS measure, 1 AS n FROM f WHERE counted
 UNION ALL SELECT owner_path, fday AS day, 'closed' AS measure, 1 AS n FROM f WHERE counted AND fday IS NOT NULL
 UNION ALL SELECT owner_path, fday AS day, 'resolved_' || CASE WHEN supplement_count > 1 THEN 'late' WHEN due_at IS NULL THEN 'on_time'
                      WHEN fday < (due_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date THEN 'early' WHEN fday = (due_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date THEN 'on_time' ELSE 'late' END AS measure, 1 AS n FROM f WHERE status IN ('PROCESSED', 'RESULT_RETURNED') AND fday IS NOT NULL
 UNION ALL SELECT owner_path, fday AS day, 'withdrawn' AS measure, 1 AS n FROM f WHERE status = 'WITHDRAWN' AND fday IS NOT NULL
 UNION ALL SELECT owner_path, retday AS day, 'returned' AS measure, 1 AS n FROM f WHERE retday IS NOT NULL
 UNION ALL SELECT owner_path, oday AS day, 'overdue_from' AS measure, 1 AS n FROM f WHERE counted AND oday IS NOT NULL AND (fday IS NULL OR fday > oday)
 UNION ALL SELECT owner_path, fday AS day, 'overdue_to' AS measure, 1 AS n FROM f WHERE counted AND oday IS NOT NULL AND fday > oday)) c GROUP BY owner_path, day) g
     WHERE (received, received_in_person, received_postal, received_online, closed, resolved_early, resolved_on_time, resolved_late, withdrawn, returned, overdue_from, overdue_to) <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
     ORDER BY owner_path, day
    ON CONFLICT (owner_path, day) DO UPDATE SET received = dossier_daily.received + excluded.received, received_in_person = dossier_daily.received_in_person + excluded.received_in_person, received_postal = dossier_daily.received_postal + excluded.received_postal, received_online = dossier_daily.received_online + excluded.received_online, closed = dossier_daily.closed + excluded.closed, resolved_early = dossier_daily.resolved_early + excluded.resolved_early, resolved_on_time = dossier_daily.resolved_on_time + excluded.resolved_on_time, resolved_late = dossier_daily.resolved_late + excluded.resolved_late, withdrawn = dossier_daily.withdrawn + excluded.withdrawn, returned = dossier_daily.returned + excluded.returned, overdue_from = dossier_daily.overdue_from + excluded.overdue_from, overdue_to = dossier_daily.overdue_to + excluded.overdue_to`);
    await db.query(`CREATE INDEX dossier_open_due_idx ON dossier (due_at) INCLUDE (owner_path, status, received_at) WHERE finished_at IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX dossier_open_due_idx`);
    await db.query(`DROP TABLE dossier_daily`);
    await db.query(`DROP FUNCTION dossier_daily_apply() CASCADE`);
    await db.query(`DROP FUNCTION dossier_daily_clear() CASCADE`);
  }
}
