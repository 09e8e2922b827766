import { config, isProduction } from '../../../shared/config';
import { logger } from '../../../shared/logger';
import { onShutdown, refuseUnsafeConfiguration } from '../../../shared/standalone';
import { configuredSenders } from './delivery/senders';
import { startDeliveryWorker } from './delivery/worker';

/** Entry point of the delivery worker deployed on its own (`node dist/subgraphs/dossiers/src/delivery-main.js`). */
async function main() {
  const settings = config.delivery;
  refuseUnsafeConfiguration('delivery', [
    ...(!settings.databaseUrl
      ? ['Set DELIVERY_DATABASE_URL (or DOSSIERS_MIGRATION_URL) to the dossiers database, as a role that bypasses row-level security.']
      : []),
    ...(isProduction() && settings.portalUrl && (settings.portalSecret ?? '').length < 32
      ? ['NATIONAL_PORTAL_SECRET is missing or shorter than 32 characters: the national portal verifies each status by it.']
      : []),
  ]);
  const worker = await startDeliveryWorker({ ...settings, url: settings.databaseUrl!, senders: configuredSenders(settings) });
  logger.info({ component: 'delivery' }, 'delivery worker started');
  onShutdown(() => worker.stop());
}

main().catch((error: unknown) => {
  logger.fatal({ err: error, component: 'delivery' }, 'delivery worker failed to start');
  process.exit(1);
});
