import { withinSql } from '../../../../shared/sql';
import type { EntityManager } from 'typeorm';
import type { Period } from '../../../../shared/figures';
import { batchByGroup } from '../../../../shared/loaders';
import type { Peers } from '../../../../shared/peers';
import { vietnamDaySql } from '../../../../shared/scalars';
import { DISSATISFIED, RATED_IN_PERIOD, SATISFIED } from './satisfaction';
import { serviceIndex, type ServiceIndexInputs } from './service-index';
import { NOW_SQL } from '../../../../shared/clock';

const IN_SUBTREE = (alias: string) => withinSql(`${alias}.owner_path`, 'k.key');
const DUE_IN_PERIOD = `p.status <> 'REJECTED' AND ${vietnamDaySql('p.resolve_by')} BETWEEN $1::date AND $2::date AND (p.answered_at IS NOT NULL OR p.resolve_by < ${NOW_SQL})`;

type FeedbackInputs = Pick<ServiceIndexInputs, 'ratings' | 'satisfied' | 'petitionsDue' | 'petitionsInTime' | 'dossiersDislikedOrComplained'>;
type DossierInputs = Omit<ServiceIndexInputs, keyof FeedbackInputs>;

/** What feedback holds for each unit's subtree, in one statement. */
function feedbackInputs(db: EntityManager, period: Period, paths: string[]): Promise<(FeedbackInputs & { key: string })[]> {
  return db.query(
    `SELECT k.key,
       (SELECT count(*) FROM rating r WHERE ${IN_SUBTREE('r')} AND ${RATED_IN_PERIOD})::int AS ratings,
       (SELECT count(*) FROM rating r WHERE ${IN_SUBTREE('r')} AND ${RATED_IN_PERIOD} AND ${SATISFIED})::int AS satisfied,
       (SELECT count(*) FROM petition p WHERE ${IN_SUBTREE('p')} AND ${DUE_IN_PERIOD})::int AS "petitionsDue",
       (SELECT count(*) FROM petition p WHERE ${IN_SUBTREE('p')} AND ${DUE_IN_PERIOD} AND p.answered_at <= p.resolve_by)::int AS "petitionsInTime",
       (SELECT count(*) FROM (
          SELECT r.dossier_id FROM rating r WHERE ${IN_SUBTREE('r')} AND ${RATED_IN_PERIOD} AND ${DISSATISFIED}
          UNION
          SELECT p.dossier_id FROM petition p WHERE ${IN_SUBTREE('p')} AND p.dossier_id IS NOT NULL AND ${vietnamDaySql('p.received_at')} BETWEEN $1::date AND $2::date) x)::int AS "dossiersDislikedOrComplained"
     FROM unnest($3::text[]) AS k(key)`,
    [period.from, period.to, paths],
  );
}

/**
 * The dossiers subgraph's figures of each subtree — its `AdministrativeUnit.dossierStats`, the
 * figures the dashboard shows beside ours — asked in one call as the caller, through the
 * federation `_entities` entry point so its loader answers all units in one statement.
 */
async function dossierInputs(peers: Peers, period: Period, paths: string[]): Promise<(DossierInputs | null)[]> {
  const { _entities } = await peers.query<{ _entities: ({ dossierStats: DossierInputs | null } | null)[] }>(
    'dossiers',
    `query ($units: [_Any!]!, $from: Date!, $to: Date!) { _entities(representations: $units) {
       ... on AdministrativeUnit { dossierStats(from: $from, to: $to) { received receivedOnline resolved resolvedEarly resolvedOnTime resolvedLate } } } }`,
    { units: paths.map((path) => ({ __typename: 'AdministrativeUnit', code: path.slice(path.lastIndexOf('.') + 1), asOf: null, path })), ...period },
  );
  return _entities.map((unit) => unit?.dossierStats ?? null);
}

/** Batch function for `AdministrativeUnit.serviceIndex`: keys `from|to|path`, one statement and one peer call per period. */
export const serviceIndexBatch = (db: EntityManager, peers: Peers) =>
  batchByGroup(async ([from, to], paths) => {
    const period = { from: from!, to: to! };
    const [ours, theirs] = await Promise.all([feedbackInputs(db, period, paths), dossierInputs(peers, period, paths)]);
    const found = new Map<string, ReturnType<typeof serviceIndex>>();
    paths.forEach((path, i) => {
      const { key: _key, ...feedback } = ours.find((row) => row.key === path)!;
      const dossiers = theirs[i];
      if (dossiers) found.set(path, serviceIndex({ ...dossiers, ...feedback }));
    });
    return found;
  });
