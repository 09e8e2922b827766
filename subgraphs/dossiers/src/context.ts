import type { SubgraphContext } from '../../../shared/subgraph';
import type { DossiersLoaders } from './loaders';

export type Context = SubgraphContext<DossiersLoaders>;
