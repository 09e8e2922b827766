import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import {
  getNamedType,
  GraphQLError,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  OperationTypeNode,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLInputType,
  type SelectionSetNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValueNode,
} from 'graphql';
import { DateTimeResolver, LocalDateResolver } from 'graphql-scalars';

/**
 * The rules every value a caller sends must meet, whatever the field: checked once per request,
 * against the schema, before anything runs. The gateway applies them so a bad value never
 * reaches a subgraph; each subgraph applies them again, since it trusts nothing it did not check.
 */

/** Longest text, in characters, by input field or argument name; anything else is `DEFAULT_TEXT_LIMIT`. */
const LONG_TEXT = 10_000;
const TEXT_LIMITS: Record<string, number> = {
  // Free text a citizen or an official writes: petitions, answers, reasons, a procedure's conditions.
  content: LONG_TEXT,
  answer: LONG_TEXT,
  comment: LONG_TEXT,
  reason: LONG_TEXT,
  conditions: LONG_TEXT,
  legalBasis: LONG_TEXT,
  steps: LONG_TEXT,
  applicants: LONG_TEXT,
  text: LONG_TEXT,
  result: LONG_TEXT,
  missingItems: LONG_TEXT,
  search: 200,
  clientRequestId: 128,
  // Vietnamese ID numbers (CCCD) have 12 digits, passports fewer; phone numbers at most 15 digits.
  idNumber: 20,
  phone: 20,
};
const DEFAULT_TEXT_LIMIT = 1_000;
/** Codes and ids people type or scan: `000.17.22.H56-240312-0001`, `27.259.09238`, a UUID. */
const CODE_LIMIT = 64;
/** Text fields that hold codes people type or scan (not ids): trimmed and case-folded before any lookup (see `normaliseCodes`). */
export const holdsCode = (name: string) => /(^code|Code|codes|Codes|Path|electronicId)$/.test(name);
const isCodeName = (name: string) => holdsCode(name) || /(^id|Id|Ids)$/.test(name);
/** Dates the platform can mean: a birth in the last century to a deadline far ahead; PostgreSQL refuses year 0. */
const YEARS = { first: 1900, last: 2999 };
/** Input objects nested deeper than any input type of the schema. */
const MAX_VALUE_DEPTH = 16;

function textLimit(name: string): number {
  return TEXT_LIMITS[name] ?? (isCodeName(name) ? CODE_LIMIT : DEFAULT_TEXT_LIMIT);
}

/** A lone half of a UTF-16 surrogate pair: not a character, and PostgreSQL refuses it. */
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Control characters (C0, DEL and C1) other than tab and line breaks (LF, CR, NEL): invisible, they make stored text lie about what it says (terminal escapes included). */
const CONTROL = /(?![\t\n\r\u0085])\p{Cc}/u;
/**
 * Invisible format characters that make text display as something it is not: direction marks,
 * overrides and isolates, zero-width space, word joiners, line/paragraph separators, the BOM.
 * (The zero-width joiners U+200C/U+200D stay: emoji and some scripts need them.)
 */
const BIDI_CONTROL = /[\u061C\u200B\u200E\u200F\u2028-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;

const show = (value: unknown) => {
  const text =
    typeof value === 'string' ? value : typeof value === 'object' && value !== null ? (Array.isArray(value) ? 'a list' : 'an object') : String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
};

const yearOf = (value: unknown) => (typeof value === 'string' ? Number(value.slice(0, 4)) : NaN);

export interface InputProblem {
  field: string;
  message: string;
}

/** What is wrong with one scalar value, or null; `name` is the field or argument it was given for. */
function scalarProblem(type: string, name: string, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'Date':
      try {
        LocalDateResolver.parseValue(value);
        if (yearOf(value) < YEARS.first || yearOf(value) > YEARS.last)
          return `expected a date between ${YEARS.first}-01-01 and ${YEARS.last}-12-31, got ${show(value)}`;
        return null;
      } catch {
        return `expected a date YYYY-MM-DD, got ${show(value)}`;
      }
    case 'DateTime':
      try {
        DateTimeResolver.parseValue(value);
        if (yearOf(value) < YEARS.first || yearOf(value) > YEARS.last)
          return `expected an instant between the years ${YEARS.first} and ${YEARS.last}, got ${show(value)}`;
        return null;
      } catch {
        return `expected an instant in ISO 8601 with its offset (2026-12-01T08:30:00+07:00), got ${show(value)}`;
      }
    case 'String':
    case 'ID': {
      if (typeof value !== 'string') return null; // graphql's own coercion reports the wrong type
      if (value.includes('\u0000')) return 'must not contain the NUL character (U+0000)';
      if (UNPAIRED_SURROGATE.test(value)) return 'contains an unpaired UTF-16 surrogate; send valid Unicode text';
      if (CONTROL.test(value)) return 'contains a control character; send plain text (tabs and line breaks are fine)';
      if (BIDI_CONTROL.test(value))
        return 'contains an invisible formatting character (a direction mark or override, a zero-width space, a separator or a BOM); send plain text';
      const limit = textLimit(name);
      if (value.length > limit) return `is ${value.length} characters long; at most ${limit} are allowed`;
      return null;
    }
    default:
      return null;
  }
}

/** Where a variable's value lands: the type it must meet there and the field path it is named by. */
interface VariableSite {
  variable: string;
  type: GraphQLInputType;
  field: string;
  name: string;
}

/** What a document alone tells: the problems of its literals, and where its variables land. */
interface Analysis {
  literalProblems: InputProblem[];
  variableSites: VariableSite[];
}

const problem = (field: string, message: string): InputProblem => ({ field, message: `${field}: ${message}` });

/** A runtime value (from variables) against its declared type. */
function valueProblems(type: GraphQLInputType, value: unknown, field: string, name: string, problems: InputProblem[], depth = 0): void {
  if (value === null || value === undefined) return;
  if (depth > MAX_VALUE_DEPTH) return void problems.push(problem(field, 'is nested deeper than its type allows'));
  if (isNonNullType(type)) return valueProblems(type.ofType, value, field, name, problems, depth);
  if (isListType(type)) {
    if (Array.isArray(value)) value.forEach((item, i) => valueProblems(type.ofType, item, `${field}.${i}`, name, problems, depth + 1));
    else valueProblems(type.ofType, value, field, name, problems, depth + 1);
    return;
  }
  if (isInputObjectType(type)) {
    if (typeof value !== 'object') return;
    const fields = type.getFields();
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      const definition = fields[key];
      if (definition) valueProblems(definition.type, item, `${field}.${key}`, key, problems, depth + 1);
    }
    return;
  }
  const message = scalarProblem(getNamedType(type).name, name, value);
  if (message) problems.push(problem(field, message));
}

function analyse(schema: GraphQLSchema, operation: OperationDefinitionNode): Analysis {
  const analysis: Analysis = { literalProblems: [], variableSites: [] };
  // A literal in the document, which may hold variables anywhere inside it.
  const literal = (type: GraphQLInputType, node: ValueNode, field: string, name: string): void => {
    if (node.kind === Kind.VARIABLE) return void analysis.variableSites.push({ variable: node.name.value, type, field, name });
    if (isNonNullType(type)) return literal(type.ofType, node, field, name);
    if (isListType(type)) {
      if (node.kind === Kind.LIST) node.values.forEach((item, i) => literal(type.ofType, item, `${field}.${i}`, name));
      else literal(type.ofType, node, field, name);
      return;
    }
    if (isInputObjectType(type)) {
      if (node.kind !== Kind.OBJECT) return;
      const fields = type.getFields();
      for (const item of node.fields) {
        const definition = fields[item.name.value];
        if (definition) literal(definition.type, item.value, `${field}.${item.name.value}`, item.name.value);
      }
      return;
    }
    const typeName = getNamedType(type).name;
    if (node.kind !== Kind.STRING) {
      // graphql's own message for a number given as a date names neither the argument nor the form.
      if ((typeName === 'Date' || typeName === 'DateTime') && node.kind !== Kind.NULL) {
        analysis.literalProblems.push(
          problem(field, typeName === 'Date' ? 'expected a date YYYY-MM-DD in quotes' : 'expected an instant in ISO 8601 with its offset, in quotes'),
        );
      }
      return;
    }
    const message = scalarProblem(typeName, name, node.value);
    if (message) analysis.literalProblems.push(problem(field, message));
  };
  const typeInfo = new TypeInfo(schema);
  visit(
    operation,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        const argument = typeInfo.getArgument();
        if (argument) literal(argument.type, node.value, node.name.value, node.name.value);
        return false;
      },
    }),
  );
  return analysis;
}

/** Analyses by schema and operation: Apollo reuses the parsed document of a repeated query, so each is walked once. */
const analyses = new WeakMap<GraphQLSchema, WeakMap<OperationDefinitionNode, Analysis>>();

/**
 * Every problem in the values an operation sends, literal or through variables, each named by
 * its path from the argument (`input.applicant.name`, `at`), the way resolvers name fields.
 */
export function inputProblems(schema: GraphQLSchema, operation: OperationDefinitionNode, variables: Record<string, unknown> = {}): InputProblem[] {
  let bySchema = analyses.get(schema);
  if (!bySchema) analyses.set(schema, (bySchema = new WeakMap()));
  let analysis = bySchema.get(operation);
  if (!analysis) bySchema.set(operation, (analysis = analyse(schema, operation)));
  const problems = [...analysis.literalProblems];
  for (const site of analysis.variableSites) valueProblems(site.type, variables[site.variable], site.field, site.name, problems);
  return problems;
}

/** The root fields an operation selects, through inline fragments and fragment spreads, `__typename` aside. */
function rootFields(selectionSet: SelectionSetNode, document: DocumentNode, seen = new Set<string>()): number {
  return selectionSet.selections.reduce((count, selection) => {
    if (selection.kind === Kind.FIELD) return count + (selection.name.value === '__typename' ? 0 : 1);
    if (selection.kind === Kind.INLINE_FRAGMENT) return count + rootFields(selection.selectionSet, document, seen);
    const name = selection.name.value;
    if (seen.has(name)) return count;
    seen.add(name);
    const fragment = document.definitions.find((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === name);
    return count + (fragment ? rootFields(fragment.selectionSet, document, seen) : 0);
  }, 0);
}

/**
 * Apollo plugin: refuses, before it is planned or executed, a request that names no single
 * operation (OPERATION_RESOLUTION_FAILURE) or whose values break the rules above (BAD_USER_INPUT,
 * naming the first field at fault and listing the others).
 */
export function inputRulesPlugin<C extends BaseContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, schema, request, document }) {
          if (!operation) {
            // Apollo leaves this to the gateway, which reports it as an internal error.
            const names = document.definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION ? [d.name?.value ?? '(anonymous)'] : []));
            const message = request.operationName
              ? `The document has no operation named "${request.operationName}"; it has ${names.join(', ')}.`
              : `The document holds ${names.length} operations (${names.join(', ')}); say which to run in operationName.`;
            throw new GraphQLError(message, { extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } } });
          }
          if (operation.operation === OperationTypeNode.SUBSCRIPTION) {
            throw new GraphQLError('This API offers no subscriptions; ask again with a query.', {
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
            });
          }
          // Each mutation is its own transaction: in one request, a later failure would hide what an earlier one wrote.
          const mutations = operation.operation === OperationTypeNode.MUTATION ? rootFields(operation.selectionSet, document) : 0;
          if (mutations > 1) {
            throw new GraphQLError(`Send one mutation per request (this one has ${mutations}), so each is answered with what it wrote.`, {
              extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
            });
          }
          const problems = inputProblems(schema, operation, request.variables ?? {});
          if (!problems.length) return;
          throw new GraphQLError(problems.map((p) => p.message).join('; '), {
            extensions: { code: 'BAD_USER_INPUT', field: problems[0].field, http: { status: 400 } },
          });
        },
      };
    },
  };
}
