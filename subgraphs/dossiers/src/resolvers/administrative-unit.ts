import { contributedStats, delaysOfUnit } from '../statistics/report';

export const AdministrativeUnit = {
  __resolveReference: (ref: { code: string; asOf: string | null; path: string }) => ref,
  dossierStats: contributedStats.unit,
  digitisation: contributedStats.digitisation,
  /** Within the caller's subtree only, like the unit's figures. */
  delays: delaysOfUnit,
};
