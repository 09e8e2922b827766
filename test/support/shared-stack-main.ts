/**
 * The process behind `sharedStack()`: the demo in fresh databases, the four subgraphs and the
 * gateway, kept up for the whole test run and stopped by the global teardown (SIGTERM). It
 * writes where it listens to `<dir>/stack.json`, or why it could not start to `<dir>/error`.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { SUBGRAPH_NAMES } from '../../shared/config';
import { buildDemo } from '../../infra/seed/demo';
import { writeDemo } from '../../infra/seed/seed';
import { startStack } from '../../infra/stack';
import { TEST_CLOCK } from './clock';
import { freshDatabases } from './databases';
import { UNLIMITED_ANONYMOUS } from '../../gateway/src/plugins/anonymous-limits';
import { SHARED_DEMO, type SharedStackInfo } from './shared-stack';

async function main(dir: string): Promise<void> {
  const databases = await freshDatabases();
  await writeDemo(databases.urls, buildDemo(SHARED_DEMO));
  const stack = await startStack({
    databases: databases.urls,
    documents: databases.documents,
    ports: { gateway: 0, catalogue: 0, dossiers: 0, personnel: 0, feedback: 0 },
    anonymousLimits: UNLIMITED_ANONYMOUS,
    clock: TEST_CLOCK,
  });
  const stop = async () => {
    await stack.stop();
    await databases.drop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  const info: SharedStackInfo = {
    pid: process.pid,
    gatewayUrl: stack.gatewayUrl,
    subgraphUrls: stack.subgraphUrls,
    ownerUrls: Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, databases.urls[name].migration])) as SharedStackInfo['ownerUrls'],
  };
  writeFileSync(path.join(dir, 'stack.json'), JSON.stringify(info));
}

const dir = process.argv[2];
main(dir).catch((error: unknown) => {
  writeFileSync(path.join(dir, 'error'), String((error as Error).stack ?? error));
  process.exit(1);
});
