import type { SubgraphContext } from '../../../shared/subgraph';
import type { CatalogueLoaders } from './loaders';

export type Context = SubgraphContext<CatalogueLoaders>;
