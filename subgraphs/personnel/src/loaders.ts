import type { EntityManager } from 'typeorm';
import { byKey, defineLoaders, manyByKey } from '../../../shared/loaders';
import { CounterAssignmentEntity } from './store/entities/counter-assignment.entity';
import { CounterEntity } from './store/entities/counter.entity';
import { DutyShiftEntity } from './store/entities/duty-shift.entity';
import { OfficialEntity } from './store/entities/official.entity';
import { SecondmentEntity } from './store/entities/secondment.entity';

export function createLoaders(db: EntityManager) {
  return defineLoaders({
    officialById: byKey(db, OfficialEntity, 'id'),
    secondmentById: byKey(db, SecondmentEntity, 'id'),
    secondmentsByOfficial: manyByKey(db, SecondmentEntity, 'officialId', { startDate: 'ASC' }),
    counterById: byKey(db, CounterEntity, 'id'),
    assignmentById: byKey(db, CounterAssignmentEntity, 'id'),
    assignmentsByCounter: manyByKey(db, CounterAssignmentEntity, 'counterId', { startDate: 'ASC' }),
    assignmentsByOfficial: manyByKey(db, CounterAssignmentEntity, 'officialId', { startDate: 'ASC' }),
    dutyShiftById: byKey(db, DutyShiftEntity, 'id'),
  });
}

export type PersonnelLoaders = ReturnType<typeof createLoaders>;
