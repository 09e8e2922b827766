import { readFileSync } from 'node:fs';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { Supergraph } from '@apollo/federation-internals';
import { CriticalityLevel, diff } from '@graphql-inspector/core';
import { Kind, parse, visit, type DirectiveNode, type DocumentNode, type FieldDefinitionNode, type InputValueDefinitionNode } from 'graphql';
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
    ...(NAME.test(entry.name) ? [] : [`entry ${i + 1}: name "${entry.name}" is not lower-case letters, digits and dashes`]),
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
 * Federation directives by which a subgraph would answer fields another subgraph owns (@override,
 * @shareable, @provides, @interfaceObject) or hide them (@inaccessible): the province's subgraphs
 * may use them among themselves; a unit's subgraph, registered by URL, may not.
 */
const TAKEOVER_DIRECTIVES = new Set(['override', 'shareable', 'provides', 'interfaceObject', 'inaccessible', 'composeDirective']);

/** Where a unit's schema uses a take-over directive, under whatever name its @link imports it. */
function unitSchemaProblems(service: { name: string; typeDefs: DocumentNode }, grants: string[]): string[] {
  const aliases = new Map<string, string>();
  visit(service.typeDefs, {
    Directive(node) {
      if (node.name.value !== 'link') return;
      const imports = node.arguments?.find((argument) => argument.name.value === 'import')?.value;
      if (imports?.kind !== Kind.LIST) return;
      for (const item of imports.values) {
        if (item.kind !== Kind.OBJECT) continue;
        const field = (name: string) => item.fields.find((f) => f.name.value === name)?.value;
        const [name, as] = [field('name'), field('as')];
        if (name?.kind === Kind.STRING && as?.kind === Kind.STRING) aliases.set(as.value.replace(/^@/, ''), name.value.replace(/^@/, ''));
      }
    },
  });
  const used = (directives: readonly DirectiveNode[] | undefined, at: string) =>
    (directives ?? []).flatMap((directive) => {
      const name = aliases.get(directive.name.value) ?? directive.name.value.replace(/^federation__/, '');
      if (TAKEOVER_DIRECTIVES.has(name)) return [`${service.name}: @${name} on ${at}`];
      if (name === 'external' && !grants.includes(at))
        return [`${service.name}: @external ${at} is not among the fields the registry grants it ("grants")`];
      return [];
    });
  const problems = service.typeDefs.definitions.flatMap((definition) => {
    if (!('name' in definition) || !definition.name) return [];
    const type = definition.name.value;
    const fields = 'fields' in definition ? (definition.fields ?? []) : [];
    return [
      ...used(definition.directives, type),
      ...fields.flatMap((field: FieldDefinitionNode | InputValueDefinitionNode) => used(field.directives, `${type}.${field.name.value}`)),
    ];
  });
  return problems;
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
  const problems = services.flatMap((service, i) =>
    (SUBGRAPH_NAMES as readonly string[]).includes(service.name) ? [] : unitSchemaProblems(service, entries[i].grants ?? []),
  );
  if (problems.length) {
    throw new Error(
      `A unit's subgraph may add types and fields, and read only the fields granted to it; not take over or hide the province's:\n${problems.map((p) => `- ${p}`).join('\n')}`,
    );
  }
  const result = composeServices(services);
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
