import { ClientRequestByCaller } from '../../../shared/migrations/1764700000000-client-request-by-caller';
import { WrittenRows } from '../../../shared/migrations/1765100000000-written-rows';
import path from 'node:path';
import { readSchema, type SubgraphModule } from '../../../shared/subgraph';
import { CounterAssignmentEntity } from './entities/counter-assignment.entity';
import { CounterEntity } from './entities/counter.entity';
import { DutyShiftEntity } from './entities/duty-shift.entity';
import { OfficialEntity } from './entities/official.entity';
import { SecondmentEntity } from './entities/secondment.entity';
import { createLoaders, type PersonnelLoaders } from './loaders';
import { Initial } from './migrations/1763800000000-initial';
import { SecondmentMigration } from './migrations/1764500000000-secondment';
import { Counter, CounterAssignment } from './resolvers/counter';
import { DutyShift } from './resolvers/duty-shift';
import { Mutation } from './resolvers/mutation';
import { Secondment } from './resolvers/secondment';
import { Official } from './resolvers/official';
import { Query } from './resolvers/query';

/** Nhân sự — officials and their secondment to service centres. */
export const personnel: SubgraphModule<PersonnelLoaders> = {
  name: 'personnel',
  typeDefs: readSchema(path.join(__dirname, '..')),
  resolvers: { Query, Mutation, Official, Secondment, Counter, CounterAssignment, DutyShift },
  entities: [OfficialEntity, SecondmentEntity, CounterEntity, CounterAssignmentEntity, DutyShiftEntity],
  migrations: [Initial, SecondmentMigration, ClientRequestByCaller, WrittenRows],
  createLoaders,
};
