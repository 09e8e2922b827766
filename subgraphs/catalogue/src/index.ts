import { ClientRequestByCaller } from '../../../shared/migrations/1764700000000-client-request-by-caller';
import { UnitRoles } from './migrations/1765300000000-unit-roles';
import { InterAgencyFromProcess } from './migrations/1765400000000-inter-agency-from-process';
import { WrittenRows } from '../../../shared/migrations/1765100000000-written-rows';
import path from 'node:path';
import { readSchema, type SubgraphModule } from '../../../shared/subgraph';
import { AdministrativeUnitEntity } from './store/entities/administrative-unit.entity';
import { FieldEntity } from './store/entities/field.entity';
import { ProcedureEntity } from './store/entities/procedure.entity';
import { createLoaders, type CatalogueLoaders } from './loaders';
import { Initial } from './migrations/1763800000000-initial';
import { ProcedureSearch } from './migrations/1763900000000-procedure-search';
import { UnitHistory } from './migrations/1764000000000-unit-history';
import { ProcedureVersions } from './migrations/1764100000000-procedure-versions';
import { ProcedureVariantEntity } from './store/entities/procedure-variant.entity';
import { ProcedureVersionEntity } from './store/entities/procedure-version.entity';
import { UnitVersionEntity } from './store/entities/unit-version.entity';
import { resolvers } from './resolvers';

/** Danh mục — the unit tree and the procedures catalogue. */
export const catalogue: SubgraphModule<CatalogueLoaders> = {
  name: 'catalogue',
  typeDefs: readSchema(path.join(__dirname, '..')),
  resolvers,
  entities: [AdministrativeUnitEntity, UnitVersionEntity, FieldEntity, ProcedureEntity, ProcedureVersionEntity, ProcedureVariantEntity],
  migrations: [Initial, ProcedureSearch, UnitHistory, ProcedureVersions, ClientRequestByCaller, WrittenRows, UnitRoles, InterAgencyFromProcess],
  createLoaders,
};
