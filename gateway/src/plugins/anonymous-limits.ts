import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** The writes anyone may make without signing in: a citizen's rating, suggestion or petition; a number taken at the kiosk. */
const ANONYMOUS_WRITES = /\b(rateDossier|submitSuggestion|submitPetition)\b/;
const TICKETS = /\btakeQueueTicket\b/;

export interface AnonymousLimits {
  /** Ratings, suggestions and petitions one client address may send per window: a kiosk or a family sends a few, not hundreds. */
  writes: number;
  /** Queue numbers one address may take per window: a kiosk at a busy centre gives one every few seconds at most. */
  tickets: number;
  /** Other requests without a token per window (public lookups, the board, the explorer's files): one address cannot starve everyone. */
  reads: number;
  /** Window, in milliseconds. */
  windowMs: number;
}

export const DEFAULT_ANONYMOUS_LIMITS: AnonymousLimits = { writes: 10, tickets: 30, reads: 600, windowMs: 60_000 };
/** For stacks that test or measure something else: many anonymous requests from one address, none limited. */
export const UNLIMITED_ANONYMOUS: AnonymousLimits = { writes: 1e9, tickets: 1e9, reads: 1e9, windowMs: 60_000 };

type Bucket = 'write' | 'ticket' | 'read';

/**
 * Which count a request goes to. Read from the text before parsing, on purpose broadly: a
 * mutation that names one of those fields anywhere (an alias, a fragment) counts as that write.
 */
function bucketOf(request: FastifyRequest): Bucket {
  const query = (request.body as { query?: unknown } | undefined)?.query;
  if (typeof query !== 'string' || !/\bmutation\b/.test(query)) return 'read';
  return ANONYMOUS_WRITES.test(query) ? 'write' : TICKETS.test(query) ? 'ticket' : 'read';
}

const REFUSED: Record<Bucket, string> = {
  write: 'Too many ratings, suggestions or petitions',
  ticket: 'Too many queue numbers taken',
  read: 'Too many requests without sign-in',
};

/**
 * Bounds requests without a token per client address (`@fastify/rate-limit`), writes far more
 * tightly than reads, each in its own count; answered with 429, RATE_LIMITED and Retry-After.
 * Signed-in officials and the load balancer's health probe are not counted. Behind a load
 * balancer set TRUST_PROXY so the address is the client's, not the balancer's.
 */
export async function limitAnonymousRequests(app: FastifyInstance, limits: AnonymousLimits = DEFAULT_ANONYMOUS_LIMITS): Promise<void> {
  await app.register(rateLimit, {
    global: true,
    hook: 'preHandler',
    max: (request) => ({ write: limits.writes, ticket: limits.tickets, read: limits.reads })[bucketOf(request)],
    timeWindow: limits.windowMs,
    keyGenerator: (request) => `${bucketOf(request)}|${request.ip}`,
    allowList: (request) => !!request.headers.authorization || request.url === '/health',
    // Thrown to the HTTP layer's error handler, which answers it like every refusal (see shared/http.ts).
    errorResponseBuilder: (request, context) =>
      Object.assign(new Error(`${REFUSED[bucketOf(request)]} from this address; try again in ${Math.ceil(context.ttl / 1000)} s.`), {
        statusCode: 429,
        code: 'RATE_LIMITED',
      }),
  });
}
