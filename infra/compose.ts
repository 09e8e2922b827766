import { writeFileSync } from 'node:fs';
import { composeSupergraph, SUPERGRAPH_FILE } from './composition';

/** `npm run compose`: rewrites supergraph.graphql from the subgraphs' schema.graphql files. */
try {
  writeFileSync(SUPERGRAPH_FILE, composeSupergraph());
  console.log(`wrote ${SUPERGRAPH_FILE}`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
