import { existsSync } from 'node:fs';
import path from 'node:path';
import { subgraphKey } from '../shared/caller';
import { config, isProduction } from '../shared/config';
import { logger } from '../shared/logger';
import { connect, migrate, onShutdown, refuseUnsafeConfiguration } from '../shared/standalone';
import { startSubgraph, type Subgraph } from '../shared/subgraph';
import { externalFields } from './unit-policy';
import { localDatabase } from './postgres';

/**
 * `npm run subgraph:dev -- <name>`: a unit's subgraph of this repository (land, or one made by
 * subgraph:new) running beside `npm start` as its unit would run it: its own process and
 * database (on the embedded server), and only its own key. It prints what to register.
 */
async function main() {
  if (isProduction())
    refuseUnsafeConfiguration('subgraph:dev', [
      'subgraph:dev is for development; in production run node dist/subgraphs/<name>/src/main.js with SUBGRAPH_KEY.',
    ]);
  const [name] = process.argv.slice(2);
  const dir = name && /^[a-z][a-z0-9-]*$/.test(name) ? path.join(__dirname, '..', 'subgraphs', name, 'src') : '';
  if (!dir || !existsSync(path.join(dir, 'index.ts'))) {
    console.error('Usage: npm run subgraph:dev -- <name>   (a folder of subgraphs/, e.g. land)');
    process.exit(1);
  }
  const module = Object.values((await import(dir)) as Record<string, unknown>).find(
    (value): value is Subgraph => !!value && typeof value === 'object' && (value as Subgraph).name === name,
  );
  if (!module?.owner) {
    console.error(`subgraphs/${name} is one of the province's own subgraphs; npm start runs it.`);
    process.exit(1);
  }
  const database = await localDatabase(name);
  await migrate(module, database.urls.migration);
  const db = await connect(module, database.urls.app);
  const service = await startSubgraph(module, {
    db,
    port: config.port(name, module.devPort),
    host: config.host,
    key: subgraphKey(config.gatewaySecret, name),
    publicGraph: config.gatewayUrl,
  });
  onShutdown(async () => {
    await service.stop();
    await db.destroy();
    await database.stop();
  });
  process.stdout.write(
    [
      '',
      `${name} (kept by unit ${module.owner}) answers at ${service.url}, with its own key only.`,
      'To register it with the platform npm start runs, add to subgraphs/registry.json:',
      `  { "name": "${name}", "owner": "${module.owner}", "url": "${service.url}", "grants": ${JSON.stringify(externalFields(module.typeDefs))} }`,
      '("grants": the province\'s fields it receives through @requires; the province reviews them: no personal data it has no right to)',
      'then npm run compose: the running gateway serves it within two seconds.',
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, 'subgraph:dev failed');
  process.exit(1);
});
