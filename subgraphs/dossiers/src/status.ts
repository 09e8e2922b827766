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

export function statusCode(status: DossierStatus): number {
  return DOSSIER_STATUSES.indexOf(status) + 1;
}
