import type { EntityManager } from 'typeorm';
import { byKey, defineLoaders, manyByKey } from '../../../shared/loaders';
import { AdministrativeUnitEntity } from './entities/administrative-unit.entity';
import { FieldEntity } from './entities/field.entity';
import { ProcedureEntity } from './entities/procedure.entity';
import { ProcedureVariantEntity } from './entities/procedure-variant.entity';
import { ProcedureVersionEntity } from './entities/procedure-version.entity';
import { versionAt } from './procedures/versions';
import { childrenAt, history, unitAt } from './units/versions';

export function createLoaders(db: EntityManager) {
  return defineLoaders({
    unitByCode: byKey(db, AdministrativeUnitEntity, 'code'),
    unitChildren: manyByKey(db, AdministrativeUnitEntity, 'parentCode', { path: 'ASC' }),
    unitAt: unitAt(db),
    unitChildrenAt: childrenAt(db),
    unitHistory: history(db),
    fieldByCode: byKey(db, FieldEntity, 'code'),
    procedureById: byKey(db, ProcedureEntity, 'id'),
    versionById: byKey(db, ProcedureVersionEntity, 'id'),
    versionsByProcedure: manyByKey(db, ProcedureVersionEntity, 'procedureId', { number: 'ASC' }),
    versionAt: versionAt(db),
    variantById: byKey(db, ProcedureVariantEntity, 'id'),
    variantsByVersion: manyByKey(db, ProcedureVariantEntity, 'versionId', { position: 'ASC' }),
  });
}

export type CatalogueLoaders = ReturnType<typeof createLoaders>;
