import type { SubgraphName } from '../shared/config';
import type { Subgraph } from '../shared/subgraph';
import { catalogue } from './catalogue/src';
import { dossiers } from './dossiers/src';
import { feedback } from './feedback/src';
import { personnel } from './personnel/src';

/** The four subgraphs in composition order; tests, composition and the launcher iterate this list. */
export const subgraphs: Subgraph<SubgraphName>[] = [catalogue, dossiers, personnel, feedback];
