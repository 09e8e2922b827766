import { getNamedType, isCompositeType, isEnumType, type GraphQLField, type GraphQLObjectType } from 'graphql';
import { fingerprint } from '../support/fingerprint';
import { api, leaves, plausibleArguments, setAt } from '../support/schema-cases';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * Every root field of the composed supergraph, every argument and input field in turn given a
 * hostile value (the others plausible), sent through the gateway as an anonymous caller and as
 * signed-in officials. A field added to any subgraph is covered without editing this file.
 */

/** Codes a client may receive for a hostile value: each says what went wrong and whose fault it is. */
const ALLOWED_CODES = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'CONFLICT',
  'GRAPHQL_VALIDATION_FAILED',
  'OPERATION_RESOLUTION_FAILURE',
]);
/** What must never reach a client: stack frames, SQL, driver messages, internal addresses. */
const LEAKS =
  /\bat .+\.(ts|js):\d+|node_modules|\bSELECT\b|\bINSERT\b|\bUPDATE\b.+\bSET\b|syntax error at|violates|duplicate key|postgres|https?:\/\/(127\.0\.0\.1|localhost)|ECONNREFUSED/i;

const TOO_LONG = 'ư'.repeat(20_001);
/** Values no rule may let through, whatever the field; writing any of them would be a defect. */
const REFUSED_TEXT = ['bad\u0000value', 'lone \uD800 half', TOO_LONG];
const REFUSED_BY_TYPE: Record<string, unknown[]> = {
  String: REFUSED_TEXT,
  ID: [...REFUSED_TEXT, 'not-a-uuid', "1' OR '1'='1"],
  Date: ['2026-13-45', '01/12/2026', '2026-12-01T08:00:00+07:00', ''],
  DateTime: ['ngày mai', '2026-02-30T25:00:00+07:00', 1_764_000_000],
  Int: [-1, 2_147_483_648, 1.5],
  Float: [-1, 'NaN', Number.POSITIVE_INFINITY],
  Boolean: ['yes'],
};

interface Case {
  field: string;
  at: string;
  value: unknown;
  query: string;
  variables: Record<string, unknown>;
}

function casesFor(root: GraphQLObjectType, operation: 'query' | 'mutation'): Case[] {
  return Object.values(root.getFields()).flatMap((field: GraphQLField<unknown, unknown>) => {
    const declarations = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
    const call = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
    const selection = isCompositeType(getNamedType(field.type)) ? ' { __typename }' : '';
    const query = `${operation}${declarations ? ` (${declarations})` : ''} { ${field.name}${call ? `(${call})` : ''}${selection} }`;
    const base = plausibleArguments(field.args);
    return field.args.flatMap((argument) =>
      leaves(argument.type, [argument.name]).flatMap(({ at, type }) =>
        (isEnumType(getNamedType(type)) ? ['NO_SUCH_VALUE', 0] : (REFUSED_BY_TYPE[getNamedType(type).name] ?? [])).map((value) => ({
          field: `${operation}.${field.name}`,
          at: at.join('.'),
          value,
          query,
          variables: setAt(base, at, type, value),
        })),
      ),
    );
  });
}

const CASES = [...casesFor(api.getQueryType()!, 'query'), ...casesFor(api.getMutationType()!, 'mutation')];

describe('hostile input on every root field', () => {
  let stack: TestStack;
  let callers: [string, string | undefined][];

  beforeAll(async () => {
    stack = await startTestStack({ dossiers: 30 });
    callers = [
      ['anonymous', undefined],
      ['a commune official', await stack.token({ role: 'OFFICIAL', unit: '27.259.09238' })],
      ['the province administrator', await stack.token({ role: 'ADMIN', unit: '27' })],
    ];
  });
  afterAll(() => stack.stop());

  it('covers every root field of the supergraph', () => {
    const covered = new Set(CASES.map((c) => c.field));
    const withArguments = [
      ...Object.values(api.getQueryType()!.getFields()).map((f) => ['query', f] as const),
      ...Object.values(api.getMutationType()!.getFields()).map((f) => ['mutation', f] as const),
    ]
      .filter(([, f]) => f.args.length > 0)
      .map(([kind, f]) => `${kind}.${f.name}`);
    expect(withArguments.filter((f) => !covered.has(f))).toEqual([]);
    expect(CASES.length).toBeGreaterThan(500);
  });

  it('answers each with a code from the fixed list, below HTTP 500, within seconds, leaking nothing and changing no row', async () => {
    const before = await fingerprint(stack);
    const failures: string[] = [];
    let sent = 0;
    const jobs = callers.flatMap(([who, token]) => CASES.map((c) => ({ who, token, c })));
    const worker = async () => {
      for (let job = jobs.shift(); job; job = jobs.shift()) {
        const { who, token, c } = job;
        const started = Date.now();
        const where = `${c.field} ${c.at}=${JSON.stringify(c.value).slice(0, 30)} as ${who}`;
        try {
          const response = await fetch(stack.gatewayUrl, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
            body: JSON.stringify({ query: c.query, variables: c.variables }),
            signal: AbortSignal.timeout(5_000),
          });
          const text = await response.text();
          sent += 1;
          const body = JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] };
          const codes = (body.errors ?? []).map((e) => e.extensions?.code ?? 'NO_CODE');
          const wrongCodes = codes.filter((code) => !ALLOWED_CODES.has(code));
          if (response.status >= 500) failures.push(`${where}: HTTP ${response.status}`);
          if (wrongCodes.length) failures.push(`${where}: ${wrongCodes.join(', ')} ${text.slice(0, 200)}`);
          if (LEAKS.test(text)) failures.push(`${where}: leaks ${text.match(LEAKS)![0]}`);
          if (Date.now() - started > 4_000) failures.push(`${where}: took ${Date.now() - started} ms`);
        } catch (error) {
          failures.push(`${where}: ${(error as Error).message}`);
        }
      }
    };
    await Promise.all(Array.from({ length: 4 }, worker));
    expect(failures).toEqual([]);
    expect(sent).toBe(CASES.length * callers.length);
    expect(await fingerprint(stack)).toEqual(before);
  });
});
