import path from 'node:path';
import { readSchema, type SubgraphModule } from '../../../shared/subgraph';
import { OfficialEntity } from './entities/official.entity';
import { createLoaders, type PersonnelLoaders } from './loaders';
import { Initial } from './migrations/1763800000000-initial';
import { Official } from './resolvers/official';
import { Query } from './resolvers/query';

/** Nhân sự — officials and their secondment to service centres. */
export const personnel: SubgraphModule<PersonnelLoaders> = {
  name: 'personnel',
  typeDefs: readSchema(path.join(__dirname, '..')),
  resolvers: { Query, Official },
  entities: [OfficialEntity],
  migrations: [Initial],
  createLoaders,
};
