import { notFound } from '../../../../shared/errors';
import { requireUnit } from '../../../../shared/caller';
import { checkPeriod, type Period } from '../../../../shared/figures';
import { vietnamDate } from '../../../../shared/scalars';
import { isWithin } from '../../../../shared/units';
import type { Context } from '../context';
import type { DossierEventEntity } from '../entities/dossier-event.entity';
import type { DossierApplicantEntity } from '../entities/dossier-applicant.entity';
import type { DossierEntity } from '../entities/dossier.entity';
import { pausesOf, stepsTimeliness, stepTimings, timeliness, type StepTiming } from '../lifecycle/timing';
import { statusCode } from '../status';
import { actionValue, detailOf, receivingOfficialId } from '../lifecycle/history';
import { contributedStats } from './statistics';

/**
 * A dossier is shown to officials of its receiving unit and the units above it, and to the units
 * holding one of its liên thông steps; to nobody else.
 */
export async function visible(dossier: DossierEntity | null, ctx: Context): Promise<DossierEntity | null> {
  const unit = ctx.caller.unit;
  if (!dossier || !unit) return null;
  if (isWithin(dossier.ownerPath, unit)) return dossier;
  const steps = await ctx.loaders.stepsByDossier.load(dossier.id);
  return steps.some((step) => isWithin(step.ownerPath, unit)) ? dossier : null;
}

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
async function applicant(dossier: DossierEntity, ctx: Context): Promise<DossierApplicantEntity> {
  const row = await ctx.loaders.applicantByDossier.load(dossier.id);
  if (!row) throw notFound(`No dossier has code ${dossier.code}.`);
  return row;
}

/** The receiving unit itself (the owner its desk sits in, whose officials receive): who prints the receipt, and nobody above, below or beside it. */
const printsReceipt = (unit: string | null, dossier: DossierEntity) => unit === dossier.ownerPath;

export const officialRef = (id: string | null) => (id ? { __typename: 'Official', id } : null);

type Detail = Record<string, unknown>;

/** The typed details' fields that are references or renamed: the rest are read as recorded. */
export const DossierEventDetail = {
  __resolveType: (detail: { __typename: string }) => detail.__typename,
};
export const ReceptionDetail = {
  appointmentAt: (detail: Detail) => detail.dueAt ?? null,
  documentCount: (detail: Detail) => (typeof detail.documents === 'number' ? detail.documents : null),
};
export const HandlerDetail = {
  handler: (detail: Detail) => ({ __typename: 'Official', id: detail.handlerId }),
};
export const StepDetail = {
  handedTo: (detail: Detail) => (typeof detail.handedTo === 'string' ? { __typename: 'AdministrativeUnit', code: detail.handedTo, asOf: null } : null),
};

const unitRef = (code: string, at: Date) => ({ __typename: 'AdministrativeUnit', code, asOf: vietnamDate(at) });

export const Dossier = {
  __resolveReference: async (ref: { id: string }, ctx: Context) => visible(await ctx.loaders.dossierById.load(ref.id), ctx),
  procedure: (dossier: DossierEntity) => ({ __typename: 'Procedure', id: dossier.procedureId }),
  procedureVersion: (dossier: DossierEntity) => (dossier.procedureVersionId ? { __typename: 'ProcedureVersion', id: dossier.procedureVersionId } : null),
  caseVariant: (dossier: DossierEntity) => (dossier.caseVariantId ? { __typename: 'CaseVariant', id: dossier.caseVariantId } : null),
  receivingUnit: (dossier: DossierEntity) => unitRef(dossier.receivingUnitCode, dossier.receivedAt),
  handler: (dossier: DossierEntity) => (dossier.handlerId ? { __typename: 'Official', id: dossier.handlerId } : null),
  statusCode: (dossier: DossierEntity) => statusCode(dossier.status),
  applicantName: async (dossier: DossierEntity, _: unknown, ctx: Context) => (await applicant(dossier, ctx)).name,
  applicantPhone: async (dossier: DossierEntity, _: unknown, ctx: Context) => (await applicant(dossier, ctx)).phone,
  applicantEmail: async (dossier: DossierEntity, _: unknown, ctx: Context) => (await applicant(dossier, ctx)).email,
  applicantAddress: async (dossier: DossierEntity, _: unknown, ctx: Context) => (await applicant(dossier, ctx)).address,
  proxyName: async (dossier: DossierEntity, _: unknown, ctx: Context) => (await applicant(dossier, ctx)).proxyName,
  receipt: async (dossier: DossierEntity, _: unknown, ctx: Context) => ({
    form: '01',
    code: dossier.code,
    barcode: dossier.code,
    // Only the receiving unit prints the receipt: the units above it and the step holders being rated, inside its subtree or not, must not rate in the citizen's place.
    ratingSecret: printsReceipt(ctx.caller.unit, dossier) ? dossier.ratingSecret : null,
    applicantName: (await applicant(dossier, ctx)).name,
    proxyName: (await applicant(dossier, ctx)).proxyName,
    receivedAt: dossier.receivedAt,
    appointmentAt: dossier.dueAt,
    documents: dossier.documents,
    receivingUnit: unitRef(dossier.receivingUnitCode, dossier.receivedAt),
    receivingOfficial: officialRef(receivingOfficialId(await ctx.loaders.eventsByDossier.load(dossier.id))),
    counterNumber: dossier.receivingCounterNumber,
    procedureVersion: dossier.procedureVersionId ? { __typename: 'ProcedureVersion', id: dossier.procedureVersionId } : null,
  }),
  steps: (dossier: DossierEntity, _: unknown, ctx: Context) => timings(dossier, ctx),
  currentStep: async (dossier: DossierEntity, _: unknown, ctx: Context) => (await timings(dossier, ctx)).find((t) => t.step.position === dossier.currentStep) ?? null,
  delayedSteps: async (dossier: DossierEntity, _: unknown, ctx: Context) => (await timings(dossier, ctx)).filter((t) => t.overHours > 0),
  history: (dossier: DossierEntity, _: unknown, ctx: Context) => ctx.loaders.eventsByDossier.load(dossier.id),
  timeliness: (dossier: DossierEntity, _: unknown, ctx: Context) => timeliness(dossier, ctx.clock.now()),
  stepsTimeliness: async (dossier: DossierEntity, _: unknown, ctx: Context) => stepsTimeliness(await timings(dossier, ctx)),
};

export const DossierStep = {
  position: (t: StepTiming) => t.step.position,
  title: (t: StepTiming) => t.step.title,
  level: (t: StepTiming) => t.step.level,
  role: (t: StepTiming) => t.step.role,
  allottedHours: (t: StepTiming) => t.step.allottedHours,
  finishedAt: (t: StepTiming) => t.step.finishedAt,
  unit: (t: StepTiming, _: unknown, ctx: Context) => unitRef(t.step.unitCode, t.startedAt ?? ctx.clock.now()),
  handler: (t: StepTiming) => (t.step.handlerId ? { __typename: 'Official', id: t.step.handlerId } : null),
  late: (t: StepTiming) => t.overHours > 0,
};

export const DossierEvent = {
  action: (event: DossierEventEntity) => actionValue(event.action),
  detail: (event: DossierEventEntity) => detailOf(event.action, event.details as Record<string, unknown>),
  details: (event: DossierEventEntity) => JSON.stringify(event.details),
  actor: (event: DossierEventEntity) => (event.actorOfficialId ? { __typename: 'Official', id: event.actorOfficialId } : null),
};

export const Procedure = {
  __resolveReference: (ref: { id: string }) => ref,
  dossierCount: (procedure: { id: string }, _: unknown, ctx: Context) => ctx.loaders.dossierCountByProcedure.load(procedure.id),
  dossierStats: contributedStats.procedure,
};

export const AdministrativeUnit = {
  __resolveReference: (ref: { code: string; asOf: string | null; path: string }) => ref,
  dossierStats: contributedStats.unit,
  /** Within the caller's subtree only, like the unit's figures. */
  delays: async (unit: { path: string }, args: Period, ctx: Context) => {
    if (!isWithin(unit.path, requireUnit(ctx.caller))) return null;
    const { from, to } = checkPeriod(args);
    const delays = await ctx.loaders.delaysByUnitPath.load(`${from}|${to}|${unit.path}`);
    return (delays ?? []).map((d) => ({ unit: { __typename: 'AdministrativeUnit', code: d.unitCode, asOf: null }, dossiers: d.dossiers, overHours: d.overHours }));
  },
};

export const Official = {
  __resolveReference: (ref: { id: string }) => ref,
  workload: contributedStats.official,
};
