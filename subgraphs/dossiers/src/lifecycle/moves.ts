import type { WorkingCalendar } from '../../../../shared/calendar';
import { HOURS_PER_DAY } from '../../../../shared/calendar';
import { badInput, conflict } from '../../../../shared/errors';
import type { Channel, Outcome } from '../store/entities/dossier.entity';
import type { Action, Effect, Situation } from './actions';
import type { FileGroup } from '../documents/files';

/** What the actions' inputs may carry beyond the dossier and the request id. */
export interface MoveInput {
  reason?: string | null;
  handlerId?: string | null;
  missingItems?: string[] | null;
  /** What the applicant handed in when supplementing. */
  handedIn?: string[] | null;
  amountVnd?: number | null;
  newDueAt?: Date | null;
  outcome?: Outcome | null;
  method?: Channel | null;
  /** Files: the scans on digitiseDossier, the supplement's files, grouped by the document they are. */
  files?: FileGroup[] | null;
  /** On resolveDossier: the result issued as a file. */
  resultDocument?: string | null;
}

/** As many items as a dossier has documents, at the most. */
const MAX_ITEMS = 100;

/** A list of document names, trimmed, at most MAX_ITEMS. */
function itemsOf(items: string[] | null | undefined, field: string): string[] {
  if ((items?.length ?? 0) > MAX_ITEMS) throw badInput(field, `List at most ${MAX_ITEMS} items; got ${items!.length}.`);
  return (items ?? []).map((item) => item.trim()).filter(Boolean);
}

function reasonOf(input: MoveInput, what: string): string {
  const reason = input.reason?.trim();
  if (!reason) throw badInput('input.reason', `Give the reason ${what}; it is written on the form the applicant receives.`);
  return reason;
}

/** The due date after a pause: the working time left when the clock stopped, counted again from now. */
function resumed({ dossier, now }: Situation, calendar: WorkingCalendar): Date | null {
  if (!dossier.dueAt || !dossier.pausedAt) return dossier.dueAt;
  return calendar.addWorkingHours(now, calendar.workingHoursBetween(dossier.pausedAt, dossier.dueAt));
}

type Move = (situation: Situation, input: MoveInput, calendar: WorkingCalendar) => Effect;

/** The effect of each action, beyond the status change the transition table makes. */
export const MOVES: Record<Action, Move> = {
  accept: ({ dossier, now }, _input, calendar) => ({
    dossier: { receivedAt: now, dueAt: dossier.timeLimitHours === null ? null : calendar.dueAt(now, dossier.timeLimitHours) },
  }),

  refuse: ({ now }, input) => ({ dossier: { finishedAt: now }, details: { form: '03', reason: reasonOf(input, 'for refusing the dossier') } }),

  /** The first step's unit works on it now; the official named (one of that unit's, checked by the caller) handles it. */
  transfer: ({ steps }, input) => ({
    dossier: { currentStep: steps.length ? 1 : null, handlerId: input.handlerId ?? null },
    nextStep: steps.length ? { handlerId: input.handlerId ?? null } : undefined,
    details: input.handlerId ? { handlerId: input.handlerId } : {},
  }),

  /** The finished step is credited to who did it; the next step's unit names its own handler (assignDossierHandler). */
  completeStep: ({ active, steps, actingOfficialId, now }, input) => {
    if (!active) throw conflict('The dossier has no step in progress.', 'input.dossierId');
    if (active.position === steps.length)
      throw conflict(`Step ${active.position} is the last one; resolve the dossier to finish it.`, 'input.dossierId');
    return {
      dossier: { currentStep: active.position + 1, handlerId: null },
      step: { finishedAt: now, handlerId: input.handlerId ?? active.handlerId ?? actingOfficialId },
      details: { step: active.title, handedTo: steps[active.position].unitCode, note: input.reason ?? null },
    };
  },

  requestSupplement: ({ dossier, now }, input) => {
    const missing = itemsOf(input.missingItems, 'input.missingItems');
    if (!missing.length)
      throw badInput('input.missingItems', 'List every missing or wrong document at once: the guidance is given one time, in writing (form 02).');
    return {
      dossier: { pausedAt: now, supplementCount: dossier.supplementCount + 1 },
      details: { form: '02', missingItems: missing, note: input.reason ?? null },
    };
  },

  receiveSupplement: (situation, input, calendar) => {
    const handedIn = itemsOf(input.handedIn, 'input.handedIn');
    if (!handedIn.length) throw badInput('input.handedIn', 'List what the applicant handed in; it is checked against what form 02 asked for.');
    return {
      dossier: {
        dueAt: resumed(situation, calendar),
        pausedAt: null,
        currentStep: situation.dossier.currentStep ?? (situation.steps.length ? 1 : null),
      },
      details: {
        handedIn,
        pausedWorkingHours: situation.dossier.pausedAt ? calendar.workingHoursBetween(situation.dossier.pausedAt, situation.now) : 0,
      },
    };
  },

  requestFinancialObligation: (_situation, input) => {
    if (!Number.isInteger(input.amountVnd) || input.amountVnd! < 0)
      throw badInput('input.amountVnd', 'The amount due is a whole number of đồng, zero or more.');
    return { dossier: { feeOwedVnd: input.amountVnd!, feePaidVnd: null }, details: { amountVnd: input.amountVnd, note: input.reason ?? null } };
  },

  /** Paid in full: what was asked for. */
  confirmFinancialObligation: ({ dossier }) => ({
    dossier: { feePaidVnd: dossier.feeOwedVnd ?? 0 },
    details: { amountVnd: dossier.feeOwedVnd ?? 0 },
  }),

  reschedule: ({ dossier, now }, input, calendar) => {
    if (dossier.rescheduled)
      throw conflict(`Dossier ${dossier.code} was already given a new appointment; a dossier is rescheduled only once.`, 'input.dossierId');
    if (!dossier.dueAt) throw conflict(`Dossier ${dossier.code} has no due date to move.`, 'input.dossierId');
    const left = calendar.workingHoursBetween(now, dossier.dueAt);
    if (left < HOURS_PER_DAY)
      throw conflict(
        `The apology (form 04) is sent at least one working day before the deadline; ${left} working hours are left.`,
        'input.dossierId',
      );
    if (!input.newDueAt || input.newDueAt <= dossier.dueAt) throw badInput('input.newDueAt', 'The new appointment comes after the current one.');
    return {
      dossier: { dueAt: input.newDueAt, rescheduled: true },
      details: { form: '04', reason: reasonOf(input, 'for the delay'), previousDueAt: dossier.dueAt, newDueAt: input.newDueAt },
    };
  },

  withdraw: ({ now }, input) => ({
    dossier: { finishedAt: now, currentStep: null },
    details: { reason: reasonOf(input, 'the applicant gave for withdrawing') },
  }),

  stop: ({ now }, input) => ({ dossier: { finishedAt: now, currentStep: null }, details: { reason: reasonOf(input, 'for stopping') } }),

  resolve: ({ active, steps, actingOfficialId, now }, input) => {
    if (active && active.position !== steps.length)
      throw conflict(`Steps ${active.position}–${steps.length} are still to do; complete step ${active.position} first.`, 'input.dossierId');
    if (!input.outcome) throw badInput('input.outcome', 'Say whether the request is approved or refused.');
    const reason = input.outcome === 'REFUSED' ? reasonOf(input, 'for refusing the request') : (input.reason ?? null);
    return {
      dossier: { finishedAt: now, outcome: input.outcome, currentStep: null },
      step: active ? { finishedAt: now, handlerId: input.handlerId ?? active.handlerId ?? actingOfficialId } : undefined,
      details: { outcome: input.outcome, reason },
    };
  },

  /** The official who hands the result over serves the citizen last: the rating is theirs. */
  returnResult: ({ dossier, actingOfficialId, now }, input) => {
    const method = input.method ?? 'IN_PERSON';
    return { dossier: { returnedAt: now, returnMethod: method, handlerId: actingOfficialId ?? dossier.handlerId }, details: { method } };
  },

  /** Phân công — the unit working on the dossier names the official who handles it (checked against personnel by the caller). */
  assignHandler: ({ active }, input) => {
    if (!input.handlerId) throw badInput('input.handlerId', 'Name the official who will handle the dossier (handlerId).');
    return {
      dossier: { handlerId: input.handlerId },
      step: active ? { handlerId: input.handlerId } : undefined,
      details: { handlerId: input.handlerId },
    };
  },

  /** The citizen hands the supplement in online, as files: as the desk's receiveSupplement, the clock resumes. */
  supplementOwn: (situation, input, calendar) => {
    const effect = MOVES.receiveSupplement(situation, input, calendar);
    if (!input.files?.some((group) => group.files.length))
      throw badInput('input.files', 'Online, the supplement is handed in as files: attach one for each item form 02 asked for.');
    return effect;
  },

  /** The scans are attached by the caller (the files' own rows); the history row counts them. */
  digitise: (_situation, input) => {
    const files = input.files?.reduce((sum, group) => sum + group.files.length, 0) ?? 0;
    if (!files) throw badInput('input.files', 'Attach the scans: each a file uploaded at /documents, with the document it is.');
    return { details: { files } };
  },

  /** The citizen withdraws what they filed online, with their reason, as at the desk. */
  withdrawOwn: (situation, input, calendar) => MOVES.withdraw(situation, input, calendar),

  /** The citizen cancels a filing the desk has not received, with their reason. */
  cancelOwn: ({ now }, input) => ({ dossier: { finishedAt: now }, details: { reason: reasonOf(input, 'for cancelling the filing') } }),
};
