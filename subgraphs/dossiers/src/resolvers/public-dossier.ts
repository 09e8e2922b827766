import { timingSafeEqual } from 'node:crypto';
import { normaliseCode } from '../../../../shared/units';
import { vietnamDate } from '../../../../shared/scalars';
import type { Context } from '../context';
import type { DossierEntity } from '../entities/dossier.entity';
import { timeliness } from '../lifecycle/timing';
import { officialRef, timings } from './dossier';
import { servingOfficialId } from '../lifecycle/history';
import { accountable } from '../lifecycle/delays';
import { statusCode } from '../status';

/** Compared in constant time, so the answer's timing tells nothing of the secret. */
function sameSecret(given: string, actual: string): boolean {
  const [a, b] = [Buffer.from(given), Buffer.from(actual)];
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A result will be (or is) waiting at the desk: the dossier is being or has been processed. */
const PICKUP_STATUSES = new Set(['RECEIVED', 'PROCESSING', 'SUPPLEMENT_REQUESTED', 'FINANCIAL_OBLIGATION', 'PROCESSED']);

export const PublicDossier = {
  fieldCode: (dossier: DossierEntity) => dossier.fieldCode,
  ratingSecretMatches: (dossier: DossierEntity, args: { secret: string }) => sameSecret(args.secret.trim().toLowerCase(), dossier.ratingSecret),
  applicantName: (dossier: DossierEntity) => dossier.applicantPublicName,
  statusCode: (dossier: DossierEntity) => statusCode(dossier.status),
  procedure: (dossier: DossierEntity) => ({ __typename: 'Procedure', id: dossier.procedureId }),
  appointmentAt: (dossier: DossierEntity) => dossier.dueAt,
  currentUnit: async (dossier: DossierEntity, _: unknown, ctx: Context) => {
    const steps = await ctx.loaders.stepsByDossier.load(dossier.id);
    const code = steps.find((step) => step.position === dossier.currentStep)?.unitCode ?? dossier.receivingUnitCode;
    return { __typename: 'AdministrativeUnit', code, asOf: vietnamDate(ctx.clock.now()) };
  },
  timeliness: (dossier: DossierEntity, _: unknown, ctx: Context) => timeliness(dossier, ctx.clock.now()),
  receivingUnit: (dossier: DossierEntity) => ({ __typename: 'AdministrativeUnit', code: dossier.receivingUnitCode, asOf: vietnamDate(dossier.receivedAt) }),
  handler: async (dossier: DossierEntity, _: unknown, ctx: Context) => officialRef(servingOfficialId(await ctx.loaders.eventsByDossier.load(dossier.id))),
  steps: async (dossier: DossierEntity, _: unknown, ctx: Context) =>
    (await timings(dossier, ctx)).map((t) => ({
      position: t.step.position,
      title: t.step.title,
      unit: { __typename: 'AdministrativeUnit', code: t.step.unitCode, asOf: vietnamDate(t.startedAt ?? ctx.clock.now()) },
      startedAt: t.startedAt,
      dueAt: t.dueAt,
      finishedAt: t.step.finishedAt,
      late: t.overHours > 0,
    })),
  missingItems: async (dossier: DossierEntity, _: unknown, ctx: Context) => {
    if (dossier.status !== 'SUPPLEMENT_REQUESTED') return null;
    const asked = (await ctx.loaders.eventsByDossier.load(dossier.id)).filter((e) => e.action === 'requestSupplement').at(-1);
    return (asked?.details as { missingItems?: string[] } | undefined)?.missingItems ?? [];
  },
  resultPickup: (dossier: DossierEntity) => {
    if (dossier.returnedAt || !PICKUP_STATUSES.has(dossier.status)) return null;
    const ready = dossier.status === 'PROCESSED' ? dossier.finishedAt : null;
    const from = ready && (!dossier.dueAt || ready < dossier.dueAt) ? ready : dossier.dueAt;
    return { unit: { __typename: 'AdministrativeUnit', code: dossier.receivingUnitCode, asOf: vietnamDate(dossier.receivedAt) }, from };
  },
  accountableUnitPath: async (dossier: DossierEntity, _: unknown, ctx: Context) => accountable(dossier, await timings(dossier, ctx)).path,
};

export const publicDossier = (_: unknown, args: { code: string }, ctx: Context) => (args.code.length > 60 ? null : ctx.loaders.dossierByCode.load(normaliseCode(args.code)));
