import type { EntityManager } from 'typeorm';
import { loadCalendar } from '../../../shared/calendar-store';
import { byKey, defineLoaders, manyByKey, orderByKeys } from '../../../shared/loaders';
import { DossierApplicantEntity } from './entities/dossier-applicant.entity';
import { DossierEventEntity } from './entities/dossier-event.entity';
import { DossierStepEntity } from './entities/dossier-step.entity';
import { DossierEntity } from './entities/dossier.entity';
import { statsBatch, type NationalTarget } from './lifecycle/statistics';
import { delaysBatch } from './lifecycle/delays';
import type { Peers } from '../../../shared/peers';
import type { Clock } from '../../../shared/clock';

export function createLoaders(db: EntityManager, _peers: Peers, clock: Clock) {
  return defineLoaders({
    dossierById: byKey(db, DossierEntity, 'id'),
    dossierByCode: byKey(db, DossierEntity, 'code'),
    /** Null where the database does not show the caller who applied (see the migration ApplicantApart). */
    applicantByDossier: byKey(db, DossierApplicantEntity, 'dossierId'),
    stepsByDossier: manyByKey(db, DossierStepEntity, 'dossierId', { position: 'ASC' }),
    eventsByDossier: manyByKey(db, DossierEventEntity, 'dossierId', { id: 'ASC' }),
    /** The working calendar, read once per request whatever the key. */
    calendar: async (keys: readonly string[]) => {
      const calendar = await loadCalendar(db);
      return keys.map(() => calendar);
    },
    /** The national targets, read once per request whatever the key. */
    nationalTargets: async (keys: readonly string[]) => {
      const targets: NationalTarget[] = await db.query(`SELECT indicator, target_percent::float AS target, source FROM national_target ORDER BY indicator`);
      return keys.map(() => targets);
    },
    /** Late dossiers of a subtree by the unit that caused the delay: keys `from|to|path`. */
    delaysByUnitPath: delaysBatch(db, () => clock.now()),
    statsByUnitPath: statsBatch(db, 'owner_path'),
    statsByProcedure: statsBatch(db, 'procedure_id'),
    statsByOfficial: statsBatch(db, 'handler_id'),
    dossierCountByProcedure: async (procedureIds: readonly string[]) => {
      const rows: { procedureId: string; count: number }[] = await db
        .getRepository(DossierEntity)
        .createQueryBuilder('d')
        .select('d.procedure_id', 'procedureId')
        .addSelect('count(*)::int', 'count')
        .where('d.procedure_id = ANY(:ids)', { ids: [...new Set(procedureIds)] })
        .groupBy('d.procedure_id')
        .getRawMany();
      return orderByKeys(procedureIds, rows, (row) => row.procedureId).map((row) => row?.count ?? 0);
    },
  });
}

export type DossiersLoaders = ReturnType<typeof createLoaders>;
