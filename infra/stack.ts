import type { DataSource } from 'typeorm';
import type { Clock } from '../shared/clock';
import { config, SUBGRAPH_NAMES, type SubgraphName } from '../shared/config';
import { connect, migrate } from '../shared/standalone';
import { startSubgraph, type RunningService } from '../shared/subgraph';
import { startGateway } from '../gateway/src';
import type { OpenIdOptions } from '../gateway/src/auth';
import type { AnonymousLimits } from '../gateway/src/plugins/anonymous-limits';
import { subgraphs } from '../subgraphs';
import { startDeliveryWorker, type DeliveryWorker, type DeliveryWorkerOptions } from '../subgraphs/dossiers/src/delivery/worker';
import { readSupergraph } from './composition';
import { openDocumentStore, type S3StoreOptions } from '../shared/document-store';
import type { DatabaseUrls } from './postgres';

export interface StackOptions {
  databases: Record<SubgraphName, DatabaseUrls>;
  /** The documents' database; the files go to object storage instead when DOCUMENTS_S3_BUCKET is set. */
  documents?: DatabaseUrls;
  /** Object storage for the files, overriding DOCUMENTS_S3_*; null keeps them in the database whatever is configured. */
  documentsS3?: S3StoreOptions | null;
  /** Port per service; 0 picks a free one (tests). Defaults to the configured ports. */
  ports?: Partial<Record<SubgraphName | 'gateway', number>>;
  gatewaySecret?: string;
  jwtSecret?: string;
  /** The OpenID provider whose tokens the gateway accepts instead of the development issuer's. */
  openId?: OpenIdOptions;
  anonymousLimits?: AnonymousLimits;
  /** The largest document accepted, in bytes (DOCUMENT_MAX_BYTES by default). */
  maxDocumentBytes?: number;
  explorerToken?: string;
  /** The services' clock; tests run on the demo's. */
  clock?: Clock;
  /** A supergraph file the gateway reads again every `supergraphPollMs`, taking a new one without a restart; the checked-in one, read once, otherwise. */
  supergraphFile?: string;
  supergraphPollMs?: number;
  /** How often the public board's figures are read again (milliseconds). */
  boardPollMs?: number;
  /** The delivery worker, run in this process with these senders (npm start: the configured ones); none when absent. */
  delivery?: Omit<DeliveryWorkerOptions, 'url' | 'clock'>;
}

export interface Stack {
  gatewayUrl: string;
  subgraphUrls: Record<SubgraphName, string>;
  /** The application-role connection of each subgraph (its statement log counts SQL). */
  dbs: Record<SubgraphName, DataSource>;
  services: Record<SubgraphName | 'gateway', RunningService>;
  /** The delivery worker, where the stack runs one. */
  delivery?: DeliveryWorker;
  stop(): Promise<void>;
}

export async function migrateAll(databases: Record<SubgraphName, DatabaseUrls>): Promise<void> {
  await Promise.all(subgraphs.map((module) => migrate(module, databases[module.name].migration)));
}

/** The four subgraphs and the gateway in this process, as `npm start` and the end-to-end tests run them. */
export async function startStack(options: StackOptions): Promise<Stack> {
  const secret = options.gatewaySecret ?? config.gatewaySecret;
  const port = (name: SubgraphName | 'gateway') => options.ports?.[name] ?? config.port(name);
  const dbs = {} as Record<SubgraphName, DataSource>;
  const services: RunningService[] = [];
  let delivery: DeliveryWorker | undefined;
  const stop = async () => {
    await delivery?.stop();
    for (const service of [...services].reverse()) await service.stop();
    await Promise.all(Object.values(dbs).map((db) => db.destroy()));
  };
  try {
    // Filled in as each subgraph starts on its port, and read at call time, so every subgraph reaches every other.
    const peers: Partial<Record<SubgraphName, string>> = {};
    for (const module of subgraphs) {
      dbs[module.name] = await connect(module, options.databases[module.name].app, options.clock);
      const service = await startSubgraph(module, {
        db: dbs[module.name],
        port: port(module.name),
        host: config.host,
        secret,
        peers,
        clock: options.clock,
      });
      peers[module.name] = service.url;
      services.push(service);
    }
    const subgraphUrls = Object.fromEntries(SUBGRAPH_NAMES.map((name, i) => [name, services[i].url])) as Record<SubgraphName, string>;
    const documents = await openDocumentStore(
      options.documentsS3 === undefined ? config.documentsS3 : (options.documentsS3 ?? undefined),
      options.documents,
    );
    const gateway = await startGateway({
      documents,
      ...(options.supergraphFile
        ? { supergraphFile: options.supergraphFile, supergraphPollMs: options.supergraphPollMs }
        : { supergraphSdl: readSupergraph() }),
      subgraphUrls,
      port: port('gateway'),
      host: config.host,
      gatewaySecret: secret,
      jwtSecret: options.jwtSecret ?? config.jwtSecret,
      openId: options.openId,
      anonymousLimits: options.anonymousLimits,
      maxDocumentBytes: options.maxDocumentBytes,
      explorerToken: options.explorerToken,
      clock: options.clock,
      boardPollMs: options.boardPollMs,
    });
    services.push(gateway);
    if (options.delivery) {
      // As the schema owner: the worker delivers for every unit, past row-level security.
      delivery = await startDeliveryWorker({ ...options.delivery, url: options.databases.dossiers.migration, clock: options.clock });
    }
    const byName = Object.fromEntries(services.map((service) => [service.name, service])) as Stack['services'];
    return { gatewayUrl: gateway.url, subgraphUrls, dbs, services: byName, delivery, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
