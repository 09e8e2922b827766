import { execSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { SUBGRAPH_NAMES, type SubgraphName } from '../../shared/config';
import { freePort } from '../../shared/http';
import { prepareDatabases, startEmbeddedPostgres, type DatabaseUrls } from '../postgres';
import { migrateAll } from '../stack';

/** A throw-away embedded PostgreSQL with the four databases migrated, for one benchmark run. */
export async function benchDatabases(): Promise<{ urls: Record<SubgraphName, DatabaseUrls>; stop(): Promise<void> }> {
  const port = await freePort();
  const server = await startEmbeddedPostgres({
    dataDir: path.join(__dirname, '..', '..', '.data', `bench-postgres-${port}`),
    port,
    persistent: false,
  });
  const names = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, `motcua_bench_${name}`])) as Record<SubgraphName, string>;
  await prepareDatabases(server.urls('postgres').migration, Object.values(names));
  const urls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, server.urls(names[name])])) as Record<SubgraphName, DatabaseUrls>;
  await migrateAll(urls);
  return { urls, stop: () => server.stop() };
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** The line that says what was measured where, printed with every result. */
export function setupLine(extra: Record<string, unknown>): string {
  let commit = 'unknown';
  try {
    commit = execSync('git rev-parse --short HEAD', { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {
    // not a git checkout
  }
  const cpu = os.cpus()[0]?.model ?? 'unknown cpu';
  return Object.entries({ commit, node: process.version, cpus: `${os.cpus().length} × ${cpu}`, ...extra })
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
}

/** Runs a benchmark's main, which returns its count of wrong answers: any wrong answer or error fails the run. */
export function runBench(main: () => Promise<number>): void {
  main().then(
    (wrong) => process.exit(wrong === 0 ? 0 : 1),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
