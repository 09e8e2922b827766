import type { DataSource } from 'typeorm';
import { subgraphKey } from './caller';
import type { Clock } from './clock';
import { config, envName, isProduction, secretProblems, subgraphKeyProblems, SUBGRAPH_NAMES } from './config';
import { createDataSource } from './db';
import { logger } from './logger';
import { startSubgraph, type Subgraph } from './subgraph';

/** Brings a subgraph's database schema up to date; runs as the schema owner. */
export async function migrate(module: Subgraph, url: string): Promise<void> {
  const db = createDataSource({ service: module.name, url, entities: module.entities, migrations: module.migrations, poolSize: 1 });
  await db.initialize();
  try {
    await db.runMigrations({ transaction: 'all' });
  } finally {
    await db.destroy();
  }
}

/** The application's connection: the non-owner role that row-level security applies to. */
export async function connect(module: Subgraph, url: string, clock?: Clock): Promise<DataSource> {
  return createDataSource({ service: module.name, url, entities: module.entities, clock }).initialize();
}

/** Stops cleanly on SIGINT/SIGTERM: in-flight requests finish, then connections close. */
export function onShutdown(stop: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    stop().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
}

/** Stops a process whose configuration is unsafe for production, saying what to set. */
export function refuseUnsafeConfiguration(service: string, problems: string[]): void {
  if (!problems.length) return;
  for (const problem of problems) logger.fatal({ component: service }, problem);
  process.stderr.write(`${service} will not start in production:\n${problems.map((p) => `  - ${p}`).join('\n')}\n`);
  process.exit(1);
}

/** Entry point of one subgraph deployed on its own (`node dist/subgraphs/<name>/src/main.js`). */
export async function runStandalone(module: Subgraph): Promise<void> {
  // A unit's subgraph holds only its own key (SUBGRAPH_KEY; in development, the one derived from the development secret);
  // the province's own hold the gateway's secret, and call each other with it.
  const key = module.owner ? (config.subgraphKey ?? subgraphKey(config.gatewaySecret, module.name)) : undefined;
  refuseUnsafeConfiguration(module.name, [
    ...(module.owner ? subgraphKeyProblems(module.name) : secretProblems(['GATEWAY_SECRET'])),
    ...(module.owner && isProduction() && process.env.GATEWAY_SECRET
      ? [`GATEWAY_SECRET is set: a unit's subgraph holds only its own key (SUBGRAPH_KEY), never the gateway's secret; unset it.`]
      : []),
    ...(isProduction() ? (module.productionProblems?.() ?? []) : []),
  ]);
  const url = config.databaseUrl(module.name);
  if (!url) {
    logger.fatal(`Set ${envName(module.name)}_DATABASE_URL to the ${module.name} database (postgres://user:password@host:5432/db).`);
    process.exit(1);
  }
  if (process.env.MIGRATE_ON_START !== 'false') await migrate(module, config.migrationUrl(module.name)!);
  const db = await connect(module, url);
  const service = await startSubgraph(module, {
    db,
    port: config.port(module.name, module.devPort),
    host: config.host,
    ...(key
      ? { key, publicGraph: config.gatewayUrl }
      : {
          secret: config.gatewaySecret,
          peers: Object.fromEntries(SUBGRAPH_NAMES.filter((name) => name !== module.name).map((name) => [name, config.subgraphUrl(name)])),
        }),
  });
  onShutdown(async () => {
    await service.stop();
    await db.destroy();
  });
}
