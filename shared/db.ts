import { DataSource, DefaultNamingStrategy, type DataSourceOptions as TypeOrmOptions, type EntityManager, type Logger } from 'typeorm';
import type { Caller } from './caller';
import { systemClock, type Clock } from './clock';
import { logger } from './logger';

/** The entity classes of a data source, as TypeORM takes them. */
export type Entities = NonNullable<TypeOrmOptions['entities']>;
/** The migration classes of a data source, as TypeORM takes them. */
export type Migrations = NonNullable<TypeOrmOptions['migrations']>;

/**
 * Every SQL statement a data source sends, counted, so tests and benchmarks can prove
 * that a request costs a fixed number of statements whatever the page size.
 */
export class StatementLog implements Logger {
  count = 0;
  readonly statements: string[] = [];
  constructor(private readonly service: string) {}

  reset(): void {
    this.count = 0;
    this.statements.length = 0;
  }
  logQuery(query: string): void {
    this.count += 1;
    if (this.statements.length < 1000) this.statements.push(query);
  }
  logQueryError(error: string | Error, query: string): void {
    logger.warn({ db: this.service, err: error, query }, 'query failed');
  }
  logQuerySlow(time: number, query: string): void {
    logger.warn({ db: this.service, ms: time, query }, 'slow query');
  }
  logSchemaBuild(): void {}
  logMigration(message: string): void {
    logger.info({ db: this.service }, message);
  }
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') logger.warn({ db: this.service }, String(message));
  }
}

/** Columns are snake_case in SQL (`owner_path`) and camelCase in code (`ownerPath`). */
class SnakeCaseNaming extends DefaultNamingStrategy {
  override columnName(propertyName: string, customName: string | undefined, prefixes: string[]): string {
    const name = customName ?? [...prefixes, propertyName].join('_');
    return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
  }
}

const logs = new WeakMap<DataSource, StatementLog>();

/** The statement log of a data source made by `createDataSource`. */
export function statementLog(db: DataSource): StatementLog {
  const log = logs.get(db);
  if (!log) throw new Error('This data source was not made by createDataSource, so it has no statement log.');
  return log;
}

export interface DataSourceOptions {
  service: string;
  url: string;
  entities: Entities;
  migrations?: Migrations;
  poolSize?: number;
  /** The clock SQL reads through NOW_SQL; the system's unless a test or demo shifts it. */
  clock?: Clock;
}

export function createDataSource(options: DataSourceOptions): DataSource {
  const log = new StatementLog(options.service);
  const db = new DataSource({
    type: 'postgres',
    url: options.url,
    entities: options.entities,
    migrations: options.migrations ?? [],
    migrationsTableName: 'migration',
    synchronize: false,
    logger: log,
    namingStrategy: new SnakeCaseNaming(),
    maxQueryExecutionTime: 500,
    poolSize: options.poolSize ?? 10,
    applicationName: `motcua-${options.service}`,
    extra: { options: (options.clock ?? systemClock).connectionOptions() },
  });
  logs.set(db, log);
  return db;
}

/**
 * The settings the row-level security policies read: the caller's unit path, role and subject
 * (a citizen's is their citizen ID), the organisation a citizen acts for, and the ids of rows the
 * caller wrote in this request (`motcua_written`).
 */
const SET_CALLER_SQL = `SELECT set_config('motcua.unit_path', $1, $5), set_config('motcua.role', $2, $5), set_config('motcua.subject', $3, $5),
                               set_config('motcua.tax_code', $4, $5)`;
const FORGET_CALLER_SQL = `SELECT set_config('motcua.unit_path', '', false), set_config('motcua.role', '', false),
                                  set_config('motcua.subject', '', false), set_config('motcua.tax_code', '', false), set_config('motcua.written', '', false)`;
const callerSettings = (caller: Caller) => [caller.unit ?? '', caller.role, caller.sub ?? '', caller.taxCode ?? ''];
/** Whether the database has someone to show personal rows to: an official's unit, or a citizen's own. */
const identified = (caller: Caller) => !!caller.unit || (caller.role === 'CITIZEN' && !!caller.citizenId);

/** One request's database: every statement on one pooled connection that carries the caller. */
export interface RequestDb {
  /** What resolvers and loaders query through; its transactions (mutations) run on the same connection. */
  manager: EntityManager;
  /** Forgets the caller and returns the connection to the pool; call once the request's work has ended. */
  release(): Promise<void>;
}

/**
 * Whether any read policy of this database depends on the caller (personal data behind
 * `motcua_in_scope` or `motcua_written`): asked of PostgreSQL once at start, so a database of
 * public rows only (the catalogue) pays nothing per request for a scope its reads never consult.
 */
export async function readsDependOnCaller(db: DataSource): Promise<boolean> {
  const [{ depends }]: { depends: boolean }[] = await db.query(
    `SELECT EXISTS (SELECT 1 FROM pg_policies WHERE schemaname = 'public' AND cmd IN ('SELECT', 'ALL') AND qual ~ 'motcua_(in_scope|written|citizen)') AS depends`,
  );
  return depends;
}

/**
 * A request's connection, taken from the pool at its first statement and set to the caller once
 * (one round trip), so the row-level security policies on personal data apply to every read
 * without a transaction per read. A pooled connection carries nobody: release clears what the
 * request set (the caller, rows it wrote); if that fails, the connection is closed rather than
 * pooled. Where reads do not depend on the caller, or the caller is anonymous, nothing is set.
 */
export function requestDb(db: DataSource, caller: Caller, readsByCaller: boolean): RequestDb {
  const runner = db.createQueryRunner();
  const scoped = readsByCaller && identified(caller);
  // Whether the connection may carry something of this request: its scope, or what a write showed the writer.
  let carries = scoped;
  const connect = runner.connect.bind(runner);
  let ready: Promise<unknown> | undefined;
  runner.connect = () =>
    (ready ??= connect().then(async (client: { query(sql: string, params: unknown[]): Promise<unknown> }) => {
      if (!scoped) return client;
      statementLog(db).logQuery(SET_CALLER_SQL);
      await client.query(SET_CALLER_SQL, [...callerSettings(caller), false]);
      return client;
    }));
  const startTransaction = runner.startTransaction.bind(runner);
  runner.startTransaction = (...args) => {
    carries = true;
    return startTransaction(...args);
  };
  // A request's loaders run side by side; one connection answers one statement at a time, so they queue here rather than inside pg.
  const query = runner.query.bind(runner);
  let queue: Promise<unknown> = Promise.resolve();
  runner.query = ((...args: Parameters<typeof query>) => {
    const next = queue.then(() => query(...args));
    queue = next.catch(() => undefined);
    return next;
  }) as typeof query;
  let released: Promise<void> | undefined;
  return {
    manager: runner.manager,
    release: () =>
      (released ??= (async () => {
        if (!ready) return runner.release();
        try {
          await ready;
          if (runner.isTransactionActive) throw new Error('A transaction was still open when the request ended.');
          if (carries) await runner.query(FORGET_CALLER_SQL);
          await runner.release();
        } catch (error) {
          // Closed, not pooled: a connection that may still carry this caller or a transaction serves nobody else.
          await (runner as unknown as { releasePostgresConnection(error: unknown): Promise<void> }).releasePostgresConnection(error);
        }
      })()),
  };
}

/**
 * Runs `work` in one transaction that carries the caller's unit path, so the row-level
 * security policies (`motcua_in_scope`, made by each subgraph's initial migration) allow writes to the caller's own subtree only.
 * `set_config(..., true)` is transaction-local: the setting cannot leak to the next user of
 * the pooled connection.
 */
export function inCallerScope<T>(db: DataSource | EntityManager, caller: Caller, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  return db.transaction(async (manager) => {
    await manager.query(SET_CALLER_SQL, [...callerSettings(caller), true]);
    return work(manager);
  });
}

/**
 * Lets the caller read back a row it is writing (an anonymous citizen's petition, a rating's
 * comment): the read policies of personal data admit rows named here (`motcua_written`) besides
 * those of the caller's scope. Session-wide on the request's connection, so the payload read after
 * the commit sees it; rolled back with the transaction if the write fails; cleared at release.
 */
export async function showToWriter(manager: EntityManager, id: string): Promise<void> {
  await manager.query(`SELECT set_config('motcua.written', concat_ws(',', nullif(current_setting('motcua.written', true), ''), $1::text), false)`, [
    id,
  ]);
}

/**
 * Whether the caller in scope (see inCallerScope) may write rows owned by `ownerPath`: the same
 * test the row-level security policies apply, asked before a write so the refusal can name the owner.
 */
export async function callerOwns(manager: EntityManager, ownerPath: string): Promise<boolean> {
  const [{ owns }]: { owns: boolean }[] = await manager.query(`SELECT motcua_in_scope($1) AS owns`, [ownerPath]);
  return owns;
}

/** pg returns numeric as a string (it may not fit a double); our numerics are small decimals. */
export const numericAsNumber = {
  to: (value: number | null) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
