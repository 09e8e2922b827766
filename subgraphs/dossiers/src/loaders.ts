import type { DataSource } from 'typeorm';
import { byKey, defineLoaders, orderByKeys } from '../../../shared/loaders';
import { DossierEntity } from './entities/dossier.entity';

export function createLoaders(db: DataSource) {
  return defineLoaders({
    dossierById: byKey(db, DossierEntity, 'id'),
    dossierByCode: byKey(db, DossierEntity, 'code'),
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
