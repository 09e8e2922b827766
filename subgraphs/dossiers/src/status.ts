/** The national status codes (Circular 01/2018 and its successors); order is the code. */
export const DOSSIER_STATUSES = [
  'NEW',
  'RECEIVED',
  'NOT_RECEIVED',
  'PROCESSING',
  'SUPPLEMENT_REQUESTED',
  'FINANCIAL_OBLIGATION',
  'WITHDRAWN',
  'STOPPED',
  'PROCESSED',
  'RESULT_RETURNED',
] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

/** Being processed: past reception, not yet decided (the clock may be paused). */
export const IN_PROCESS = ['PROCESSING', 'SUPPLEMENT_REQUESTED', 'FINANCIAL_OBLIGATION'] as const satisfies readonly DossierStatus[];
/** Open: received and not yet finished — in time or overdue. */
export const OPEN = ['RECEIVED', ...IN_PROCESS] as const satisfies readonly DossierStatus[];
/** Resolved: processed, the result waiting or returned. */
export const RESOLVED = ['PROCESSED', 'RESULT_RETURNED'] as const satisfies readonly DossierStatus[];

/** A status set as an SQL list, for `d.status IN (…)`. */
export const statusesSql = (statuses: readonly DossierStatus[]) => `(${statuses.map((s) => `'${s}'`).join(', ')})`;

export function statusCode(status: DossierStatus): number {
  return DOSSIER_STATUSES.indexOf(status) + 1;
}
