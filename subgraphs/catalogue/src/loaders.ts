import type { EntityManager } from 'typeorm';
import { byKey, defineLoaders, manyByKey } from '../../../shared/loaders';
import { AdministrativeUnitEntity } from './store/entities/administrative-unit.entity';
import { FieldEntity } from './store/entities/field.entity';
import { ProcedureEntity } from './store/entities/procedure.entity';
import { ProcedureVariantEntity } from './store/entities/procedure-variant.entity';
import { ProcedureVersionEntity } from './store/entities/procedure-version.entity';
import { versionsAt } from './store/procedures';
import { unitHistories, unitsAt, unitsInsideAt } from './store/units';

export function createLoaders(db: EntityManager) {
  return defineLoaders({
    unitByCode: byKey(db, AdministrativeUnitEntity, 'code'),
    unitChildren: manyByKey(db, AdministrativeUnitEntity, 'parentCode', { path: 'ASC' }),
    unitAt: (keys: readonly string[]) => unitsAt(db, keys),
    unitChildrenAt: (keys: readonly string[]) => unitsInsideAt(db, keys),
    unitHistory: (codes: readonly string[]) => unitHistories(db, codes),
    fieldByCode: byKey(db, FieldEntity, 'code'),
    procedureById: byKey(db, ProcedureEntity, 'id'),
    versionById: byKey(db, ProcedureVersionEntity, 'id'),
    versionsByProcedure: manyByKey(db, ProcedureVersionEntity, 'procedureId', { number: 'ASC' }),
    versionAt: (keys: readonly string[]) => versionsAt(db, keys),
    variantById: byKey(db, ProcedureVariantEntity, 'id'),
    variantsByVersion: manyByKey(db, ProcedureVariantEntity, 'versionId', { position: 'ASC' }),
  });
}

export type CatalogueLoaders = ReturnType<typeof createLoaders>;
