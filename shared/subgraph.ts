import { readFileSync } from 'node:fs';
import type http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { parse, type DocumentNode } from 'graphql';
import type { DataSource } from 'typeorm';
import { verifyCaller, type Caller } from './caller';
import { systemClock, type Clock } from './clock';
import type { SubgraphName } from './config';
import { formatError } from './errors';
import { rawBody, serveGraphQL } from './http';
import { inputRulesPlugin } from './input-rules';
import { logger } from './logger';
import { peersFor, type Peers } from './peers';
import { scalarResolvers } from './scalars';

/** What every resolver receives: the verified caller, the database and this request's loaders. */
export interface SubgraphContext<L = unknown> {
  caller: Caller;
  db: DataSource;
  loaders: L;
  /** The other subgraphs, called as this caller. */
  peers: Peers;
  /** What time it is; never `new Date()` in a resolver, so tests run at the demo's date. */
  clock: Clock;
}

/**
 * Everything a subgraph is, without a port: the gateway tests, the dev launcher and the
 * standalone entry point all start it from this one description.
 */
export interface SubgraphModule<L = any> {
  name: SubgraphName;
  typeDefs: DocumentNode;
  resolvers: GraphQLResolverMap<SubgraphContext<L>>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: Function[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[];
  /** A request's loaders; `peers` asks other subgraphs as the same caller, for figures that combine theirs with ours. */
  createLoaders(db: DataSource, peers: Peers): L;
}

/** Reads the `schema.graphql` that sits at the subgraph's root. */
export function readSchema(subgraphDir: string): DocumentNode {
  return parse(readFileSync(`${subgraphDir}/schema.graphql`, 'utf8'));
}

export interface RunningService {
  name: string;
  url: string;
  /** The listening HTTP server, for tests that cut its connections. */
  server: http.Server;
  stop(): Promise<void>;
}

export interface StartOptions {
  db: DataSource;
  port: number;
  host?: string;
  /** Secret the gateway signs the caller header with. */
  secret: string;
  /** Where the other subgraphs listen, for writes that need their data. */
  peers?: Partial<Record<SubgraphName, string>>;
  clock?: Clock;
}

export function buildSchema(module: SubgraphModule) {
  const declared = new Set(module.typeDefs.definitions.flatMap((d) => ('name' in d && d.name ? [d.name.value] : [])));
  const scalars = Object.fromEntries(Object.entries(scalarResolvers).filter(([name]) => declared.has(name)));
  return buildSubgraphSchema({ typeDefs: module.typeDefs, resolvers: { ...scalars, ...module.resolvers } as GraphQLResolverMap<unknown> });
}

export async function startSubgraph(module: SubgraphModule, options: StartOptions): Promise<RunningService> {
  const apollo = new ApolloServer<SubgraphContext>({
    schema: buildSchema(module),
    formatError,
    includeStacktraceInErrorResponses: false,
    // No Apollo Studio here: traces would only cost CPU.
    plugins: [inputRulesPlugin(), ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTraceDisabled()],
  });
  const { app, base } = await serveGraphQL({
    apollo,
    port: options.port,
    host: options.host,
    context: async (request) => {
      const caller = verifyCaller({ get: (name) => request.headers[name] as string | undefined }, options.secret, { audience: module.name, body: rawBody(request) });
      const peers = peersFor(options.peers ?? {}, options.secret, caller);
      return { caller, db: options.db, loaders: module.createLoaders(options.db, peers), peers, clock: options.clock ?? systemClock };
    },
    routes: {
      // Unsigned on purpose: load balancers and the launcher probe it.
      '/health': async (_request, reply) => {
        try {
          await options.db.query('SELECT 1');
          return { status: 'ok', service: module.name };
        } catch {
          return reply.code(503).send({ status: 'database unavailable', service: module.name });
        }
      },
    },
  });
  const url = `${base}/graphql`;
  logger.info({ subgraph: module.name, url }, 'subgraph listening');
  return { name: module.name, url, server: app.server, stop: () => apollo.stop() };
}
