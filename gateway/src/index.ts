import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError } from 'graphql';
import { signCaller, type Caller } from '../../shared/caller';
import { formatError } from '../../shared/errors';
import { createHttpServer, listen, sendJson } from '../../shared/http';
import { logger } from '../../shared/logger';
import type { RunningService } from '../../shared/subgraph';
import { callerFromAuthorization } from './auth';
import { explorerRoutes } from './explorer';

export interface GatewayContext {
  caller: Caller;
}

export interface GatewayOptions {
  supergraphSdl: string;
  /** Where each subgraph listens, by name; overrides the URLs written in the supergraph. */
  subgraphUrls: Record<string, string>;
  port: number;
  host?: string;
  /** Secret for the signed caller header the subgraphs verify. */
  gatewaySecret: string;
  /** Secret the callers' JWTs are signed with. */
  jwtSecret: string;
  /** Pre-fills the explorer's Authorization header; development only. */
  explorerToken?: string;
  /** Milliseconds a subgraph may take before its part of the answer is given up. */
  subgraphTimeoutMs?: number;
}

/** Sends each subgraph the verified caller in a signed header, and gives up on slow subgraphs. */
class SignedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(name: string, url: string, private readonly secret: string, timeoutMs: number) {
    super({
      url,
      // Node's fetch keeps connections alive and pools them; the signal bounds each call.
      fetcher: (async (input: string, init: RequestInit) => {
        try {
          return await fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) });
        } catch (error) {
          logger.warn({ subgraph: name, err: error }, 'subgraph did not answer');
          throw new GraphQLError(`The ${name} service did not answer; the fields it provides are null in this response. Try again shortly.`, {
            extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: name },
          });
        }
      }) as never,
    });
  }
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const caller = context.caller;
    if (!caller) return; // health checks and schema loading carry no caller
    for (const [name, value] of Object.entries(signCaller(caller, this.secret))) request.http?.headers.set(name, value);
  }
}

export async function startGateway(options: GatewayOptions): Promise<RunningService> {
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) => new SignedDataSource(name, options.subgraphUrls[name] ?? url!, options.gatewaySecret, options.subgraphTimeoutMs ?? 10_000),
  });
  // Limits that keep one request from monopolising the CPU-bound gateway; field suggestions stay on for analysts.
  const armor = new ApolloArmor({
    maxDepth: { n: 12 },
    maxAliases: { n: 15 },
    // Armor's defaults (1.5× per level, 5,000) priced a 7-deep catalogue query an analyst would write (procedure →
    // version → case → step → unit, 15 fields) at 13,600; these keep it in (≈5,100) and still stop wide-and-deep ones.
    costLimit: { maxCost: 20_000, depthCostFactor: 1.2 },
    maxTokens: { n: 2000 },
    blockFieldSuggestion: { enabled: false },
  });
  const protection = armor.protect();
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    formatError,
    includeStacktraceInErrorResponses: false,
    validationRules: protection.validationRules,
    plugins: [...protection.plugins, ApolloServerPluginLandingPageDisabled()],
  });
  const explorer = explorerRoutes(options.explorerToken);
  const httpServer = createHttpServer({
    apollo,
    context: async (req) => ({ caller: await callerFromAuthorization(req.headers.authorization, options.jwtSecret) }),
    routes: { ...explorer.assets, '/health': (_req, res) => sendJson(res, 200, { status: 'ok', service: 'gateway' }) },
    fallback: explorer.page,
  });
  apollo.addPlugin(ApolloServerPluginDrainHttpServer({ httpServer }));
  await apollo.start();
  const base = await listen(httpServer, options.port, options.host);
  logger.info({ url: `${base}/graphql`, explorer: base }, 'gateway listening');
  return { name: 'gateway', url: `${base}/graphql`, httpServer, stop: () => apollo.stop() };
}
