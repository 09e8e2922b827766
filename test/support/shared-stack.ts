import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { SubgraphName } from '../../shared/config';
import { buildDemo, type DemoOptions } from '../../infra/seed/demo';
import { stackClient, type TestStack } from './stack';

/** The demo every file sharing the stack reads: large enough for the statistics' figures. */
export const SHARED_DEMO: DemoOptions = { dossiers: 600 };

export interface SharedStackInfo {
  pid: number;
  gatewayUrl: string;
  subgraphUrls: Record<SubgraphName, string>;
  ownerUrls: Record<SubgraphName, string>;
}

/** What a test file that only reads needs of a stack: the same calls as its own stack, minus the in-process internals. */
export type SharedStack = Pick<TestStack, 'gatewayUrl' | 'subgraphUrls' | 'demo' | 'ownerUrls' | 'ownerQuery' | 'token' | 'gql' | 'stop'>;

/** Where this run's shared stack says where it listens; the global setup names the run. */
export const sharedStackDir = () => path.join(__dirname, '..', '..', '.data', `shared-stack-${process.env.MOTCUA_TEST_RUN ?? 'manual'}`);

/**
 * One stack for every test file of the run that only reads (no mutation, no statement counting,
 * no service stopped): started by the first file that asks, in a process of its own, and
 * stopped by the global teardown. A file that writes starts its own with `startTestStack`, so
 * what it writes cannot change what another file reads.
 */
export async function sharedStack(): Promise<SharedStack> {
  const dir = sharedStackDir();
  let starter = false;
  try {
    mkdirSync(dir, { recursive: false });
    starter = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if (starter) {
    const tsx = path.join(__dirname, '..', '..', 'node_modules', '.bin', 'tsx');
    spawn(tsx, [path.join(__dirname, 'shared-stack-main.ts'), dir], { detached: true, stdio: 'ignore', env: process.env }).unref();
  }
  const infoFile = path.join(dir, 'stack.json');
  for (let waited = 0; !existsSync(infoFile); waited += 100) {
    if (existsSync(path.join(dir, 'error')))
      throw new Error(`The shared test stack did not start:\n${readFileSync(path.join(dir, 'error'), 'utf8')}`);
    if (waited > 120_000) throw new Error(`The shared test stack did not start within two minutes (${dir}).`);
    await sleep(100);
  }
  const info = JSON.parse(readFileSync(infoFile, 'utf8')) as SharedStackInfo;
  const { closeOwners, ...client } = stackClient(info.gatewayUrl, info.ownerUrls);
  return {
    ...client,
    gatewayUrl: info.gatewayUrl,
    subgraphUrls: info.subgraphUrls,
    ownerUrls: info.ownerUrls,
    demo: buildDemo(SHARED_DEMO),
    // The stack is the run's: a file only lets go of its own connections.
    stop: closeOwners,
  };
}

/** For the global teardown: stops this run's shared stack, if a file started one, and waits for it to finish. */
export async function stopSharedStack(): Promise<void> {
  const infoFile = path.join(sharedStackDir(), 'stack.json');
  if (!existsSync(infoFile)) return;
  const { pid } = JSON.parse(readFileSync(infoFile, 'utf8')) as SharedStackInfo;
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  for (let waited = 0; waited < 30_000; waited += 100) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await sleep(100);
  }
}
