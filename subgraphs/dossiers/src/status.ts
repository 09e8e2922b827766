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

/** Never received: submitted online and not yet accepted, or refused at the desk; no figure counts them. */
export const UNRECEIVED = ['NEW', 'NOT_RECEIVED'] as const satisfies readonly DossierStatus[];
/** Being processed: past reception, not yet decided (the clock may be paused). */
export const IN_PROCESS = ['PROCESSING', 'SUPPLEMENT_REQUESTED', 'FINANCIAL_OBLIGATION'] as const satisfies readonly DossierStatus[];
/** Open: received and not yet finished — in time or overdue. */
export const OPEN = ['RECEIVED', ...IN_PROCESS] as const satisfies readonly DossierStatus[];
/** Resolved: processed, the result waiting or returned. */
export const RESOLVED = ['PROCESSED', 'RESULT_RETURNED'] as const satisfies readonly DossierStatus[];

export function statusCode(status: DossierStatus): number {
  return DOSSIER_STATUSES.indexOf(status) + 1;
}

/** Filed online and never submitted to the desk (a draft, or one cancelled as a draft): the citizen's alone, whatever its status. */
export const neverSubmitted = (dossier: { filedBy: string | null; submittedAt: Date | null }) =>
  dossier.filedBy !== null && dossier.submittedAt === null;
