import type { DossierEventEntity } from '../store/entities/dossier-event.entity';
import { actionValue, detailOf } from '../lifecycle/history';
import { officialRef } from '../lifecycle/views';

export const DossierEvent = {
  action: (event: DossierEventEntity) => actionValue(event.action),
  detail: (event: DossierEventEntity) => detailOf(event.action, event.details as Record<string, unknown>),
  details: (event: DossierEventEntity) => JSON.stringify(event.details),
  actor: (event: DossierEventEntity) => officialRef(event.actorOfficialId),
};
