import type http from 'node:http';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import type { ApolloServer, BaseContext } from '@apollo/server';
import { fastifyApolloDrainPlugin, fastifyApolloHandler } from '@as-integrations/fastify';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { config } from './config';
import { logger } from './logger';

/** Longer than the gateway client's 15 s idle socket time, so the server never closes a socket the client is about to reuse. */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;
/** The largest request body accepted: far above any real operation, far below what would hurt a 2-core service. */
export const MAX_BODY_BYTES = 1_000_000;
/** A request must arrive whole within this: a client trickling a body cannot hold a connection (and a file descriptor) for long. */
export const REQUEST_TIMEOUT_MS = 30_000;
/** Brackets nested deeper than any real operation; graphql-js would recurse once per level while parsing. */
const MAX_NESTING = 64;

export type Route = (request: FastifyRequest, reply: FastifyReply) => unknown;

export interface HttpOptions<C extends BaseContext> {
  apollo: ApolloServer<C>;
  context: (request: FastifyRequest) => Promise<C>;
  /** Runs once the request's operation has ended, whatever its outcome, for a context that was made (its database connection goes back to the pool). */
  settle?: (context: C) => Promise<void>;
  /** Other GET routes by exact path (health, explorer assets); `/graphql` is the API. */
  routes?: Record<string, Route>;
  /** Answers a browser opening `/graphql` (a GET that accepts HTML), e.g. with the explorer. */
  page?: Route;
  /** Fastify plugins of this service (the gateway's rate limits), registered before the routes. */
  plugins?: (app: FastifyInstance) => Promise<void>;
  port: number;
  host?: string;
}

export interface HttpService {
  app: FastifyInstance;
  /** Base URL, without `/graphql`. */
  base: string;
}

const RAW_BODY = Symbol('rawBody');

/** The request body exactly as it arrived ('' for a GET). */
export const rawBody = (request: FastifyRequest): string => (request as FastifyRequest & { [RAW_BODY]?: string })[RAW_BODY] ?? '';

/** The body of an error the HTTP layer answers itself, shaped like a GraphQL response so clients need one parser. */
export function errorBody(code: string, message: string) {
  return { errors: [{ message, extensions: { code } }] };
}

/** Bytes of a refused body read and thrown away so its client can read the answer; beyond this the connection is cut. */
const MAX_DRAIN_BYTES = 64 * MAX_BODY_BYTES;

function drain(request: http.IncomingMessage): Promise<void> {
  if (request.complete || request.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    let read = 0;
    request.on('data', (chunk: Buffer) => {
      read += chunk.length;
      if (read > MAX_DRAIN_BYTES) {
        request.destroy();
        resolve();
      }
    });
    request.once('end', () => resolve());
    request.once('close', () => resolve());
    request.resume();
  });
}

/** The deepest nesting of (), [] and {} in a document, outside strings; a linear scan, run before parsing. */
function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i += 1;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[' || c === '(') deepest = Math.max(deepest, ++depth);
    else if (c === '}' || c === ']' || c === ')') depth -= 1;
  }
  return deepest;
}

function validHost(host: string | undefined): boolean {
  if (!host?.trim()) return false; // the GraphQL adapter builds a URL from it
  try {
    new URL(`http://${host}/`);
    return true;
  } catch {
    return false;
  }
}

/**
 * Errors Node's HTTP parser meets before Fastify sees a request (a bad Content-Length, a header
 * too large, a request too slow): the same GraphQL-shaped answer and code as every other refusal.
 */
function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const [status, reason] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'The request headers are too large.']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, `The request did not arrive within ${REQUEST_TIMEOUT_MS / 1000} s.`]
        : [400, 'The HTTP request is malformed.'];
  const body = JSON.stringify(errorBody(status === 408 ? 'REQUEST_TIMEOUT' : 'BAD_REQUEST', reason));
  socket.end(
    `HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : status === 408 ? 'Request Timeout' : 'Bad Request'}\r\nconnection: close\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

/** What Fastify's own errors mean to a client: status, stable code and a message a person can act on. */
function httpError(error: FastifyError): { status: number; code: string; message: string } {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, code: 'PAYLOAD_TOO_LARGE', message: `The request body is over ${MAX_BODY_BYTES} bytes; send a smaller operation.` };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Send the operation as JSON (content-type: application/json).' };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { status: 400, code: 'BAD_REQUEST', message: 'The request body is empty or its length is wrong; send {"query": "..."} as JSON.' };
  }
  if (error.code === 'RATE_LIMITED') return { status: 429, code: 'RATE_LIMITED', message: error.message };
  if (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return { status: 400, code: 'BAD_REQUEST', message: 'The request body is not valid JSON; send {"query": "...", "variables": {...}}.' };
  }
  const status = error.statusCode ?? 500;
  if (status < 500) return { status, code: 'BAD_REQUEST', message: error.message };
  return { status: 500, code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error; the incident was logged.' };
}

/** Codes of a request that never ran: it could not be parsed, validated, resolved to one operation, or its values were refused. */
const REQUEST_ERROR_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'OPERATION_RESOLUTION_FAILURE']);

/**
 * The status the GraphQL-over-HTTP spec asks for a request that never ran: 400 when the client
 * accepts `application/graphql-response+json`, 200 with the errors for plain `application/json`
 * (where a 4xx may come from any proxy on the way). Apollo answers 400 or, for a limit enforced in
 * a plugin, 500; only those answers are read here, so a normal 200 costs nothing.
 */
async function statusByAcceptedType(_request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
  if ((reply.statusCode !== 400 && reply.statusCode !== 500) || typeof payload !== 'string') return payload;
  const type = String(reply.getHeader('content-type') ?? '');
  const graphqlResponse = type.startsWith('application/graphql-response+json');
  if (!graphqlResponse && !type.startsWith('application/json')) return payload;
  let body: { data?: unknown; errors?: { extensions?: { code?: string } }[] };
  try {
    body = JSON.parse(payload) as typeof body;
  } catch {
    return payload;
  }
  if (!body || 'data' in body || !body.errors?.length || !body.errors.every((e) => REQUEST_ERROR_CODES.has(e.extensions?.code ?? ''))) return payload;
  void reply.code(graphqlResponse ? 400 : 200);
  return payload;
}

/**
 * GraphQL over HTTP on Fastify: Apollo Server at `/graphql`, the other routes beside it, and
 * one answer for everything that fails before GraphQL runs (body too large, bad JSON, wrong
 * media type) with a code and a status. Apollo is started here, with Fastify's drain plugin, so
 * stopping it finishes in-flight requests and closes the server.
 */
export async function serveGraphQL<C extends BaseContext>(options: HttpOptions<C>): Promise<HttpService> {
  const app = Fastify({
    // Node checks request timeouts every connectionsCheckingInterval (30 s by default): check often, so a slow client is cut near the limit.
    http: { connectionsCheckingInterval: 2_000, headersTimeout: REQUEST_TIMEOUT_MS },
    // Errors in Fastify's own routing (a URL that cannot be decoded) answered like every other refusal.
    frameworkErrors: (error, _request, reply) => {
      void (reply as FastifyReply)
        .code(400)
        .send(errorBody('BAD_REQUEST', `The request is malformed (${error.message.replace(/'[^']*'/g, 'its URL')}).`));
    },
    bodyLimit: MAX_BODY_BYTES,
    // Behind a load balancer the client's address is in X-Forwarded-For, trusted only from the proxies named here.
    trustProxy: config.trustProxy,
    keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
    requestTimeout: REQUEST_TIMEOUT_MS,
    clientErrorHandler: answerClientError,
    // Requests that arrive while the service stops get 503 and try another replica.
    return503OnClosing: true,
    logger: false,
  });
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const { status, code, message } = httpError(error);
    if (status >= 500) logger.error({ err: error }, 'request failed');
    // Refused on its Content-Length before a byte was read: let the client finish sending, or it sees a broken pipe, not the 413.
    if (status === 413) await drain(request.raw);
    return reply.code(status).type('application/json; charset=utf-8').send(errorBody(code, message));
  });
  // Requests the GraphQL layer would trip over, refused with a code first: a Host no URL can be made of, nesting that would exhaust the parser's stack.
  app.addHook('preHandler', async (request, reply) => {
    if (!validHost(request.headers.host))
      return reply.code(400).send(errorBody('BAD_REQUEST', 'The Host header is missing or not a valid host name.'));
    const query = (request.body as { query?: unknown } | undefined)?.query ?? (request.query as { query?: unknown } | undefined)?.query;
    if (typeof query === 'string' && nestingDepth(query) > MAX_NESTING) {
      return reply.code(400).send(errorBody('BAD_REQUEST', `The operation nests brackets more than ${MAX_NESTING} deep; no real operation does.`));
    }
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send(errorBody('NOT_FOUND', `Nothing at ${request.method} ${request.url.split('?')[0]}; the API is at /graphql.`)),
  );
  // JSON parsed from the text kept beside it: a subgraph checks the gateway's signature over the exact bytes sent.
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    (request as FastifyRequest & { [RAW_BODY]?: string })[RAW_BODY] = body as string;
    try {
      done(null, body === '' ? undefined : JSON.parse(body as string));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  await options.plugins?.(app);
  options.apollo.addPlugin(fastifyApolloDrainPlugin<C>(app));
  await options.apollo.start();
  const contexts = new WeakMap<FastifyRequest, C>();
  const graphql = fastifyApolloHandler(options.apollo, {
    context: async (request) => {
      const context = await options.context(request);
      contexts.set(request, context);
      return context;
    },
  });
  app.route({
    method: ['GET', 'POST'],
    url: '/graphql',
    onSend: statusByAcceptedType,
    handler: async (request, reply) => {
      if (request.method === 'GET' && options.page && (request.headers.accept ?? '').includes('text/html')) return options.page(request, reply);
      try {
        return await graphql.call(app, request as never, reply as never);
      } finally {
        // Apollo has finished executing when its handler returns: no resolver still holds the context.
        const context = contexts.get(request);
        if (context && options.settle) await options.settle(context);
      }
    },
  });
  for (const [path, route] of Object.entries(options.routes ?? {})) app.get(path, route);
  await app.listen({ port: options.port, host: options.host ?? '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const host = options.host === '0.0.0.0' || !options.host ? (options.host ? 'localhost' : '127.0.0.1') : options.host;
  return { app, base: `http://${host}:${port}` };
}

/** A port free right now on loopback, for tests and benchmarks that start their own servers. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });
}
