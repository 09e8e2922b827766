import type { EntityManager } from 'typeorm';
import { unitRef } from '../../../../shared/units';

/** A centre's staffing on a day: who is seconded from where, which counters and fields are covered. */
export async function centreStaffing(db: EntityManager, centreCode: string, date: string) {
  const [byAgency, [counters]] = await Promise.all([
    db.query(
      `SELECT home_agency_code AS "homeAgencyCode", kind, count(*)::int AS officials
         FROM secondment WHERE centre_code = $1 AND term @> $2::date
        GROUP BY 1, 2 ORDER BY 3 DESC, 1`,
      [centreCode, date],
    ) as Promise<{ homeAgencyCode: string; kind: string; officials: number }[]>,
    // A counter is covered by an assignment that runs on the day under a secondment that still does.
    db.query(
      `WITH covered AS (
         SELECT DISTINCT a.counter_id FROM counter_assignment a JOIN secondment s ON s.id = a.secondment_id
          WHERE a.term @> $2::date AND s.term @> $2::date)
       SELECT count(*) FILTER (WHERE c.is_open)::int AS "openCounters",
              count(*) FILTER (WHERE c.is_open AND v.counter_id IS NOT NULL)::int AS "countersCovered",
              coalesce((SELECT array_agg(DISTINCT f ORDER BY f) FROM counter c2 CROSS JOIN unnest(c2.field_codes) f
                         WHERE c2.centre_code = $1 AND c2.is_open
                           AND NOT EXISTS (SELECT 1 FROM counter c3 JOIN covered v3 ON v3.counter_id = c3.id
                                            WHERE c3.centre_code = $1 AND c3.is_open AND f = ANY (c3.field_codes))), '{}') AS "fieldsWithoutOfficial"
         FROM counter c LEFT JOIN covered v ON v.counter_id = c.id
        WHERE c.centre_code = $1`,
      [centreCode, date],
    ) as Promise<{ openCounters: number; countersCovered: number; fieldsWithoutOfficial: string[] }[]>,
  ]);
  const count = (kind: string) => byAgency.filter((row) => row.kind === kind).reduce((n, row) => n + row.officials, 0);
  return {
    centre: unitRef(centreCode),
    date,
    seconded: count('DEPARTMENT'),
    central: count('CENTRAL_AGENCY'),
    byHomeAgency: byAgency.map((row) => ({ ...row, homeAgency: unitRef(row.homeAgencyCode) })),
    openCounters: counters!.openCounters,
    countersCovered: counters!.countersCovered,
    fieldsWithoutOfficial: counters!.fieldsWithoutOfficial.map((code) => ({ __typename: 'Field', code })),
  };
}
