import path from 'node:path';
import { Client } from 'pg';
import { SUBGRAPH_NAMES } from '../../shared/config';
import { freePort } from '../../shared/http';
import { prepareDatabases, startEmbeddedPostgres, withDatabase } from '../../infra/postgres';
import { migrateAll } from '../../infra/stack';
import { templateName } from './databases';

/**
 * One PostgreSQL server for the whole run: the embedded one, or the server named by
 * TEST_DATABASE_URL (a superuser URL). Each subgraph gets a migrated template database that
 * test files clone, so files run in parallel on data of their own.
 */
export default async function globalSetup(): Promise<void> {
  // Names this run, so the stack test files share (support/shared-stack.ts) is this run's own.
  process.env.MOTCUA_TEST_RUN = `${process.pid}-${Date.now()}`;
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const port = await freePort();
    const server = await startEmbeddedPostgres({
      dataDir: path.join(__dirname, '..', '..', '.data', `test-postgres-${port}`),
      port,
      persistent: false,
    });
    (globalThis as { motcuaTestPostgres?: unknown }).motcuaTestPostgres = server;
    adminUrl = server.urls('postgres').migration;
    process.env.MOTCUA_TEST_APP_URL = server.urls('postgres').app;
  }
  process.env.MOTCUA_TEST_ADMIN_URL = adminUrl;
  process.env.MOTCUA_TEST_APP_URL ??= withDatabase(adminUrl, 'postgres', 'motcua_app', 'motcua_app');
  const templates = SUBGRAPH_NAMES.map(templateName);
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  for (const template of templates) await admin.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
  await admin.end();
  await prepareDatabases(adminUrl, templates);
  await migrateAll(
    Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, { migration: withDatabase(adminUrl, templateName(name)), app: '' }])) as never,
  );
}
