import { readFileSync } from 'node:fs';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { Supergraph } from '@apollo/federation-internals';
import { CriticalityLevel, diff } from '@graphql-inspector/core';
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

/** The schema clients see of a supergraph: its API schema (what is @inaccessible is nobody's contract). */
const apiSchemaOf = (supergraphSdl: string) => Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();

/**
 * What in `next` breaks operations that work against `current` (a field or type removed, a type
 * changed, a new required argument), by @graphql-inspector's rules, as its messages.
 */
export async function breakingChanges(current: string, next: string): Promise<string[]> {
  const changes = await diff(apiSchemaOf(current), apiSchemaOf(next));
  return changes.filter((change) => change.criticality.level === CriticalityLevel.Breaking).map((change) => change.message);
}

/** Breaking changes a commit declares on purpose (subgraphs/breaking-changes.json), each by its message; anything else breaking is refused. */
export const DECLARED_FILE = path.join(__dirname, '..', 'subgraphs', 'breaking-changes.json');
export const declaredBreakingChanges = (): string[] => (JSON.parse(readFileSync(DECLARED_FILE, 'utf8')) as { declared: string[] }).declared;
