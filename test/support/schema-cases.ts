import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { getNamedType, isEnumType, isInputObjectType, isListType, isNonNullType, type GraphQLArgument, type GraphQLInputType } from 'graphql';

/**
 * The composed API schema and the helpers that build requests from it, so suites that try every
 * root field (hostile input, cross-tier writes) cover a field added to any subgraph without edits.
 */
export const api = Supergraph.build(readFileSync(path.join(__dirname, '..', '..', 'supergraph.graphql'), 'utf8'))
  .apiSchema()
  .toGraphQLJSSchema();

/** A value each type accepts, so that only the hostile one is at fault. */
export function plausible(type: GraphQLInputType, depth = 0): unknown {
  if (isNonNullType(type)) return plausible(type.ofType, depth);
  if (isListType(type)) return [plausible(type.ofType, depth)];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    if (depth > 5) return {};
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((f) => isNonNullType(f.type))
        .map((f) => [f.name, plausible(f.type, depth + 1)]),
    );
  }
  switch (type.name) {
    case 'Int':
      return 1;
    case 'Float':
      return 1;
    case 'Boolean':
      return true;
    case 'Date':
      return '2026-11-20';
    case 'DateTime':
      return '2026-11-20T09:00:00+07:00';
    case 'ID':
      return '00000000-0000-4000-8000-000000000000';
    default:
      return 'plausible';
  }
}

/** Paths to every leaf of an argument's type, with the type found there. */
export function leaves(type: GraphQLInputType, at: string[], depth = 0): { at: string[]; type: GraphQLInputType }[] {
  const named = getNamedType(type);
  if (isInputObjectType(named)) {
    if (depth > 4) return [];
    return Object.values(named.getFields()).flatMap((f) => leaves(f.type, [...at, f.name], depth + 1));
  }
  return [{ at, type }];
}

export function setAt(value: Record<string, unknown>, at: string[], leafType: GraphQLInputType, hostile: unknown): Record<string, unknown> {
  const copy = structuredClone(value);
  let cursor: Record<string, unknown> = copy;
  for (const key of at.slice(0, -1)) {
    const next = cursor[key];
    // An optional input object left out of the plausible value, or a list of them: fill in the one we need.
    if (Array.isArray(next)) cursor = next[0] as Record<string, unknown>;
    else {
      const filled = (next ?? {}) as Record<string, unknown>;
      cursor[key] = filled;
      cursor = filled;
    }
  }
  cursor[at[at.length - 1]] = isListType(isNonNullType(leafType) ? leafType.ofType : leafType) ? [hostile] : hostile;
  return copy;
}

/** Object types that need the fields their arguments require: fill the whole path's required parents. */
export function plausibleArguments(args: readonly GraphQLArgument[]): Record<string, unknown> {
  return Object.fromEntries(args.filter((a) => isNonNullType(a.type)).map((a) => [a.name, plausible(a.type)]));
}
