import type { Context } from '../context';
import type { DossierEventEntity } from '../store/entities/dossier-event.entity';
import { actionValue, detailOf, detailsFor } from '../lifecycle/history';
import { officialRef } from '../lifecycle/views';

const details = (event: DossierEventEntity, ctx: Context) => detailsFor(ctx.caller.role, event.action, event.details as Record<string, unknown>);

export const DossierEvent = {
  action: (event: DossierEventEntity) => actionValue(event.action),
  detail: (event: DossierEventEntity, _: unknown, ctx: Context) => detailOf(event.action, details(event, ctx)),
  details: (event: DossierEventEntity, _: unknown, ctx: Context) => JSON.stringify(details(event, ctx)),
  actor: (event: DossierEventEntity) => officialRef(event.actorOfficialId),
};
