import { Client, type QueryResult } from 'pg';
import type { Role } from '../../shared/caller';
import { config, SUBGRAPH_NAMES, type SubgraphName } from '../../shared/config';
import { issueToken, type OpenIdOptions } from '../../gateway/src/auth';
import { UNLIMITED_ANONYMOUS, type AnonymousLimits } from '../../gateway/src/plugins/anonymous-limits';
import { buildDemo, type DemoData, type DemoOptions } from '../../infra/seed/demo';
import { writeDemo } from '../../infra/seed/seed';
import { startStack, type Stack, type StackOptions } from '../../infra/stack';
import { TEST_CLOCK } from './clock';
import { freshDatabases } from './databases';

export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; field?: string } }[];
}

export interface TestStack extends Stack {
  demo: DemoData;
  /** Migration (owner) URLs, for checking rows behind the application's back. */
  ownerUrls: Record<SubgraphName, string>;
  /** A statement on a subgraph's database as the schema owner, behind the application's back (one connection per database, closed by stop). */
  ownerQuery(name: SubgraphName, sql: string, params?: unknown[]): Promise<QueryResult>;
  /** A development token; `officialId` names the official acting (checked with personnel by the gateway). */
  token(caller: { role: Role; unit?: string; sub?: string; officialId?: string; taxCode?: string }): Promise<string>;
  /** POSTs an operation to the gateway over HTTP, as a portal would. */
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>>;
  /**
   * The subgraphs that received a request while `work` ran, sorted: which services an operation
   * fetched (the federation repository's `toCallService`), counted where the requests arrive.
   */
  servicesCalled(work: () => Promise<unknown>): Promise<SubgraphName[]>;
  /** The documents' database, as its owner (the files' parts). */
  documentsUrl: string;
}

export async function postGraphQL<T>(url: string, body: unknown, headers: Record<string, string> = {}): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, ...((await response.json()) as object) };
}

/** What a test does with any running stack: owner queries behind the application's back, development tokens, GraphQL through the gateway. */
export function stackClient(gatewayUrl: string, ownerUrls: Record<SubgraphName, string>) {
  const owners = new Map<SubgraphName, Promise<Client>>();
  const ownerClient = (name: SubgraphName) => {
    let client = owners.get(name);
    if (!client) {
      const fresh = new Client({ connectionString: ownerUrls[name] });
      client = fresh.connect().then(() => fresh);
      owners.set(name, client);
    }
    return client;
  };
  return {
    ownerQuery: (async (name, sql, params) => (await ownerClient(name)).query(sql, params)) as TestStack['ownerQuery'],
    token: (({ role, unit, sub, officialId, taxCode }) =>
      issueToken({ sub: sub ?? `test-${role}-${unit}`, role, unit, officialId, taxCode }, config.jwtSecret)) as TestStack['token'],
    gql: ((query, variables, token) =>
      postGraphQL(gatewayUrl, { query, variables }, token ? { authorization: `Bearer ${token}` } : {})) as TestStack['gql'],
    /** Ends the owner connections this client opened. */
    closeOwners: async () => {
      for (const client of owners.values()) await (await client).end();
    },
  };
}

/** The demo province in fresh databases, four subgraphs and the gateway on free ports. */
/** The gateway as tests need it; tests of other behaviour send many anonymous writes from one address, so the limit is lifted unless a test sets it. */
export interface TestGatewayOptions {
  openId?: OpenIdOptions;
  anonymousLimits?: AnonymousLimits;
  /** The largest document accepted; tests of the limit set a small one. */
  maxDocumentBytes?: number;
  /** Where the files go: the documents' database (the default, whatever is configured) or the object storage DOCUMENTS_S3_* names. */
  documentsIn?: 'postgres' | 's3';
  /** A supergraph file the gateway watches (tests of registration change it). */
  supergraphFile?: string;
  /** How often the board's figures are read again; tests of the board read often. */
  boardPollMs?: number;
  /** The delivery worker in this process, with these senders; tests of other behaviour run none. */
  delivery?: StackOptions['delivery'];
}

export async function startTestStack(demoOptions: DemoOptions = {}, explorerToken?: string, gateway: TestGatewayOptions = {}): Promise<TestStack> {
  const databases = await freshDatabases();
  const demo = buildDemo(demoOptions);
  const ownerUrls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, databases.urls[name].migration])) as Record<SubgraphName, string>;
  await writeDemo(databases.urls, demo);
  const stack = await startStack({
    databases: databases.urls,
    documents: databases.documents,
    ports: { gateway: 0, catalogue: 0, dossiers: 0, personnel: 0, feedback: 0 },
    explorerToken,
    openId: gateway.openId,
    anonymousLimits: gateway.anonymousLimits ?? UNLIMITED_ANONYMOUS,
    maxDocumentBytes: gateway.maxDocumentBytes,
    documentsS3: gateway.documentsIn === 's3' ? config.documentsS3 : null,
    clock: TEST_CLOCK,
    delivery: gateway.delivery,
    boardPollMs: gateway.boardPollMs,
    supergraphFile: gateway.supergraphFile,
    supergraphPollMs: 200,
  });
  const received = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, 0])) as Record<SubgraphName, number>;
  for (const name of SUBGRAPH_NAMES) {
    stack.services[name].server.on('request', (request: { method?: string }) => {
      if (request.method === 'POST') received[name] += 1;
    });
  }
  const { closeOwners, ...client } = stackClient(stack.gatewayUrl, ownerUrls);
  return {
    ...stack,
    ...client,
    demo,
    ownerUrls,
    servicesCalled: async (work) => {
      const before = { ...received };
      await work();
      return SUBGRAPH_NAMES.filter((name) => received[name] > before[name]).sort();
    },
    stop: async () => {
      await closeOwners();
      await stack.stop();
      await databases.drop();
    },
    documentsUrl: databases.documents.migration,
  };
}
