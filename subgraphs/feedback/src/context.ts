import type { SubgraphContext } from '../../../shared/subgraph';
import type { FeedbackLoaders } from './loaders';

export type Context = SubgraphContext<FeedbackLoaders>;
