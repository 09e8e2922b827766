import { notFound } from '../../../shared/errors';
import type { Period } from '../../../shared/figures';
import type { Peers } from '../../../shared/peers';
import { lookUpUnits } from '../../../shared/unit-lookups';
import type { DigitisationInputs, DossierIndexInputs, DossierStatsInputs } from './indicators/service-index';

export interface DossierSummary {
  id: string;
  code: string;
  status: string;
  ownerPath: string;
  accountableUnitPath: string;
  receivingUnit: { code: string } | null;
  handler: { id: string } | null;
  procedure: { id: string } | null;
  fieldCode: string | null;
}

/** What this subgraph needs of a dossier, from the dossiers subgraph's public lookup. */
const SUMMARY = 'id code status ownerPath accountableUnitPath receivingUnit { code } handler { id } procedure { id } fieldCode';

/** The dossier a citizen names by its code (printed on the receipt), from the dossiers subgraph's public lookup. */
export async function dossierByCode(peers: Peers, code: string, field: string): Promise<DossierSummary> {
  const { publicDossier } = await peers.query<{ publicDossier: DossierSummary | null }>(
    'dossiers',
    `query ($code: String!) { publicDossier(code: $code) { ${SUMMARY} } }`,
    { code: code.trim() },
  );
  if (!publicDossier) throw notFound(`No dossier has code ${code}; it is printed on the receipt, e.g. 000.00.00.H06-261120-0001.`, field);
  return publicDossier;
}

/**
 * The dossier a citizen rates: named by its code and the rating secret printed beside it. A wrong
 * secret is answered as an unknown code, so guessing codes learns nothing.
 */
export async function ratableDossier(peers: Peers, code: string, secret: string): Promise<DossierSummary> {
  const { publicDossier } = await peers.query<{ publicDossier: (DossierSummary & { ratingSecretMatches: boolean }) | null }>(
    'dossiers',
    `query ($code: String!, $secret: String!) { publicDossier(code: $code) { ${SUMMARY} ratingSecretMatches(secret: $secret) } }`,
    { code: code.trim(), secret },
  );
  if (!publicDossier?.ratingSecretMatches) {
    throw notFound('No dossier has this code and rating secret; both are printed on the receipt and in its QR code.', 'input.dossierCode');
  }
  return publicDossier;
}

/** The path of a current unit named by its code, from the catalogue. */
export const unitPath = async (peers: Peers, code: string, field: string) => (await lookUpUnits(peers, { [field]: code }))[field].path;

/**
 * The dossiers subgraph's figures of each subtree — its `AdministrativeUnit.dossierStats`, the
 * figures the dashboard shows beside ours — asked in one call as the caller, through the
 * federation `_entities` entry point so its loader answers all units in one statement.
 */
export async function dossierStatsByUnitPath(peers: Peers, period: Period, paths: string[]): Promise<(DossierIndexInputs | null)[]> {
  const { _entities } = await peers.query<{
    _entities: ({ dossierStats: DossierStatsInputs | null; digitisation: DigitisationInputs | null } | null)[];
  }>(
    'dossiers',
    `query ($units: [_Any!]!, $from: Date!, $to: Date!) { _entities(representations: $units) {
       ... on AdministrativeUnit {
         dossierStats(from: $from, to: $to) { received receivedOnline resolved resolvedEarly resolvedOnTime resolvedLate }
         digitisation(from: $from, to: $to) {
           receivedDigitised receivedFull receivedFullOnline receivedPartial receivedPartialOnline resolvedElectronic
           receivedWithFees receivedPaidOnline } } } }`,
    { units: paths.map((path) => ({ __typename: 'AdministrativeUnit', code: path.slice(path.lastIndexOf('.') + 1), asOf: null, path })), ...period },
  );
  return _entities.map((unit) => (unit?.dossierStats && unit.digitisation ? { ...unit.dossierStats, ...unit.digitisation } : null));
}
