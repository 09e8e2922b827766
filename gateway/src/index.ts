import type { FetcherResponse } from '@apollo/utils.fetcher';
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError } from 'graphql';
import {
  ANONYMOUS,
  CALLER_HEADER,
  callerClaims,
  minimisedCaller,
  pseudonymKey,
  signature,
  SIGNATURE_HEADER,
  subgraphKey,
  type Caller,
} from '../../shared/caller';
import { formatError, publicCodes } from '../../shared/errors';
import { inputRulesPlugin } from '../../shared/input-rules';
import { serveGraphQL } from '../../shared/http';
import { logger } from '../../shared/logger';
import type { RunningService } from '../../shared/subgraph';
import { developmentAuthenticator, openIdAuthenticator, type OpenIdOptions } from './auth';
import { claimChecks } from './claims';
import { formRoutes } from './forms';
import { peersFor } from '../../shared/peers';
import { explorerRoutes } from './explorer';
import { limitAnonymousRequests, type AnonymousLimits } from './plugins/anonymous-limits';
import { productionDefaults } from './plugins/production-defaults';
import { clientErrors } from './plugins/client-errors';
import { documentRoutes } from './documents/routes';
import { paymentRoutes } from './payments/routes';
import { pageRoutes } from './pages';
import { supergraphFromFile, type SupergraphState } from './supergraph';
import { systemClock, type Clock } from '../../shared/clock';
import type { DocumentStore } from '../../shared/document-store';
import { config, SUBGRAPH_NAMES } from '../../shared/config';

export interface GatewayContext {
  caller: Caller;
}

export interface GatewayOptions {
  /** The supergraph to serve, as text; or `supergraphFile`, read again every `supergraphPollMs` to take a new one without a restart. */
  supergraphSdl?: string;
  supergraphFile?: string;
  supergraphPollMs?: number;
  /** Where each subgraph listens, by name; overrides the URLs written in the supergraph. */
  subgraphUrls: Record<string, string>;
  port: number;
  host?: string;
  /** Secret for the signed caller header the subgraphs verify. */
  gatewaySecret: string;
  /** Secret of the development token issuer; used when `openId` is not given (never in production). */
  jwtSecret: string;
  /** The province's OpenID provider, whose tokens callers bring. */
  openId?: OpenIdOptions;
  /** Anonymous ratings, suggestions and petitions per client address. */
  anonymousLimits?: AnonymousLimits;
  /** Production hides the schema from anonymous callers. */
  production?: boolean;
  /** Pre-fills the explorer's Authorization header; development only. */
  explorerToken?: string;
  /** Milliseconds a subgraph may take before its part of the answer is given up. */
  subgraphTimeoutMs?: number;
  /** Where uploaded documents are kept; without one, /documents answers that none is configured. */
  documents?: DocumentStore;
  /** The largest document accepted, in bytes. */
  maxDocumentBytes?: number;
  /** The services' clock: the public board shows its day. */
  clock?: Clock;
  /** How often the public board's figures are read again (milliseconds). */
  boardPollMs?: number;
}

/**
 * Sends each subgraph the verified caller in a signed header, and gives up on slow subgraphs.
 * The caller's claims are set per request; the signature is added where the body is final (the
 * fetcher), since it covers the body's hash and the subgraph's name.
 */
class SignedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  /** A unit's subgraph (not one of the province's) is told of a citizen only a pseudonym, made with this key. */
  private readonly pseudonyms: string | null;

  constructor(
    private readonly name: string,
    url: string,
    secret: string,
    timeoutMs: number,
  ) {
    // Each subgraph checks with its own key, so one that is not the province's own cannot sign for the others.
    const key = subgraphKey(secret, name);
    super({
      url,
      // Node's fetch keeps connections alive and pools them; the signal bounds each call.
      fetcher: (async (input: string, init: RequestInit & { headers: Record<string, string> }) => {
        const claims = init.headers[CALLER_HEADER];
        const headers = claims
          ? {
              ...init.headers,
              [SIGNATURE_HEADER]: signature(claims, { audience: name, body: typeof init.body === 'string' ? init.body : '' }, key),
            }
          : init.headers;
        try {
          return await fetch(input, { ...init, headers, signal: AbortSignal.timeout(timeoutMs) });
        } catch (error) {
          logger.warn({ subgraph: name, err: error }, 'subgraph did not answer');
          throw new GraphQLError(`The ${name} service did not answer; the fields it provides are null in this response. Try again shortly.`, {
            extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: name },
          });
        }
      }) as never,
    });
    this.pseudonyms = (SUBGRAPH_NAMES as readonly string[]).includes(name) ? null : pseudonymKey(secret, name);
  }
  /** A subgraph's body that is not JSON (cut off, a proxy's page) is its outage, not an internal error. */
  override async parseBody(...args: Parameters<RemoteGraphQLDataSource<GatewayContext>['parseBody']>): Promise<object | string> {
    try {
      return await super.parseBody(...args);
    } catch (error) {
      logger.warn({ subgraph: this.name, err: error }, 'subgraph answered with a body that is not JSON');
      throw new GraphQLError(
        `The ${this.name} service gave an unreadable answer; the fields it provides are null in this response. Try again shortly.`,
        {
          extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: this.name },
        },
      );
    }
  }

  /**
   * A subgraph that refuses a whole request (HTTP 4xx/5xx) still says why in a GraphQL body: pass
   * its coded message on, without the subgraph's URL, instead of the data source's bare error.
   */
  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    const body = (await this.parseBody(response).catch(() => null)) as {
      errors?: { message?: string; extensions?: { code?: string; field?: string } }[];
    } | null;
    const first = body?.errors?.[0];
    const code = first?.extensions?.code;
    if (first?.message && code && publicCodes.has(code)) {
      return new GraphQLError(first.message, {
        extensions: { code, ...(first.extensions?.field ? { field: first.extensions.field } : {}), serviceName: this.name },
      });
    }
    logger.warn({ subgraph: this.name, status: response.status, body }, 'subgraph refused a request');
    return new GraphQLError(
      `The ${this.name} service could not answer (HTTP ${response.status}); the fields it provides are null in this response. Try again shortly.`,
      {
        extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: this.name },
      },
    );
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    // Health checks and schema loading run with a context of their own, without a caller.
    const caller = (context as Partial<GatewayContext>).caller;
    if (!caller) return;
    request.http?.headers.set(CALLER_HEADER, callerClaims(this.pseudonyms ? minimisedCaller(caller, this.pseudonyms) : caller));
  }
}

export async function startGateway(options: GatewayOptions): Promise<RunningService> {
  const supergraph: SupergraphState = { serving: '', refused: null };
  if (!options.supergraphSdl && !options.supergraphFile) throw new Error('Give the gateway a supergraph: supergraphSdl or supergraphFile.');
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphFile
      ? supergraphFromFile(options.supergraphFile, options.supergraphPollMs ?? 5000, supergraph)
      : options.supergraphSdl,
    buildService: ({ name, url }) =>
      new SignedDataSource(name, options.subgraphUrls[name] ?? url!, options.gatewaySecret, options.subgraphTimeoutMs ?? 10_000),
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
    // No automatic persisted queries: a request naming its operation by hash alone would pass the limits that read the operation's text.
    persistedQueries: false,
    formatError,
    includeStacktraceInErrorResponses: false,
    validationRules: protection.validationRules,
    plugins: [
      ...protection.plugins,
      inputRulesPlugin(),
      productionDefaults(options.production ?? false),
      clientErrors(),
      ApolloServerPluginLandingPageDisabled(),
    ],
  });
  const checks = claimChecks(
    peersFor({ catalogue: options.subgraphUrls.catalogue, personnel: options.subgraphUrls.personnel }, options.gatewaySecret, ANONYMOUS),
  );
  const authenticator = options.openId ? openIdAuthenticator(options.openId, checks) : developmentAuthenticator(options.jwtSecret, checks);
  const explorer = explorerRoutes(options.explorerToken);
  const { app, base } = await serveGraphQL({
    apollo,
    port: options.port,
    host: options.host,
    context: async (request) => ({ caller: await authenticator.callerOf(request.headers.authorization) }),
    routes: {
      ...explorer.assets,
      ...formRoutes(apollo, authenticator),
      '/health': () => ({ status: 'ok', service: 'gateway', supergraph: supergraph.serving || 'static', refused: supergraph.refused }),
    },
    page: explorer.page,
    plugins: async (app) => {
      await limitAnonymousRequests(app, options.anonymousLimits);
      await app.register(
        documentRoutes({
          store: options.documents,
          apollo,
          authenticator,
          peersOf: (caller) => peersFor({ dossiers: options.subgraphUrls.dossiers }, options.gatewaySecret, caller),
          maxBytes: options.maxDocumentBytes ?? config.maxDocumentBytes,
        }),
      );
      await app.register(pageRoutes({ apollo, clock: options.clock ?? systemClock, boardPollMs: options.boardPollMs ?? 2000 }));
      await app.register(
        paymentRoutes({
          peers: peersFor({ dossiers: options.subgraphUrls.dossiers }, options.gatewaySecret, ANONYMOUS),
          // The sandbox's pay page only where the sandbox stands for the platform, never in production.
          sandboxSecret: config.payments.provider === 'sandbox' && !options.production ? config.payments.sandboxSecret : undefined,
        }),
      );
    },
  });
  logger.info({ url: `${base}/graphql`, explorer: base }, 'gateway listening');
  return {
    name: 'gateway',
    url: `${base}/graphql`,
    server: app.server,
    stop: async () => {
      await apollo.stop();
      await options.documents?.close();
    },
  };
}
