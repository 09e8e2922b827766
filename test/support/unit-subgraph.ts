import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { signCaller, subgraphKey, type Caller } from '../../shared/caller';
import { envName } from '../../shared/config';
import { withDatabase, type DatabaseUrls } from '../../infra/postgres';
import { connect, migrate } from '../../shared/standalone';
import { startSubgraph, type RunningService, type Subgraph } from '../../shared/subgraph';
import { TEST_CLOCK } from './clock';
import { asAdmin, serverUrls } from './databases';
import { eventually } from './expect';
import { sharedStack } from './shared-stack';

/** A new, empty database on the test server, migrated for `module`, dropped by `drop`. */
export async function ownDatabase(module: Subgraph): Promise<{ urls: DatabaseUrls; drop: () => Promise<void> }> {
  const { admin, app } = serverUrls();
  const name = `motcua_test_${randomBytes(4).toString('hex')}_${module.name.replace(/-/g, '_')}`;
  await asAdmin((client) => client.query(`CREATE DATABASE "${name}"`));
  const urls = { migration: withDatabase(admin, name), app: withDatabase(app, name) };
  await migrate(module, urls.migration);
  return { urls, drop: () => asAdmin(async (client) => void (await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`))) };
}

export interface UnitSubgraphUnderTest {
  service: RunningService;
  /** Asks the subgraph as the gateway would for `caller` (signed for it); the whole GraphQL answer. */
  ask<T = Record<string, unknown>>(
    caller: Caller,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ data?: T; errors?: GraphQLIssue[] }>;
  /** The application role's connection (row-level security applies), for what the database itself refuses. */
  db: Awaited<ReturnType<typeof connect>>;
}

export interface GraphQLIssue {
  message: string;
  extensions?: { code?: string; field?: string };
}

/**
 * A unit's subgraph on its own, as its unit deploys it: its database, a free port, only its own
 * key (derived from a gateway secret as the province derives it). Started before a file's tests.
 */
export function unitSubgraph(module: Subgraph, options: { readsPublicGraph?: boolean } = {}): UnitSubgraphUnderTest {
  const gatewaySecret = 'test-gateway-secret';
  const state = {} as UnitSubgraphUnderTest & { drop?: () => Promise<void> };
  beforeAll(async () => {
    const database = await ownDatabase(module);
    state.drop = database.drop;
    state.db = await connect(module, database.urls.app, TEST_CLOCK);
    // What it reads of the others (the catalogue's units), it reads through a real gateway's public API: the run's shared stack.
    const publicGraph = options.readsPublicGraph ? (await sharedStack()).gatewayUrl : undefined;
    state.service = await startSubgraph(module, {
      db: state.db,
      port: 0,
      key: subgraphKey(gatewaySecret, module.name),
      publicGraph,
      clock: TEST_CLOCK,
    });
  });
  afterAll(async () => {
    await state.service?.stop();
    await state.db?.destroy();
    await state.drop?.();
  });
  state.ask = async (caller, query, variables) => {
    const body = JSON.stringify({ query, variables });
    const response = await fetch(state.service.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signCaller(caller, gatewaySecret, { audience: module.name, body }) },
      body,
    });
    return (await response.json()) as never;
  };
  return state;
}

export interface SubgraphProcess {
  url: string;
  /** SIGTERM, and waits for the process to end. */
  stop(): Promise<void>;
}

/**
 * A subgraph of this repository in a process of its own, as its unit runs it
 * (`node subgraphs/<name>/src/main.ts`), with `env` (its database, port, key); resolves once it
 * answers /health.
 */
export async function startSubgraphProcess(name: string, port: number, env: Record<string, string>): Promise<SubgraphProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, '..', '..', 'subgraphs', name, 'src', 'main.ts')], {
    env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'warn', HOST: '127.0.0.1', [`${envName(name)}_PORT`]: String(port), ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const ended = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const base = `http://127.0.0.1:${port}`;
  await eventually(`the ${name} process answering`, async () => (await fetch(`${base}/health`).catch(() => null))?.ok === true, 30_000);
  return {
    url: `${base}/graphql`,
    stop: async () => {
      child.kill('SIGTERM');
      await ended;
    },
  };
}
