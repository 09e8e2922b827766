import { readFileSync } from 'node:fs';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { Supergraph } from '@apollo/federation-internals';
import { CriticalityLevel, diff } from '@graphql-inspector/core';
import { Kind, parse, valueFromASTUntyped, visit, type DirectiveNode, type DocumentNode } from 'graphql';
import { ANONYMOUS, signCaller } from '../shared/caller';
import { config, SUBGRAPH_NAMES } from '../shared/config';

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

type Directed = { directives?: readonly DirectiveNode[] };

/** The arguments of each use of `name` on a node, as plain values (`graph` the join__Graph value). */
function uses(node: Directed, name: string): Record<string, unknown>[] {
  return (node.directives ?? [])
    .filter((directive) => directive.name.value === name)
    .map((directive) =>
      Object.fromEntries((directive.arguments ?? []).map((argument) => [argument.name.value, valueFromASTUntyped(argument.value)])),
    );
}

/** The top-level fields of a key's selection ("id", "code asOf"; nested selections name their parent). */
const keyFields = (key: unknown) =>
  typeof key === 'string'
    ? key
        .replace(/\{[^{}]*\}/g, ' ')
        .split(/\s+/)
        .filter(Boolean)
    : [];

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

/**
 * What a unit's subgraph would take of the province's, read from the composed supergraph itself
 * (whatever names its schema gave the federation directives): a field of the province's it answers
 * too (shared, overridden, provided), one it receives (@external) that its entry does not grant, an
 * interface object, a value of its own in the province's enum, or an input, union or interface
 * of the province's it redefines (an input narrowed). It may add types, fields to the province's
 * entities, and share its value types (PageInfo).
 */
function unitTakeovers(supergraphSdl: string, entries: RegistryEntry[]): string[] {
  const document = parse(supergraphSdl);
  const graphNames = new Map<string, string>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.ENUM_TYPE_DEFINITION && definition.name.value === 'join__Graph') {
      for (const value of definition.values ?? []) graphNames.set(value.name.value, String(uses(value, 'join__graph')[0]?.name));
    }
  }
  const unitNames = new Set(entries.filter((entry) => !(SUBGRAPH_NAMES as readonly string[]).includes(entry.name)).map((entry) => entry.name));
  const grants = new Map(entries.map((entry) => [entry.name, entry.grants ?? []]));
  const nameOf = (graph: unknown) => graphNames.get(String(graph)) ?? String(graph);
  const isUnit = (graph: unknown) => unitNames.has(nameOf(graph));
  const problems: string[] = [];
  for (const definition of document.definitions) {
    if (!('name' in definition) || !definition.name || definition.name.value.startsWith('join__') || definition.name.value.startsWith('link__'))
      continue;
    const type = definition.name.value;
    const joined = uses(definition, 'join__type');
    const unitJoins = joined.filter((join) => isUnit(join.graph));
    const coreJoined = joined.some((join) => !isUnit(join.graph));
    if (!unitJoins.length) continue;
    for (const join of unitJoins) {
      if (join.isInterfaceObject) problems.push(`${nameOf(join.graph)}: ${type} as an interface object`);
    }
    if (!coreJoined || definition.kind === Kind.SCALAR_TYPE_DEFINITION) continue;
    if (definition.kind === Kind.ENUM_TYPE_DEFINITION) {
      // The same values are fine (a unit answering with the province's statuses); a value of its own would reach the province's clients.
      for (const value of definition.values ?? []) {
        const graphs = uses(value, 'join__enumValue').map((use) => use.graph);
        if (graphs.length && graphs.every(isUnit))
          problems.push(`${graphs.map(nameOf).join(', ')}: adds ${value.name.value} to the province's enum ${type}`);
      }
      continue;
    }
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) {
      problems.push(`${unitJoins.map((join) => nameOf(join.graph)).join(', ')}: redefines the province's ${type}; name a type of its own`);
      continue;
    }
    // A value type (no key of the unit's): each subgraph answers only the objects it returns itself.
    if (!ROOT_TYPES.has(type) && !unitJoins.some((join) => join.key)) continue;
    const definingGraphs = joined.map((join) => join.graph);
    for (const field of definition.fields ?? []) {
      const at = `${type}.${field.name.value}`;
      const fieldJoins = uses(field, 'join__field');
      // No join__field: every subgraph that defines the type answers the field.
      const answering = fieldJoins.length ? fieldJoins.filter((join) => !join.external).map((join) => join.graph) : definingGraphs;
      for (const join of fieldJoins.filter((j) => isUnit(j.graph))) {
        const unit = nameOf(join.graph);
        if (join.external && !grants.get(unit)?.includes(at))
          problems.push(`${unit}: receives ${at} (@external), which its registry entry does not grant ("grants")`);
        if (join.override) problems.push(`${unit}: overrides ${at}`);
        if (join.provides) problems.push(`${unit}: provides ${join.provides as string} through ${at}`);
      }
      if (!answering.some((graph) => !isUnit(graph))) continue;
      for (const graph of answering.filter(isUnit)) {
        const keys = unitJoins.filter((join) => join.graph === graph).flatMap((join) => keyFields(join.key));
        if (!keys.includes(field.name.value)) problems.push(`${nameOf(graph)}: answers ${at}, which the province's subgraphs answer`);
      }
    }
  }
  return problems;
}

/** The coordinates the supergraph hides from clients (@inaccessible). */
function inaccessibleIn(supergraphSdl: string): Set<string> {
  const hidden = new Set<string>();
  visit(parse(supergraphSdl), {
    enter(node, _key, _parent, _path, ancestors) {
      if (!('directives' in node) || !node.directives?.some((d) => d.name.value === 'inaccessible')) return;
      const names = [...ancestors, node].flatMap((a) =>
        a && typeof a === 'object' && 'name' in a && a.name && 'value' in a.name ? [a.name.value] : [],
      );
      hidden.add(names.join('.'));
    },
  });
  return hidden;
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
  const problems = unitTakeovers(result.supergraphSdl, entries);
  const units = services.filter((service) => !(SUBGRAPH_NAMES as readonly string[]).includes(service.name));
  if (units.length) {
    // Hidden by a unit: what the province's subgraphs alone do not hide.
    const own = composeServices(services.filter((service) => !units.includes(service)));
    const ownHidden = own.supergraphSdl ? inaccessibleIn(own.supergraphSdl) : new Set<string>();
    for (const coordinate of inaccessibleIn(result.supergraphSdl)) {
      if (!ownHidden.has(coordinate)) problems.push(`a unit's subgraph hides ${coordinate.split('.').slice(-2).join('.')} (@inaccessible)`);
    }
  }
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

/** The other subgraphs' fields a schema asks to receive (@external), as `Type.field`: what its registry entry must grant. */
export function externalFields(typeDefs: DocumentNode): string[] {
  return typeDefs.definitions.flatMap((definition) =>
    'fields' in definition && 'name' in definition && definition.name
      ? (definition.fields ?? []).flatMap((field) =>
          field.directives?.some((d) => d.name.value === 'external') ? [`${definition.name.value}.${field.name.value}`] : [],
        )
      : [],
  );
}
