import { vietnamDate } from '../../../../shared/scalars';
import type { Context } from '../context';
import type { DossierEntity } from '../store/entities/dossier.entity';
import { accountable } from '../lifecycle/delays';
import { servingOfficialId } from '../lifecycle/history';
import { timeliness } from '../lifecycle/timing';
import { currentUnitCode, missingItems, officialRef, resultPickup, sameSecret, timings, unitAt } from '../lifecycle/views';
import { statusCode } from '../status';

export const PublicDossier = {
  fieldCode: (dossier: DossierEntity) => dossier.fieldCode,
  ratingSecretMatches: (dossier: DossierEntity, args: { secret: string }) => sameSecret(args.secret.trim().toLowerCase(), dossier.ratingSecret),
  applicantName: (dossier: DossierEntity) => dossier.applicantPublicName,
  statusCode: (dossier: DossierEntity) => statusCode(dossier.status),
  procedure: (dossier: DossierEntity) => ({ __typename: 'Procedure', id: dossier.procedureId }),
  appointmentAt: (dossier: DossierEntity) => dossier.dueAt,
  currentUnit: async (dossier: DossierEntity, _: unknown, ctx: Context) => ({
    __typename: 'AdministrativeUnit',
    code: await currentUnitCode(dossier, ctx),
    asOf: vietnamDate(ctx.clock.now()),
  }),
  timeliness: (dossier: DossierEntity, _: unknown, ctx: Context) => timeliness(dossier, ctx.clock.now()),
  receivingUnit: (dossier: DossierEntity) => unitAt(dossier.receivingUnitCode, dossier.receivedAt),
  handler: async (dossier: DossierEntity, _: unknown, ctx: Context) =>
    officialRef(servingOfficialId(await ctx.loaders.eventsByDossier.load(dossier.id))),
  steps: async (dossier: DossierEntity, _: unknown, ctx: Context) =>
    (await timings(dossier, ctx)).map((t) => ({
      position: t.step.position,
      title: t.step.title,
      unit: unitAt(t.step.unitCode, t.startedAt ?? ctx.clock.now()),
      startedAt: t.startedAt,
      dueAt: t.dueAt,
      finishedAt: t.step.finishedAt,
      late: t.overHours > 0,
    })),
  missingItems: (dossier: DossierEntity, _: unknown, ctx: Context) => missingItems(dossier, ctx),
  resultPickup: (dossier: DossierEntity) => resultPickup(dossier),
  accountableUnitPath: async (dossier: DossierEntity, _: unknown, ctx: Context) => accountable(dossier, await timings(dossier, ctx)).path,
};
