import type { EntityManager } from 'typeorm';
import { byKey, defineLoaders, groupByKeys, manyByKey } from '../../../shared/loaders';
import { CounterAssignmentEntity } from './store/entities/counter-assignment.entity';
import { CounterEntity } from './store/entities/counter.entity';
import { DutyShiftEntity } from './store/entities/duty-shift.entity';
import { OfficialEntity } from './store/entities/official.entity';
import { SecondmentEntity } from './store/entities/secondment.entity';
import { QueueTicketEntity } from './store/entities/queue-ticket.entity';
import { ticketsOfDays } from './store/queue';

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
    ticketById: byKey(db, QueueTicketEntity, 'id'),
    /** A centre's tickets of a day, by number: keys `centreCode|YYYY-MM-DD`. */
    ticketsByCentreDay: async (keys: readonly string[]) => {
      const days = [...new Set(keys)].map((key) => ({ centreCode: key.split('|')[0], day: key.split('|')[1] }));
      return groupByKeys(keys, await ticketsOfDays(db, days), (t) => `${t.centreCode}|${t.day}`);
    },
  });
}

export type PersonnelLoaders = ReturnType<typeof createLoaders>;
