import type { DataSource } from 'typeorm';
import { byKey, defineLoaders } from '../../../shared/loaders';
import { OfficialEntity } from './entities/official.entity';

export function createLoaders(db: DataSource) {
  return defineLoaders({
    officialById: byKey(db, OfficialEntity, 'id'),
  });
}

export type PersonnelLoaders = ReturnType<typeof createLoaders>;
