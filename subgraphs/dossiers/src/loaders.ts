import type { EntityManager } from 'typeorm';
import { loadCalendar } from '../../../shared/calendar-store';
import type { Period } from '../../../shared/figures';
import { batchByGroup, byKey, defineLoaders, groupByKeys, orderByKeys } from '../../../shared/loaders';
import type { Peers } from '../../../shared/peers';
import type { Clock } from '../../../shared/clock';
import { delaysBatch } from './lifecycle/delays';
import type { DossierStats } from './statistics/figures';
import { statsBySubtree, type KeyedStats } from './store/daily-rollup';
import { dossierCountsByProcedure, dossiersByIds, eventsOfDossiers, stepsOfDossiers } from './store/dossiers';
import { DossierApplicantEntity } from './store/entities/dossier-applicant.entity';
import { DossierEntity } from './store/entities/dossier.entity';
import { attachmentsOfDossiers, digitisationBySubtree, digitisedAmong, documentsByIds } from './store/documents';
import { deliveriesOfDossiers } from './store/outbox';
import { paymentsOfDossiers } from './store/payments';
import { PaymentEntity } from './store/entities/payment.entity';
import { DeliveryEntity } from './store/entities/delivery.entity';
import { NotificationPreferenceEntity } from './store/entities/notification-preference.entity';
import { nationalTargets, statsByOfficial, statsByProcedure } from './store/statistics';

type StatsByKey = (db: EntityManager, period: Period, keys: string[], scope: string) => Promise<KeyedStats[]>;

/** Batch function for contributed figures: keys are `from|to|scope|subject`; one statement per period and scope. */
const statsBatch = (db: EntityManager, statsByKey: StatsByKey) =>
  batchByGroup(
    async ([from, to, scope], subjects) =>
      new Map((await statsByKey(db, { from: from, to: to }, subjects, scope)).map(({ key, ...stats }): [string, DossierStats] => [key, stats])),
  );

export function createLoaders(db: EntityManager, _peers: Peers, clock: Clock) {
  return defineLoaders({
    // The same statements the delays' batch reads with (store/dossiers.ts), grouped per key here.
    dossierById: async (ids: readonly string[]) => orderByKeys(ids, await dossiersByIds(db, [...new Set(ids)]), (d) => d.id),
    dossierByCode: byKey(db, DossierEntity, 'code'),
    /** Null where the database does not show the caller who applied (see the migration ApplicantApart). */
    applicantByDossier: byKey(db, DossierApplicantEntity, 'dossierId'),
    stepsByDossier: async (ids: readonly string[]) => groupByKeys(ids, await stepsOfDossiers(db, [...new Set(ids)]), (s) => s.dossierId),
    eventsByDossier: async (ids: readonly string[]) => groupByKeys(ids, await eventsOfDossiers(db, [...new Set(ids)]), (e) => e.dossierId),
    /** The working calendar, read once per request whatever the key. */
    calendar: async (keys: readonly string[]) => {
      const calendar = await loadCalendar(db);
      return keys.map(() => calendar);
    },
    /** The national targets, read once per request whatever the key. */
    nationalTargets: async (keys: readonly string[]) => {
      const targets = await nationalTargets(db);
      return keys.map(() => targets);
    },
    /** Late dossiers of a subtree by the unit that caused the delay: keys `from|to|path`. */
    delaysByUnitPath: delaysBatch(db, () => clock.now()),
    statsByUnitPath: statsBatch(db, statsBySubtree),
    statsByProcedure: statsBatch(db, statsByProcedure),
    statsByOfficial: statsBatch(db, statsByOfficial),
    /** Files the caller may see, by id; null for one they may not (row-level security). */
    documentById: async (ids: readonly string[]) => orderByKeys(ids, await documentsByIds(db, [...new Set(ids)]), (d) => d.id),
    filesByDossier: async (ids: readonly string[]) => groupByKeys(ids, await attachmentsOfDossiers(db, [...new Set(ids)]), (f) => f.dossierId),
    /** The outbox's messages of each dossier, those the caller's units own (row-level security). */
    deliveriesByDossier: async (ids: readonly string[]) => groupByKeys(ids, await deliveriesOfDossiers(db, [...new Set(ids)]), (d) => d.dossierId),
    /** Payments of each dossier, shown to whoever is shown its applicant (row-level security). */
    paymentsByDossier: async (ids: readonly string[]) => groupByKeys(ids, await paymentsOfDossiers(db, [...new Set(ids)]), (p) => p.dossierId),
    paymentById: byKey(db, PaymentEntity, 'id'),
    deliveryById: byKey(db, DeliveryEntity, 'id'),
    /** A citizen's own choices (row-level security shows no one else's). */
    preferenceByCitizen: byKey(db, NotificationPreferenceEntity, 'citizenId'),
    digitisedByDossier: async (ids: readonly string[]) => {
      const digitised = await digitisedAmong(db, [...new Set(ids)]);
      return ids.map((id) => digitised.has(id));
    },
    /** Decision 766's digitisation inputs of a subtree: keys `from|to|path`. */
    digitisationByUnitPath: batchByGroup(
      async ([from, to], paths) => new Map((await digitisationBySubtree(db, { from, to }, paths)).map(({ key, ...inputs }) => [key, inputs])),
    ),
    dossierCountByProcedure: async (procedureIds: readonly string[]) =>
      orderByKeys(procedureIds, await dossierCountsByProcedure(db, procedureIds), (row) => row.procedureId).map((row) => row?.count ?? 0),
  });
}

export type DossiersLoaders = ReturnType<typeof createLoaders>;
