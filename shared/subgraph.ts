import { readFileSync } from 'node:fs';
import type http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import {
  defaultFieldResolver,
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  parse,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import type { DataSource, EntityManager } from 'typeorm';
import { subgraphKey, verifyCaller, type Caller } from './caller';
import { systemClock, type Clock } from './clock';
import { readsDependOnCaller, requestDb, type Entities, type Migrations, type RequestDb } from './db';
import type { SubgraphName } from './config';
import { credentialsRefused, formatError } from './errors';
import { rawBody, serveGraphQL } from './http';
import { holdsCode, inputRulesPlugin } from './input-rules';
import { normaliseCode } from './units';
import { logger } from './logger';
import { peersFor, publicGraph, type Peers } from './peers';
import { scalarResolvers } from './scalars';

/** What every resolver receives: the verified caller, the database and this request's loaders. */
export interface SubgraphContext<L = unknown> {
  caller: Caller;
  /** This request's connection, carrying the caller for row-level security (see `requestDb`). */
  db: EntityManager;
  loaders: L;
  /** The other subgraphs, called as this caller. */
  peers: Peers;
  /** What time it is; never `new Date()` in a resolver, so tests run at the demo's date. */
  clock: Clock;
  /** A unit's own subgraph: the unit that keeps it, whose officials alone write (see `scopedMutation`); absent for the province's. */
  owner?: string;
}

/**
 * Everything a subgraph is, without a port: the gateway tests, the dev launcher and the
 * standalone entry point all start it from this one description.
 */
export interface SubgraphModule<L, N extends string = SubgraphName> {
  /** The name it is registered by (subgraphs/registry.json), which the gateway signs its calls for. */
  name: N;
  /** A unit's own subgraph: the unit that keeps it (a path), whose officials alone write its rows; the port it listens on in development. */
  owner?: string;
  devPort?: number;
  typeDefs: DocumentNode;
  resolvers: GraphQLResolverMap<SubgraphContext<L>>;
  entities: Entities;
  migrations: Migrations;
  /** A request's loaders; `peers` asks other subgraphs as the same caller, for figures that combine theirs with ours; `clock` says what time it is. */
  createLoaders(db: EntityManager, peers: Peers, clock: Clock): L;
  /** What in its own configuration keeps it from running in production (a sandbox standing for a real provider), one line each. */
  productionProblems?(): string[];
}

/**
 * Any subgraph, whatever its loaders: what the kernel starts, migrates and connects. Its
 * resolvers are typed for a context they never receive from here, so every subgraph's map fits;
 * each subgraph's own `SubgraphModule<L>` keeps its resolvers and loaders in step.
 */
export type Subgraph<N extends string = string> = Omit<SubgraphModule<unknown, N>, 'resolvers'> & { resolvers: GraphQLResolverMap<never> };

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
  /**
   * The gateway's secret, which the province's own subgraphs hold: their key is derived from it,
   * and they sign calls to each other (peers). A unit's subgraph is given only `key`, its own,
   * and calls no other subgraph.
   */
  secret?: string;
  key?: string;
  /** A unit's subgraph: the gateway's API it reads public data from (units, procedures), as anyone may. */
  publicGraph?: string;
  /** Where the other subgraphs listen, for writes that need their data. */
  peers?: Partial<Record<SubgraphName, string>>;
  clock?: Clock;
}

export function buildSchema(module: Subgraph) {
  const declared = new Set(module.typeDefs.definitions.flatMap((d) => ('name' in d && d.name ? [d.name.value] : [])));
  const scalars = Object.fromEntries(Object.entries(scalarResolvers).filter(([name]) => declared.has(name)));
  const schema = buildSubgraphSchema({ typeDefs: module.typeDefs, resolvers: { ...scalars, ...module.resolvers } as GraphQLResolverMap<unknown> });
  normaliseCodes(schema);
  return schema;
}

/** Whether a value of this type, given for `name`, holds a code somewhere inside it. */
function holdsCodeIn(type: GraphQLInputType, name: string, depth = 0): boolean {
  const named = getNamedType(type);
  if (isInputObjectType(named)) return depth < 4 && Object.values(named.getFields()).some((f) => holdsCodeIn(f.type, f.name, depth + 1));
  return named.name === 'String' && holdsCode(name);
}

/** The value with every code in it trimmed and upper-cased, as codes are stored. */
function normalised(type: GraphQLInputType, name: string, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (isNonNullType(type)) return normalised(type.ofType, name, value);
  if (isListType(type)) return Array.isArray(value) ? value.map((item) => normalised(type.ofType, name, item)) : normalised(type.ofType, name, value);
  if (isInputObjectType(type)) {
    const fields = type.getFields();
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, fields[key] ? normalised(fields[key].type, key, item) : item]),
    );
  }
  return typeof value === 'string' && holdsCode(name) ? normaliseCode(value) : value;
}

/**
 * Codes people type or scan (`27-tthcc `, a dossier code in lower case) reach every resolver in
 * the form they are stored, whatever the field: one wrapper here rather than a call in each lookup.
 */
function normaliseCodes(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (!field.args.some((argument) => holdsCodeIn(argument.type, argument.name))) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args: Record<string, unknown>, context, info) =>
        resolve(
          source,
          Object.fromEntries(
            field.args.map((a) => [a.name, a.name in args ? normalised(a.type, a.name, args[a.name]) : undefined]).filter(([, v]) => v !== undefined),
          ),
          context,
          info,
        );
    }
  }
}

export async function startSubgraph(module: Subgraph, options: StartOptions): Promise<RunningService> {
  const readsByCaller = await readsDependOnCaller(options.db);
  const key = options.key ?? (options.secret ? subgraphKey(options.secret, module.name) : undefined);
  if (!key) throw new Error(`The ${module.name} subgraph needs the gateway's secret or its own key to check the signed caller.`);
  const { secret } = options;
  const apollo = new ApolloServer<SubgraphContext & { connection: RequestDb }>({
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
      // The signature covers the body; a GET carries its query in the URL instead, so only the gateway's POSTs are taken.
      if (request.method !== 'POST') throw credentialsRefused("Subgraphs answer the gateway's signed POST requests only.");
      const caller = verifyCaller({ get: (name) => request.headers[name] as string | undefined }, key, {
        audience: module.name,
        body: rawBody(request),
      });
      const peers = secret ? peersFor(options.peers ?? {}, secret, caller) : publicGraph(options.publicGraph);
      const connection = requestDb(options.db, caller, readsByCaller);
      return {
        caller,
        db: connection.manager,
        connection,
        loaders: module.createLoaders(connection.manager, peers, options.clock ?? systemClock),
        peers,
        clock: options.clock ?? systemClock,
        owner: module.owner,
      };
    },
    settle: (context) => context.connection.release(),
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
