import { config, isProduction, SUBGRAPH_NAMES, usesDevelopmentSecret } from '../shared/config';
import { logger } from '../shared/logger';
import { onShutdown, refuseUnsafeConfiguration } from '../shared/standalone';
import { issueToken } from '../gateway/src/auth';
import { localDatabases } from './postgres';
import { configuredSenders } from '../subgraphs/dossiers/src/delivery/senders';
import { buildDemo } from './seed/demo';
import { PROVINCE } from './seed/demo-province';

/** The demo province's public administration centre, whose kiosk and board the banner links. */
const CENTRE_CODE = `${PROVINCE.code}-TTHCC`;
import { writeDemo } from './seed/seed';
import { migrateAll, startStack } from './stack';
import { SUPERGRAPH_FILE } from './composition';

/**
 * `npm start`: the whole platform on one machine. With <NAME>_DATABASE_URL set for all four
 * subgraphs it uses those servers; otherwise it runs PostgreSQL from npm with its data in .data/.
 */
async function main() {
  if (isProduction()) {
    refuseUnsafeConfiguration('npm start', [
      'npm start is the development launcher (embedded PostgreSQL, development secrets and token issuer); in production run each service on its own: node dist/gateway/src/main.js, node dist/subgraphs/<name>/src/main.js.',
    ]);
  }
  const started = Date.now();
  const local = await localDatabases();
  const { databases, embeddedPort } = local;
  await migrateAll(databases);
  const token = await issueToken({ sub: 'dev-province-admin', role: 'ADMIN', unit: PROVINCE.code }, config.jwtSecret);
  const stack = await startStack({
    databases,
    documents: local.documents,
    explorerToken: token,
    // npm run compose rewrites it; the running gateway takes the new supergraph within two seconds.
    supergraphFile: SUPERGRAPH_FILE,
    supergraphPollMs: 2000,
    delivery: { ...config.delivery, senders: configuredSenders(config.delivery) },
  });
  const [seeded] = await stack.dbs.catalogue.query<{ units: number }[]>('SELECT count(*)::int AS units FROM administrative_unit');
  if (seeded.units === 0) {
    const demo = buildDemo();
    await writeDemo(databases, demo);
    logger.info(
      {
        units: demo.units.length,
        procedures: demo.procedures.length,
        officials: demo.officials.length,
        dossiers: demo.dossiers.length,
        ratings: demo.ratings.length,
      },
      'seeded the demo province',
    );
  }
  onShutdown(async () => {
    await stack.stop();
    await local.stop();
  });
  const explorer = stack.gatewayUrl.replace(/\/graphql$/, '/');
  process.stdout.write(
    [
      '',
      `motcua is up in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      `  explorer (GraphiQL)  ${explorer}`,
      `  gateway              ${stack.gatewayUrl}`,
      `  kiosk, board         ${explorer}kiosk?centre=${CENTRE_CODE}  ${explorer}board?centre=${CENTRE_CODE}`,
      ...SUBGRAPH_NAMES.map((name) => `  ${name.padEnd(20)} ${stack.subgraphUrls[name]} (signed calls from the gateway only)`),
      embeddedPort
        ? `  PostgreSQL           127.0.0.1:${embeddedPort} (embedded, data in .data/postgres)`
        : '  PostgreSQL           from *_DATABASE_URL',
      '',
      'Province administrator token for Bắc Ninh (pre-filled in the explorer):',
      `  ${token}`,
      'Other callers: npm run token -- --role OFFICIAL --unit 27.259.09238',
      '',
      usesDevelopmentSecret('GATEWAY_SECRET') || usesDevelopmentSecret('JWT_SECRET')
        ? 'Development only: the secrets and the token issuer are the published development ones; production refuses them.'
        : 'Secrets from GATEWAY_SECRET and JWT_SECRET; the token issuer is the development one.',
      `Notices: email ${config.delivery.email}, SMS ${config.delivery.sms}, Zalo ${config.delivery.zalo}${config.delivery.portalUrl ? ', national portal' : ''}; payments: ${config.payments.provider}.`,
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, 'start failed');
  process.exit(1);
});
