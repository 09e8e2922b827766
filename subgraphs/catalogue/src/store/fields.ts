import type { EntityManager } from 'typeorm';
import { FieldEntity } from './entities/field.entity';

/** The field (lĩnh vực) with this code, or null. */
export function fieldByCode(db: EntityManager, code: string): Promise<FieldEntity | null> {
  return db.findOneBy(FieldEntity, { code });
}

/** Every field, by name. */
export function fieldsByName(db: EntityManager): Promise<FieldEntity[]> {
  return db.getRepository(FieldEntity).find({ order: { name: 'ASC' } });
}
