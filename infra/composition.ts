import { readFileSync } from 'node:fs';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { config } from '../shared/config';
import { subgraphs } from '../subgraphs';

export const SUPERGRAPH_FILE = path.join(__dirname, '..', 'supergraph.graphql');

/**
 * Composes the four subgraph schemas into the supergraph the gateway (or Apollo Router) runs.
 * The URLs written in it are the development defaults; deployments override them per subgraph.
 */
export function composeSupergraph(): string {
  const result = composeServices(
    subgraphs.map((module) => ({ name: module.name, typeDefs: module.typeDefs, url: `http://localhost:${config.port(module.name)}/graphql` })),
  );
  if (result.errors) {
    throw new Error(`Composition failed with ${result.errors.length} error(s):\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  }
  return result.supergraphSdl;
}

export function readSupergraph(): string {
  return readFileSync(SUPERGRAPH_FILE, 'utf8');
}
