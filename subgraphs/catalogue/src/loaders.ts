import type { DataSource } from 'typeorm';
import { byKey, defineLoaders, manyByKey } from '../../../shared/loaders';
import { AdministrativeUnitEntity } from './entities/administrative-unit.entity';
import { FieldEntity } from './entities/field.entity';
import { ProcedureEntity } from './entities/procedure.entity';

export function createLoaders(db: DataSource) {
  return defineLoaders({
    unitByCode: byKey(db, AdministrativeUnitEntity, 'code'),
    unitChildren: manyByKey(db, AdministrativeUnitEntity, 'parentCode', { path: 'ASC' }),
    fieldByCode: byKey(db, FieldEntity, 'code'),
    procedureById: byKey(db, ProcedureEntity, 'id'),
  });
}

export type CatalogueLoaders = ReturnType<typeof createLoaders>;
