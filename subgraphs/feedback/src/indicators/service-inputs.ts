import type { DataSource } from 'typeorm';
import type { Peers } from '../../../../shared/peers';
import { DISSATISFIED, RATED_IN_PERIOD, SATISFIED, type Period } from './satisfaction';
import { serviceIndex, type ServiceIndexInputs } from './service-index';

const IN_SUBTREE = (alias: string) => `(${alias}.owner_path = k.key OR ${alias}.owner_path LIKE k.key || '.%')`;
const VN_DAY = (column: string) => `(${column} AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`;
const DUE_IN_PERIOD = `p.status <> 'REJECTED' AND ${VN_DAY('p.resolve_by')} BETWEEN $1::date AND $2::date AND (p.answered_at IS NOT NULL OR p.resolve_by < now())`;

type FeedbackInputs = Pick<ServiceIndexInputs, 'ratings' | 'satisfied' | 'petitionsDue' | 'petitionsInTime' | 'dossiersDislikedOrComplained'>;
type DossierInputs = Omit<ServiceIndexInputs, keyof FeedbackInputs>;

/** What feedback holds for each unit's subtree, in one statement. */
function feedbackInputs(db: DataSource, period: Period, paths: string[]): Promise<(FeedbackInputs & { key: string })[]> {
  return db.query(
    `SELECT k.key,
       (SELECT count(*) FROM rating r WHERE ${IN_SUBTREE('r')} AND ${RATED_IN_PERIOD})::int AS ratings,
       (SELECT count(*) FROM rating r WHERE ${IN_SUBTREE('r')} AND ${RATED_IN_PERIOD} AND ${SATISFIED})::int AS satisfied,
       (SELECT count(*) FROM petition p WHERE ${IN_SUBTREE('p')} AND ${DUE_IN_PERIOD})::int AS "petitionsDue",
       (SELECT count(*) FROM petition p WHERE ${IN_SUBTREE('p')} AND ${DUE_IN_PERIOD} AND p.answered_at <= p.resolve_by)::int AS "petitionsInTime",
       (SELECT count(*) FROM (
          SELECT r.dossier_id FROM rating r WHERE ${IN_SUBTREE('r')} AND ${RATED_IN_PERIOD} AND ${DISSATISFIED}
          UNION
          SELECT p.dossier_id FROM petition p WHERE ${IN_SUBTREE('p')} AND p.dossier_id IS NOT NULL AND ${VN_DAY('p.received_at')} BETWEEN $1::date AND $2::date) x)::int AS "dossiersDislikedOrComplained"
     FROM unnest($3::text[]) AS k(key)`,
    [period.from, period.to, paths],
  );
}

/** The dossiers subgraph's figures of each subtree, asked in one call as the caller (the same figures `dossierStatistics` reports). */
async function dossierInputs(peers: Peers, period: Period, paths: string[]): Promise<DossierInputs[]> {
  const query = `query (${paths.map((_, i) => `$f${i}: DossierStatsFilter!`).join(', ')}) {
    ${paths.map((_, i) => `u${i}: dossierStatistics(filter: $f${i}) { stats { received receivedOnline resolved resolvedEarly resolvedOnTime resolvedLate } }`).join('\n')} }`;
  const answer = await peers.query<Record<string, { stats: DossierInputs }[]>>('dossiers', query, Object.fromEntries(paths.map((path, i) => [`f${i}`, { ...period, unitPath: path }])));
  return paths.map((_, i) => answer[`u${i}`]![0]!.stats);
}

/** Batch function for `AdministrativeUnit.serviceIndex`: keys `from|to|path`, one statement and one peer call per period. */
export function serviceIndexBatch(db: DataSource, peers: Peers) {
  return async (keys: readonly string[]) => {
    const byPeriod = new Map<string, string[]>();
    for (const key of keys) {
      const cut = key.indexOf('|', key.indexOf('|') + 1);
      byPeriod.set(key.slice(0, cut), [...new Set([...(byPeriod.get(key.slice(0, cut)) ?? []), key.slice(cut + 1)])]);
    }
    const found = new Map<string, ReturnType<typeof serviceIndex>>();
    for (const [periodKey, paths] of byPeriod) {
      const [from, to] = periodKey.split('|') as [string, string];
      const [ours, theirs] = await Promise.all([feedbackInputs(db, { from, to }, paths), dossierInputs(peers, { from, to }, paths)]);
      paths.forEach((path, i) => {
        const { key: _key, ...feedback } = ours.find((row) => row.key === path)!;
        found.set(`${periodKey}|${path}`, serviceIndex({ ...theirs[i]!, ...feedback }));
      });
    }
    return keys.map((key) => found.get(key)!);
  };
}
