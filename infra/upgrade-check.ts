/**
 * `npm run db:upgrade-check -- [git ref]` (default HEAD): proves an installed database migrates
 * forward. The ref's own code migrates and seeds databases (as an installation of that version
 * would have them), this code migrates them again, and their schema must equal that of
 * databases migrated from empty by this code. Prints each subgraph's verdict; exits 1 on a
 * difference, naming it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { SUBGRAPH_NAMES, type SubgraphName } from '../shared/config';
import { freePort } from '../shared/http';
import { prepareDatabases, startEmbeddedPostgres, type DatabaseUrls } from './postgres';
import { migrateAll } from './stack';

const root = path.join(__dirname, '..');
const ref = process.argv[2] ?? 'HEAD';

/** What a schema is, as sorted lines: tables' columns, constraints, indexes, policies, functions, grants and the migrations run. */
const SCHEMA_QUERIES = [
  `SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns WHERE table_schema = 'public'`,
  `SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace`,
  `SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'`,
  `SELECT tablename, policyname, cmd, roles::text, qual, with_check FROM pg_policies WHERE schemaname = 'public'`,
  `SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p')`,
  `SELECT proname, pg_get_functiondef(oid) FROM pg_proc WHERE pronamespace = 'public'::regnamespace AND prokind = 'f'`,
  `SELECT table_name, grantee, privilege_type FROM information_schema.role_table_grants WHERE table_schema = 'public'`,
  `SELECT name FROM migration`,
];

async function schemaOf(url: string): Promise<string[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const lines: string[] = [];
    for (const sql of SCHEMA_QUERIES) lines.push(...(await client.query({ text: sql, rowMode: 'array' })).rows.map((row) => row.join(' | ')));
    return lines.sort();
  } finally {
    await client.end();
  }
}

const urlsFor = (server: { urls(db: string): DatabaseUrls }, prefix: string) =>
  Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, server.urls(`${prefix}_${name}`)])) as Record<SubgraphName, DatabaseUrls>;

async function main(): Promise<void> {
  const work = mkdtempSync(path.join(tmpdir(), 'motcua-upgrade-'));
  const before = path.join(work, 'before');
  execFileSync('git', ['worktree', 'add', '--detach', '--quiet', before, ref], { cwd: root });
  symlinkSync(path.join(root, 'node_modules'), path.join(before, 'node_modules'));
  const port = await freePort();
  const server = await startEmbeddedPostgres({ dataDir: path.join(root, '.data', `upgrade-check-${port}`), port, persistent: false });
  let failed = false;
  try {
    await prepareDatabases(
      server.urls('postgres').migration,
      SUBGRAPH_NAMES.flatMap((name) => [`installed_${name}`, `fresh_${name}`]),
    );
    const installed = urlsFor(server, 'installed');
    // The ref's code, run in its own tree: its migrations and its seed, as that version installed them.
    const driver = path.join(before, 'upgrade-driver.ts');
    writeFileSync(
      driver,
      `import { migrateAll } from './infra/stack';
       import { writeDemo } from './infra/seed/seed';
       import { buildDemo } from './infra/seed/demo';
       const urls = ${JSON.stringify(installed)};
       migrateAll(urls).then(() => writeDemo(urls, buildDemo({ dossiers: 300 }))).then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });`,
    );
    execFileSync(path.join(root, 'node_modules', '.bin', 'tsx'), [driver], { cwd: before, stdio: 'inherit' });
    await migrateAll(installed);
    const fresh = urlsFor(server, 'fresh');
    await migrateAll(fresh);
    for (const name of SUBGRAPH_NAMES) {
      const [upgraded, made] = [await schemaOf(installed[name].migration), await schemaOf(fresh[name].migration)];
      const missing = made.filter((line) => !upgraded.includes(line));
      const extra = upgraded.filter((line) => !made.includes(line));
      if (!missing.length && !extra.length) {
        console.log(`${name}: a database installed by ${ref} migrates to the same schema as a new one (${made.length} schema facts)`);
        continue;
      }
      failed = true;
      console.log(`${name}: DIFFERENT after migrating a database installed by ${ref}`);
      for (const line of missing) console.log(`  only in a new database:      ${line}`);
      for (const line of extra) console.log(`  only in the upgraded one:    ${line}`);
    }
  } finally {
    await server.stop();
    execFileSync('git', ['worktree', 'remove', '--force', before], { cwd: root });
    rmSync(work, { recursive: true, force: true });
  }
  process.exit(failed ? 1 : 0);
}

void main();
