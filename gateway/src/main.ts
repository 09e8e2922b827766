import { readFileSync } from 'node:fs';
import path from 'node:path';
import { config, SUBGRAPH_NAMES } from '../../shared/config';
import { onShutdown } from '../../shared/standalone';
import { startGateway } from './index';

/** The gateway deployed on its own (`node dist/gateway/src/main.js`); subgraph URLs from <NAME>_URL. */
async function main() {
  const supergraphSdl = readFileSync(process.env.SUPERGRAPH_FILE ?? path.join(__dirname, '..', '..', 'supergraph.graphql'), 'utf8');
  const gateway = await startGateway({
    supergraphSdl,
    subgraphUrls: Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, config.subgraphUrl(name)])),
    port: config.port('gateway'),
    host: config.host,
    gatewaySecret: config.gatewaySecret,
    jwtSecret: config.jwtSecret,
  });
  onShutdown(() => gateway.stop());
}

void main();
