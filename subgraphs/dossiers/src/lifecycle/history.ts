import type { Action } from './actions';

/** A recorded action: every lifecycle action, reception, and a citizen's online filing. */
export type Recorded = Action | 'receive' | 'file';

/** The public mutation each recorded action was: the history speaks the API's language. */
export const MUTATION_OF = {
  receive: 'receiveDossier',
  accept: 'acceptDossier',
  refuse: 'refuseDossier',
  transfer: 'transferDossier',
  completeStep: 'completeDossierStep',
  requestSupplement: 'requestSupplement',
  receiveSupplement: 'receiveSupplement',
  requestFinancialObligation: 'requestFinancialObligation',
  confirmFinancialObligation: 'confirmFinancialObligation',
  reschedule: 'rescheduleDossier',
  withdraw: 'withdrawDossier',
  stop: 'stopDossier',
  resolve: 'resolveDossier',
  returnResult: 'returnDossierResult',
  assignHandler: 'assignDossierHandler',
  digitise: 'digitiseDossier',
  file: 'fileDossier',
  supplementOwn: 'supplementMyDossier',
  withdrawOwn: 'withdrawMyDossier',
  cancelOwn: 'cancelMyFiling',
} as const satisfies Record<Recorded, string>;

/** `completeDossierStep` → `COMPLETE_DOSSIER_STEP`, the value of the DossierAction enum. */
export const actionValue = (action: string): string => (MUTATION_OF[action as Recorded] ?? action).replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase();

/** The GraphQL type of what each action records (the forms read them); actions that record nothing have none. */
const DETAIL_TYPE: Partial<Record<Recorded, string>> = {
  receive: 'ReceptionDetail',
  accept: 'ReceptionDetail',
  refuse: 'ReasonDetail',
  withdraw: 'ReasonDetail',
  withdrawOwn: 'ReasonDetail',
  cancelOwn: 'ReasonDetail',
  supplementOwn: 'SupplementReceivedDetail',
  stop: 'ReasonDetail',
  transfer: 'HandlerDetail',
  assignHandler: 'HandlerDetail',
  completeStep: 'StepDetail',
  requestSupplement: 'SupplementRequestDetail',
  receiveSupplement: 'SupplementReceivedDetail',
  requestFinancialObligation: 'FeeDetail',
  confirmFinancialObligation: 'FeeDetail',
  reschedule: 'RescheduleDetail',
  resolve: 'DecisionDetail',
  returnResult: 'ReturnDetail',
};

/** The official who received the dossier at the desk (or accepted it, online), from the history. */
export const receivingOfficialId = (events: { action: string; actorOfficialId: string | null }[]) =>
  events.find((e) => (e.action === 'receive' || e.action === 'accept') && e.actorOfficialId)?.actorOfficialId ?? null;

/**
 * The official who served the applicant at the desk: who handed the result over, else who
 * received it. Never a back-office official working on a step: the public sees the desk only.
 */
export const servingOfficialId = (events: { action: string; actorOfficialId: string | null }[]) =>
  [...events].reverse().find((e) => e.action === 'returnResult' && e.actorOfficialId)?.actorOfficialId ?? receivingOfficialId(events);

/** What units write to each other on the way, which the citizen's own view of the history leaves out. */
const INTERNAL_DETAILS: Partial<Record<Recorded, readonly string[]>> = { completeStep: ['note'] };

/** A history row's details as `caller` may read them: the citizen's view leaves out the units' notes to each other. */
export function detailsFor(role: string, action: string, details: Record<string, unknown>): Record<string, unknown> {
  const internal = role === 'CITIZEN' ? INTERNAL_DETAILS[action as Recorded] : undefined;
  return internal ? Object.fromEntries(Object.entries(details).filter(([key]) => !internal.includes(key))) : details;
}

/**
 * What a history row records, typed by its action; null where the action recorded nothing. The
 * `__typename` names the member of the DossierEventDetail union, which GraphQL's default type
 * resolver reads, so the union needs no resolver map of its own.
 */
export function detailOf(action: string, details: Record<string, unknown>): ({ __typename: string } & Record<string, unknown>) | null {
  const type = DETAIL_TYPE[action as Recorded];
  if (!type || (type === 'HandlerDetail' && !details.handlerId)) return null;
  return { __typename: type, ...details };
}
