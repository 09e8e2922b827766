import path from 'node:path';
import { UnitSubgraphKernel } from '../../../shared/migrations/1766400000000-unit-subgraph-kernel';
import { readSchema, type SubgraphModule } from '../../../shared/subgraph';
import { createLoaders, type LandLoaders } from './loaders';
import { Parcels } from './migrations/1766500000000-parcels';
import { resolvers } from './resolvers';
import { DossierParcelEntity } from './store/entities/dossier-parcel.entity';
import { LandParcelEntity } from './store/entities/land-parcel.entity';
import { LandParcelOwnerEntity } from './store/entities/land-parcel-owner.entity';

/**
 * Đất đai — the land registry of Thành phố Bắc Ninh's branch of the land registration office: a
 * unit's own subgraph, run and deployed by the branch, registered with the province by name and URL.
 */
export const land: SubgraphModule<LandLoaders, 'land'> = {
  name: 'land',
  owner: '27.256.256-CNDD',
  devPort: 4005,
  typeDefs: readSchema(path.join(__dirname, '..')),
  resolvers,
  entities: [LandParcelEntity, LandParcelOwnerEntity, DossierParcelEntity],
  migrations: [UnitSubgraphKernel, Parcels],
  createLoaders,
};
