import { readFileSync } from 'node:fs';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { Supergraph } from '@apollo/federation-internals';
import { CriticalityLevel, diff } from '@graphql-inspector/core';
import { parse } from 'graphql';
import { ANONYMOUS, signCaller } from '../shared/caller';
import { config, SUBGRAPH_NAMES } from '../shared/config';
import { unitPolicyProblems } from './unit-policy';

export const SUPERGRAPH_FILE = path.join(__dirname, '..', 'supergraph.graphql');

/** One subgraph of the registry: its name, the unit that owns it, and its schema file here or its URL elsewhere. */
export interface RegistryEntry {
  name: string;
  owner: string;
  schema?: string;
  url?: string;
  /**
   * A unit's subgraph: the other subgraphs' fields it may receive through @requires (`Dossier.ownerPath`),
   * granted by the province when it registers it. Any other @external field is refused: it would
   * send the unit data of the province's (an applicant's phone) with every answer that asks for its field.
   */
  grants?: string[];
}

const ROOT = path.join(__dirname, '..');
export const REGISTRY_FILE = path.join(ROOT, 'subgraphs', 'registry.json');
const NAME = /^[a-z][a-z0-9-]{1,40}$/;
const UNIT_PATH = /^[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*$/;

/** The registry, checked: names unique and lower-case, owners unit paths, each entry with a schema file or a URL. */
export function readRegistry(file = REGISTRY_FILE): RegistryEntry[] {
  const { subgraphs: entries } = JSON.parse(readFileSync(file, 'utf8')) as { subgraphs: RegistryEntry[] };
  const problems = entries.flatMap((entry, i) => [
    ...(NAME.test(entry.name)
      ? []
      : [`entry ${i + 1}: name "${entry.name}" is not 2 to 41 lower-case letters, digits and dashes, starting with a letter`]),
    ...(entries.findIndex((other) => other.name === entry.name) === i ? [] : [`entry ${i + 1}: "${entry.name}" is registered twice`]),
    ...(UNIT_PATH.test(entry.owner ?? '') ? [] : [`entry ${i + 1} (${entry.name}): owner "${entry.owner}" is not a unit path (27.259)`]),
    ...(entry.schema || entry.url ? [] : [`entry ${i + 1} (${entry.name}): give its schema file or its URL`]),
    ...(entry.grants === undefined || (Array.isArray(entry.grants) && entry.grants.every((grant) => /^[A-Za-z_]\w*\.[A-Za-z_]\w*$/.test(grant)))
      ? []
      : [`entry ${i + 1} (${entry.name}): grants is a list of Type.field (Dossier.ownerPath)`]),
  ]);
  if (problems.length) throw new Error(`${path.relative(ROOT, file)} is not a valid registry:\n${problems.map((p) => `- ${p}`).join('\n')}`);
  return entries;
}

/** A running subgraph's schema, asked as the gateway asks (signed with the key derived for it from GATEWAY_SECRET): `_service { sdl }`. */
async function remoteSdl(entry: RegistryEntry & { url: string }): Promise<string> {
  const body = JSON.stringify({ query: '{ _service { sdl } }' });
  const response = await fetch(entry.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...signCaller(ANONYMOUS, config.gatewaySecret, { audience: entry.name, body }) },
    body,
    signal: AbortSignal.timeout(10_000),
  }).catch((error: Error) => {
    throw new Error(`Subgraph ${entry.name} at ${entry.url} did not answer (${error.message}); it is composed from its running service.`);
  });
  const answer = (await response.json().catch(() => null)) as { data?: { _service?: { sdl?: string } } } | null;
  const sdl = answer?.data?._service?.sdl;
  if (!response.ok || !sdl) throw new Error(`Subgraph ${entry.name} at ${entry.url} gave no schema (HTTP ${response.status}).`);
  return sdl;
}

/** Where one of this repository's subgraphs listens in development; any other needs its URL in the registry. */
function defaultUrl(name: string): string {
  if (!(SUBGRAPH_NAMES as readonly string[]).includes(name)) throw new Error(`Registry entry ${name}: give its url (where the gateway finds it).`);
  return `http://localhost:${config.port(name)}/graphql`;
}

/**
 * Composes the registry's subgraphs into the supergraph the gateway (or Apollo Router) runs: the
 * schema files of those in this repository, the schema a running one answers for the others. The
 * URLs written in it are the registry's, else the development defaults; deployments override them.
 */
export async function composeSupergraph(entries: RegistryEntry[] = readRegistry()): Promise<string> {
  const services = await Promise.all(
    entries.map(async (entry) => ({
      name: entry.name,
      typeDefs: parse(
        entry.schema ? readFileSync(path.resolve(ROOT, entry.schema), 'utf8') : await remoteSdl(entry as RegistryEntry & { url: string }),
      ),
      url: entry.url ?? defaultUrl(entry.name),
    })),
  );
  const result = composeServices(services);
  if (result.errors) {
    throw new Error(`Composition failed with ${result.errors.length} error(s):\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  }
  const units = entries.filter((entry) => !(SUBGRAPH_NAMES as readonly string[]).includes(entry.name));
  // What the province's subgraphs alone compose to: what a unit hides is measured against it.
  const provinceOnly = units.length
    ? composeServices(services.filter((service) => !units.some((unit) => unit.name === service.name))).supergraphSdl
    : undefined;
  const problems = unitPolicyProblems(result.supergraphSdl, provinceOnly, new Map(units.map((unit) => [unit.name, unit.grants ?? []])));
  if (problems.length) {
    throw new Error(
      `A unit's subgraph may add types, and fields to the province's entities; it may not answer, hide or receive the province's fields without a grant:\n${problems.map((p) => `- ${p}`).join('\n')}`,
    );
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

/**
 * The supergraph of `entries`, checked against the one it replaces (`current`, null for none):
 * refused, with every undeclared breaking change and what to do about it, when it would break
 * operations that work today. `breaking` lists the declared breaks it makes.
 */
export async function composeChecked(
  entries: RegistryEntry[],
  current: string | null,
  declared: string[] = declaredBreakingChanges(),
): Promise<{ supergraph: string; breaking: string[] }> {
  const supergraph = await composeSupergraph(entries);
  const breaking = current ? await breakingChanges(current, supergraph) : [];
  const undeclared = breaking.filter((change) => !declared.includes(change));
  if (undeclared.length) {
    throw new Error(
      [
        `The new supergraph breaks operations that work today (${undeclared.length}):`,
        ...undeclared.map((change) => `  - ${change}`),
        'Keep the old field or argument beside the new one (and mark it @deprecated), or, if the break is intended and its clients are told,',
        'add each message above to "declared" in subgraphs/breaking-changes.json.',
      ].join('\n'),
    );
  }
  return { supergraph, breaking };
}
