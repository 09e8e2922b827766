import path from 'node:path';
import { config, identityProblems, isProduction, secretProblems, SUBGRAPH_NAMES } from '../../shared/config';
import { onShutdown, refuseUnsafeConfiguration } from '../../shared/standalone';
import { startGateway } from './index';
import { openDocumentStore } from '../../shared/document-store';
import { logger } from '../../shared/logger';

/** The gateway deployed on its own (`node dist/gateway/src/main.js`); subgraph URLs from <NAME>_URL. */
async function main() {
  refuseUnsafeConfiguration('gateway', [...secretProblems(['GATEWAY_SECRET']), ...identityProblems()]);
  // Read again every SUPERGRAPH_POLL_SECONDS (5): a new supergraph is served without a restart, one that does not load is refused.
  const supergraphFile = process.env.SUPERGRAPH_FILE ?? path.join(__dirname, '..', '..', 'supergraph.graphql');
  const documents = await openDocumentStore(config.documentsS3, config.documentsDatabase);
  if (!documents) logger.warn('no documents store configured (DOCUMENTS_S3_BUCKET or DOCUMENTS_DATABASE_URL): uploads and downloads are refused');
  const gateway = await startGateway({
    documents,
    supergraphFile,
    supergraphPollMs: Number(process.env.SUPERGRAPH_POLL_SECONDS ?? 5) * 1000,
    subgraphUrls: Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, config.subgraphUrl(name)])),
    port: config.port('gateway'),
    host: config.host,
    gatewaySecret: config.gatewaySecret,
    jwtSecret: config.jwtSecret,
    openId: config.openId,
    production: isProduction(),
  });
  onShutdown(() => gateway.stop());
}

void main();
