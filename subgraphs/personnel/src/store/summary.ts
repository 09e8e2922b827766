import type { EntityManager } from 'typeorm';
import type { SecondmentKind } from './entities/secondment.entity';

/** How many officials one home agency has seconded to a centre, of one kind. */
export interface SecondedFrom {
  homeAgencyCode: string;
  kind: SecondmentKind;
  officials: number;
}

/** Who is seconded to a centre on a day, counted by home agency and kind, most first. */
export function secondedByHomeAgency(db: EntityManager, centreCode: string, date: string): Promise<SecondedFrom[]> {
  return db.query(
    `SELECT home_agency_code AS "homeAgencyCode", kind, count(*)::int AS officials
       FROM secondment WHERE centre_code = $1 AND term @> $2::date
      GROUP BY 1, 2 ORDER BY 3 DESC, 1`,
    [centreCode, date],
  );
}

export interface CounterCoverage {
  openCounters: number;
  countersCovered: number;
  /** Codes of the fields an open counter serves that no covered open counter does. */
  fieldsWithoutOfficial: string[];
}

/** A centre's open counters on a day, how many have someone seated, and the fields left without anyone. */
export async function counterCoverage(db: EntityManager, centreCode: string, date: string): Promise<CounterCoverage> {
  // A counter is covered by an assignment that runs on the day under a secondment that still does.
  const [coverage]: CounterCoverage[] = await db.query(
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
  );
  return coverage;
}
