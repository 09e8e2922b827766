import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { SUBGRAPH_NAMES, type SubgraphName } from '../../shared/config';
import type { DataSource } from 'typeorm';
import { withDatabase, type DatabaseUrls } from '../../infra/postgres';
import type { DemoData } from '../../infra/seed/demo';
import { writeDemo } from '../../infra/seed/seed';
import { connect } from '../../shared/standalone';
import type { Subgraph } from '../../shared/subgraph';
import { TEST_CLOCK } from './clock';

export const templateName = (name: SubgraphName) => `motcua_template_${name}`;

/** The test server's superuser and application-role URLs (globalSetup sets them). */
export function serverUrls() {
  const admin = process.env.MOTCUA_TEST_ADMIN_URL;
  const app = process.env.MOTCUA_TEST_APP_URL;
  if (!admin || !app) throw new Error('The test PostgreSQL server is not set up; run the tests through jest (globalSetup starts it).');
  return { admin, app };
}

/** Runs `work` as the test server's superuser. */
export async function asAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrls().admin });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabases {
  urls: Record<SubgraphName, DatabaseUrls>;
  /** An empty database for the documents' files (the store creates its table). */
  documents: DatabaseUrls;
  drop(): Promise<void>;
}

/** Four empty, migrated databases of this test file's own, cloned from the templates. */
export async function freshDatabases(): Promise<TestDatabases> {
  const { admin, app } = serverUrls();
  const suffix = randomBytes(4).toString('hex');
  const names = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, `motcua_test_${suffix}_${name}`])) as Record<SubgraphName, string>;
  const documents = `motcua_test_${suffix}_documents`;
  await asAdmin(async (client) => {
    for (const name of SUBGRAPH_NAMES) await client.query(`CREATE DATABASE "${names[name]}" TEMPLATE "${templateName(name)}"`);
    await client.query(`CREATE DATABASE "${documents}"`);
  });
  return {
    urls: Object.fromEntries(
      SUBGRAPH_NAMES.map((name) => [name, { migration: withDatabase(admin, names[name]), app: withDatabase(app, names[name]) }]),
    ) as Record<SubgraphName, DatabaseUrls>,
    documents: { migration: withDatabase(admin, documents), app: withDatabase(app, documents) },
    drop: () =>
      asAdmin(async (client) => {
        for (const name of SUBGRAPH_NAMES) await client.query(`DROP DATABASE IF EXISTS "${names[name]}" WITH (FORCE)`);
        await client.query(`DROP DATABASE IF EXISTS "${documents}" WITH (FORCE)`);
      }),
  };
}

/**
 * For a test file: the demo written into fresh databases before its tests, the application
 * role's connection to one subgraph's database (`app`, subject to row-level security), and
 * everything dropped after them.
 */
export function seededDatabase(module: Subgraph<SubgraphName>, demo: DemoData): { readonly app: DataSource; readonly databases: TestDatabases } {
  let databases: TestDatabases | undefined;
  let app: DataSource | undefined;
  beforeAll(async () => {
    databases = await freshDatabases();
    await writeDemo(databases.urls, demo);
    app = await connect(module, databases.urls[module.name].app, TEST_CLOCK);
  });
  afterAll(async () => {
    await app?.destroy();
    await databases?.drop();
  });
  return {
    get app() {
      return app!;
    },
    get databases() {
      return databases!;
    },
  };
}
