import { ClientRequestByCaller } from '../../../shared/migrations/1764700000000-client-request-by-caller';
import { WrittenRows } from '../../../shared/migrations/1765100000000-written-rows';
import path from 'node:path';
import { readSchema, type SubgraphModule } from '../../../shared/subgraph';
import { CounterAssignmentEntity } from './store/entities/counter-assignment.entity';
import { CounterEntity } from './store/entities/counter.entity';
import { DutyShiftEntity } from './store/entities/duty-shift.entity';
import { OfficialEntity } from './store/entities/official.entity';
import { SecondmentEntity } from './store/entities/secondment.entity';
import { createLoaders, type PersonnelLoaders } from './loaders';
import { Initial } from './migrations/1763800000000-initial';
import { SecondmentMigration } from './migrations/1764500000000-secondment';
import { QueueTickets } from './migrations/1766200000000-queue-tickets';
import { QueueTicketEntity } from './store/entities/queue-ticket.entity';
import { resolvers } from './resolvers';

/** Nhân sự — officials and their secondment to service centres. */
export const personnel: SubgraphModule<PersonnelLoaders> = {
  name: 'personnel',
  typeDefs: readSchema(path.join(__dirname, '..')),
  resolvers,
  entities: [OfficialEntity, SecondmentEntity, CounterEntity, CounterAssignmentEntity, DutyShiftEntity, QueueTicketEntity],
  migrations: [Initial, SecondmentMigration, ClientRequestByCaller, WrittenRows, QueueTickets],
  createLoaders,
};
