export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as { motcuaTestPostgres?: { stop(): Promise<void> } }).motcuaTestPostgres;
  await server?.stop();
}
