import type { Context } from '../context';
import type { DossierEntity } from '../store/entities/dossier.entity';
import { receivingOfficialId } from '../lifecycle/history';
import { stepsTimeliness, timeliness } from '../lifecycle/timing';
import { applicant, officialRef, printsReceipt, timings, unitAt, visible } from '../lifecycle/views';
import { statusCode } from '../status';
import { isOfficial } from '../../../../shared/caller';
import { isWithin } from '../../../../shared/units';
import { portalSyncOf } from '../delivery/requests';

export const Dossier = {
  __resolveReference: async (ref: { id: string }, ctx: Context) => visible(await ctx.loaders.dossierById.load(ref.id), ctx),
  procedure: (dossier: DossierEntity) => ({ __typename: 'Procedure', id: dossier.procedureId }),
  procedureVersion: (dossier: DossierEntity) =>
    dossier.procedureVersionId ? { __typename: 'ProcedureVersion', id: dossier.procedureVersionId } : null,
  caseVariant: (dossier: DossierEntity) => (dossier.caseVariantId ? { __typename: 'CaseVariant', id: dossier.caseVariantId } : null),
  receivingUnit: (dossier: DossierEntity) => unitAt(dossier.receivingUnitCode, dossier.receivedAt),
  handler: (dossier: DossierEntity) => officialRef(dossier.handlerId),
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
    // Only the receiving unit prints the receipt, and the citizen holds it: the units above it and the step holders
    // being rated, inside its subtree or not, must not rate in the citizen's place.
    ratingSecret: ctx.caller.role === 'CITIZEN' || printsReceipt(ctx.caller.unit, dossier) ? dossier.ratingSecret : null,
    applicantName: (await applicant(dossier, ctx)).name,
    proxyName: (await applicant(dossier, ctx)).proxyName,
    receivedAt: dossier.receivedAt,
    appointmentAt: dossier.dueAt,
    documents: dossier.documents,
    receivingUnit: unitAt(dossier.receivingUnitCode, dossier.receivedAt),
    receivingOfficial: officialRef(receivingOfficialId(await ctx.loaders.eventsByDossier.load(dossier.id))),
    counterNumber: dossier.receivingCounterNumber,
    procedureVersion: dossier.procedureVersionId ? { __typename: 'ProcedureVersion', id: dossier.procedureVersionId } : null,
  }),
  steps: (dossier: DossierEntity, _: unknown, ctx: Context) => timings(dossier, ctx),
  files: (dossier: DossierEntity, _: unknown, ctx: Context) => ctx.loaders.filesByDossier.load(dossier.id),
  digitised: (dossier: DossierEntity, _: unknown, ctx: Context) => ctx.loaders.digitisedByDossier.load(dossier.id),
  result: async (dossier: DossierEntity, _: unknown, ctx: Context) =>
    (await ctx.loaders.filesByDossier.load(dossier.id)).find((file) => file.purpose === 'RESULT') ?? null,
  currentStep: async (dossier: DossierEntity, _: unknown, ctx: Context) =>
    (await timings(dossier, ctx)).find((t) => t.step.position === dossier.currentStep) ?? null,
  delayedSteps: async (dossier: DossierEntity, _: unknown, ctx: Context) => (await timings(dossier, ctx)).filter((t) => t.overHours > 0),
  history: (dossier: DossierEntity, _: unknown, ctx: Context) => ctx.loaders.eventsByDossier.load(dossier.id),
  timeliness: (dossier: DossierEntity, _: unknown, ctx: Context) => timeliness(dossier, ctx.clock.now()),
  stepsTimeliness: async (dossier: DossierEntity, _: unknown, ctx: Context) => stepsTimeliness(await timings(dossier, ctx)),
  payments: (dossier: DossierEntity, _: unknown, ctx: Context) => ctx.loaders.paymentsByDossier.load(dossier.id),
  /** Row-level security shows deliveries to the officials of the dossier's owner and the units above it. */
  deliveries: (dossier: DossierEntity, _: unknown, ctx: Context) => ctx.loaders.deliveriesByDossier.load(dossier.id),
  portalSync: async (dossier: DossierEntity, _: unknown, ctx: Context) =>
    isOfficial(ctx.caller) && isWithin(dossier.ownerPath, ctx.caller.unit ?? '-')
      ? portalSyncOf(await ctx.loaders.deliveriesByDossier.load(dossier.id))
      : null,
};
