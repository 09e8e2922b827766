import type { EntityManager } from 'typeorm';
import { NOW_SQL } from '../../../../shared/clock';
import type { Period } from '../../../../shared/figures';
import { vietnamDaySql } from '../../../../shared/scalars';
import { withinSql } from '../../../../shared/sql';
import type { FeedbackIndexInputs } from '../indicators/service-index';
import { DISSATISFIED_SQL, RATED_IN_PERIOD, SATISFIED_SQL } from './satisfaction';

const IN_SUBTREE = (alias: string) => withinSql(`${alias}.owner_path`, 'k.key');
const DUE_IN_PERIOD = `p.status <> 'REJECTED' AND ${vietnamDaySql('p.resolve_by')} BETWEEN $1::date AND $2::date
  AND (p.answered_at IS NOT NULL OR p.resolve_by < ${NOW_SQL})`;

/** What feedback holds of Decision 766's inputs for each unit's subtree (`key`: its path), in one statement. */
export function feedbackIndexInputs(db: EntityManager, period: Period, paths: string[]): Promise<(FeedbackIndexInputs & { key: string })[]> {
  return db.query(
    `SELECT k.key,
       (SELECT count(*) FROM rating r WHERE ${IN_SUBTREE('r')} AND ${RATED_IN_PERIOD})::int AS ratings,
       (SELECT count(*) FROM rating r WHERE ${IN_SUBTREE('r')} AND ${RATED_IN_PERIOD} AND ${SATISFIED_SQL})::int AS satisfied,
       (SELECT count(*) FROM petition p WHERE ${IN_SUBTREE('p')} AND ${DUE_IN_PERIOD})::int AS "petitionsDue",
       (SELECT count(*) FROM petition p WHERE ${IN_SUBTREE('p')} AND ${DUE_IN_PERIOD} AND p.answered_at <= p.resolve_by)::int AS "petitionsInTime",
       (SELECT count(*) FROM (
          SELECT r.dossier_id FROM rating r WHERE ${IN_SUBTREE('r')} AND ${RATED_IN_PERIOD} AND ${DISSATISFIED_SQL}
          UNION
          SELECT p.dossier_id FROM petition p WHERE ${IN_SUBTREE('p')} AND p.dossier_id IS NOT NULL
            AND ${vietnamDaySql('p.received_at')} BETWEEN $1::date AND $2::date) x)::int AS "dossiersDislikedOrComplained"
     FROM unnest($3::text[]) AS k(key)`,
    [period.from, period.to, paths],
  );
}
