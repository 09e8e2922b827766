import { DataSource, DefaultNamingStrategy, type EntityManager, type Logger, type MixedList, type EntitySchema } from 'typeorm';
import type { Caller } from './caller';
import { systemClock, type Clock } from './clock';
import { logger } from './logger';

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
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations?: MixedList<Function | string>;
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
 * Runs `work` in one transaction that carries the caller's unit path, so the row-level
 * security policies (see rls.ts) allow writes to the caller's own subtree only.
 * `set_config(..., true)` is transaction-local: the setting cannot leak to the next user of
 * the pooled connection.
 */
export function inCallerScope<T>(db: DataSource, caller: Caller, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  return db.transaction(async (manager) => {
    await manager.query(
      `SELECT set_config('motcua.unit_path', $1, true), set_config('motcua.role', $2, true), set_config('motcua.subject', $3, true)`,
      [caller.unit ?? '', caller.role, caller.sub ?? ''],
    );
    return work(manager);
  });
}

/**
 * Whether the caller in scope (see inCallerScope) may write rows owned by `ownerPath`: the same
 * test the row-level security policies apply, asked before a write so the refusal can name the owner.
 */
export async function callerOwns(manager: EntityManager, ownerPath: string): Promise<boolean> {
  const [{ owns }] = await manager.query(`SELECT motcua_in_scope($1) AS owns`, [ownerPath]);
  return owns;
}

/** pg returns numeric as a string (it may not fit a double); our numerics are small decimals. */
export const numericAsNumber = {
  to: (value: number | null) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
