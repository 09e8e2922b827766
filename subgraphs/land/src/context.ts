import type { SubgraphContext } from '../../../shared/subgraph';
import type { LandLoaders } from './loaders';

export type Context = SubgraphContext<LandLoaders>;
