import { Kind, parse, valueFromASTUntyped, visit, type DirectiveNode, type DocumentNode } from 'graphql';

/**
 * What the province lets a unit's own subgraph do in the graph, checked on supergraphs (what the
 * gateway will actually do) rather than on the unit's schema text, whose directives may go by any name.
 */

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
 * entities, and share its value types (PageInfo). `grants`: each unit subgraph's name and the
 * fields granted to it.
 */
function unitTakeovers(supergraphSdl: string, grants: Map<string, string[]>): string[] {
  const document = parse(supergraphSdl);
  const graphNames = new Map<string, string>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.ENUM_TYPE_DEFINITION && definition.name.value === 'join__Graph') {
      for (const value of definition.values ?? []) graphNames.set(value.name.value, String(uses(value, 'join__graph')[0]?.name));
    }
  }
  const nameOf = (graph: unknown) => graphNames.get(String(graph)) ?? String(graph);
  const isUnit = (graph: unknown) => grants.has(nameOf(graph));
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
 * Why a supergraph that holds units' subgraphs (`grants`: their names and granted fields) may not
 * be served, one line each: what they take of the province's, and what they hide that
 * `provinceOnly` (the province's subgraphs composed alone) does not.
 */
export function unitPolicyProblems(supergraphSdl: string, provinceOnly: string | undefined, grants: Map<string, string[]>): string[] {
  if (!grants.size) return [];
  const problems = unitTakeovers(supergraphSdl, grants);
  const hiddenByProvince = provinceOnly ? inaccessibleIn(provinceOnly) : new Set<string>();
  for (const coordinate of inaccessibleIn(supergraphSdl)) {
    if (!hiddenByProvince.has(coordinate)) problems.push(`a unit's subgraph hides ${coordinate.split('.').slice(-2).join('.')} (@inaccessible)`);
  }
  return problems;
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
