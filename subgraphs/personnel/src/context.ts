import type { SubgraphContext } from '../../../shared/subgraph';
import type { PersonnelLoaders } from './loaders';

export type Context = SubgraphContext<PersonnelLoaders>;
