import path from 'node:path';
import { config, SUBGRAPH_NAMES, type SubgraphName } from '../shared/config';
import { logger } from '../shared/logger';
import { onShutdown } from '../shared/standalone';
import { issueToken } from '../gateway/src/auth';
import { ALL_DATABASES, databaseName, prepareDatabases, startEmbeddedPostgres, type DatabaseUrls, type PostgresServer } from './postgres';
import { buildDemo } from './seed/demo';
import { PROVINCE } from './seed/demo-province';
import { writeDemo } from './seed/seed';
import { migrateAll, startStack } from './stack';

/**
 * `npm start`: the whole platform on one machine. With <NAME>_DATABASE_URL set for all four
 * subgraphs it uses those servers; otherwise it runs PostgreSQL from npm with its data in .data/.
 */
async function main() {
  const started = Date.now();
  const configured = SUBGRAPH_NAMES.every((name) => config.databaseUrl(name));
  let postgres: PostgresServer | undefined;
  let databases: Record<SubgraphName, DatabaseUrls>;
  if (configured) {
    databases = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, { app: config.databaseUrl(name)!, migration: config.migrationUrl(name)! }])) as Record<SubgraphName, DatabaseUrls>;
  } else {
    const port = Number(process.env.EMBEDDED_PG_PORT ?? 5439);
    postgres = await startEmbeddedPostgres({ dataDir: path.join(__dirname, '..', '.data', 'postgres'), port, persistent: true });
    await prepareDatabases(postgres.urls('postgres').migration, ALL_DATABASES);
    databases = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, postgres!.urls(databaseName(name))])) as Record<SubgraphName, DatabaseUrls>;
    logger.info({ port }, 'embedded PostgreSQL running');
  }
  await migrateAll(databases);
  const token = await issueToken({ sub: 'dev-province-admin', role: 'ADMIN', unit: PROVINCE.code }, config.jwtSecret);
  const stack = await startStack({ databases, explorerToken: token });
  const [seeded] = (await stack.dbs.catalogue.query('SELECT count(*)::int AS units FROM administrative_unit')) as { units: number }[];
  if (seeded!.units === 0) {
    const demo = buildDemo();
    await writeDemo(Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, databases[name].migration])) as Record<SubgraphName, string>, demo);
    logger.info({ units: demo.units.length, procedures: demo.procedures.length, officials: demo.officials.length, dossiers: demo.dossiers.length, ratings: demo.ratings.length }, 'seeded the demo province');
  }
  onShutdown(async () => {
    await stack.stop();
    await postgres?.stop();
  });
  const explorer = stack.gatewayUrl.replace(/\/graphql$/, '/');
  process.stdout.write(
    [
      '',
      `motcua is up in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      `  explorer (GraphiQL)  ${explorer}`,
      `  gateway              ${stack.gatewayUrl}`,
      ...SUBGRAPH_NAMES.map((name) => `  ${name.padEnd(20)} ${stack.subgraphUrls[name]} (signed calls from the gateway only)`),
      postgres ? `  PostgreSQL           127.0.0.1:${postgres.port} (embedded, data in .data/postgres)` : '  PostgreSQL           from *_DATABASE_URL',
      '',
      'Province administrator token for Bắc Ninh (pre-filled in the explorer):',
      `  ${token}`,
      'Other callers: npm run token -- --role OFFICIAL --unit 27.259.09238',
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, 'start failed');
  process.exit(1);
});
