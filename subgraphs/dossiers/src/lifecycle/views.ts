import { timingSafeEqual } from 'node:crypto';
import { notFound } from '../../../../shared/errors';
import { vietnamDate } from '../../../../shared/scalars';
import { isWithin } from '../../../../shared/units';
import type { Context } from '../context';
import type { DossierApplicantEntity } from '../store/entities/dossier-applicant.entity';
import type { DossierEntity } from '../store/entities/dossier.entity';
import { neverSubmitted, OPEN } from '../status';
import { pausesOf, stepTimings, type StepTiming } from './timing';

/** What readers see of a dossier, worked out from the request's loaders: who may see it, its clocks, who applied, where to collect. */

/**
 * A dossier is shown to officials of its receiving unit and the units above it, and to the units
 * holding one of its liên thông steps; to the citizen it belongs to (the database shows them its
 * applicant row: they applied, filed it for someone, or act for the organisation that did); to
 * nobody else.
 */
export async function visible(dossier: DossierEntity | null, ctx: Context): Promise<DossierEntity | null> {
  if (dossier && ctx.caller.role === 'CITIZEN') return (await ctx.loaders.applicantByDossier.load(dossier.id)) ? dossier : null;
  const unit = ctx.caller.unit;
  // A citizen's draft is theirs alone until they submit it.
  if (!dossier || !unit || neverSubmitted(dossier)) return null;
  if (isWithin(dossier.ownerPath, unit)) return dossier;
  const steps = await ctx.loaders.stepsByDossier.load(dossier.id);
  return steps.some((step) => isWithin(step.ownerPath, unit)) ? dossier : null;
}

/** Each step's own clock (see `stepTimings`), now. */
export async function timings(dossier: DossierEntity, ctx: Context): Promise<StepTiming[]> {
  const [steps, events, calendar] = await Promise.all([
    ctx.loaders.stepsByDossier.load(dossier.id),
    ctx.loaders.eventsByDossier.load(dossier.id),
    ctx.loaders.calendar.load('calendar'),
  ]);
  return stepTimings(dossier, steps, pausesOf(events), calendar, ctx.clock.now());
}

/**
 * Who applied, as the database shows it to this caller: `visible` has already admitted the caller,
 * and the read policy of `dossier_applicant` admits the same units; should they ever disagree,
 * the answer is NOT_FOUND rather than someone's personal data.
 */
export async function applicant(dossier: DossierEntity, ctx: Context): Promise<DossierApplicantEntity> {
  const row = await ctx.loaders.applicantByDossier.load(dossier.id);
  if (!row) throw notFound(`No dossier has code ${dossier.code}.`);
  return row;
}

/** The receiving unit itself (the owner its desk sits in, whose officials receive): who prints the receipt, and nobody above, below or beside it. */
export const printsReceipt = (unit: string | null, dossier: DossierEntity) => unit === dossier.ownerPath;

export const officialRef = (id: string | null) => (id ? { __typename: 'Official', id } : null);

/** A unit as it was on the day of `at`. */
export const unitAt = (code: string, at: Date) => ({ __typename: 'AdministrativeUnit', code, asOf: vietnamDate(at) });

/** Compared in constant time, so the answer's timing tells nothing of the secret. */
export function sameSecret(given: string, actual: string): boolean {
  const [a, b] = [Buffer.from(given), Buffer.from(actual)];
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The unit working on the dossier now: the active step's, else the receiving desk. */
export async function currentUnitCode(dossier: DossierEntity, ctx: Context): Promise<string> {
  const steps = await ctx.loaders.stepsByDossier.load(dossier.id);
  return steps.find((step) => step.position === dossier.currentStep)?.unitCode ?? dossier.receivingUnitCode;
}

/** What form 02 asked for, while the dossier waits for it; null otherwise. */
export async function missingItems(dossier: DossierEntity, ctx: Context): Promise<string[] | null> {
  if (dossier.status !== 'SUPPLEMENT_REQUESTED') return null;
  const asked = (await ctx.loaders.eventsByDossier.load(dossier.id)).filter((e) => e.action === 'requestSupplement').at(-1);
  return (asked?.details as { missingItems?: string[] } | undefined)?.missingItems ?? [];
}

/** A result will be (or is) waiting at the desk: the dossier is being or has been processed. */
const PICKUP_STATUSES = new Set<string>([...OPEN, 'PROCESSED']);

/** Where and from when the applicant collects the result: at the receiving desk, once ready or on the appointment; null once returned or closed. */
export function resultPickup(dossier: DossierEntity) {
  if (dossier.returnedAt || !PICKUP_STATUSES.has(dossier.status)) return null;
  const ready = dossier.status === 'PROCESSED' ? dossier.finishedAt : null;
  const from = ready && (!dossier.dueAt || ready < dossier.dueAt) ? ready : dossier.dueAt;
  return { unit: unitAt(dossier.receivingUnitCode, dossier.receivedAt), from };
}
