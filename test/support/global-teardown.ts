import { rmSync } from 'node:fs';
import { sharedStackDir, stopSharedStack } from './shared-stack';

export default async function globalTeardown(): Promise<void> {
  // The shared stack first: it drops its databases on the server stopped next.
  await stopSharedStack();
  rmSync(sharedStackDir(), { recursive: true, force: true });
  const server = (globalThis as { motcuaTestPostgres?: { stop(): Promise<void> } }).motcuaTestPostgres;
  await server?.stop();
}
