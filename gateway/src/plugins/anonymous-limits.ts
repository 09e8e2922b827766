import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** The writes anyone may make without signing in: a citizen's rating, suggestion or petition. */
const ANONYMOUS_WRITES = /\b(rateDossier|submitSuggestion|submitPetition)\b/;

export interface AnonymousLimits {
  /** Ratings, suggestions and petitions one client address may send per window: a kiosk or a family sends a few, not hundreds. */
  writes: number;
  /** Other requests without a token per window (public lookups, the board, the explorer's files): one address cannot starve everyone. */
  reads: number;
  /** Window, in milliseconds. */
  windowMs: number;
}

export const DEFAULT_ANONYMOUS_LIMITS: AnonymousLimits = { writes: 10, reads: 600, windowMs: 60_000 };
/** For stacks that test or measure something else: many anonymous requests from one address, none limited. */
export const UNLIMITED_ANONYMOUS: AnonymousLimits = { writes: 1e9, reads: 1e9, windowMs: 60_000 };

/**
 * Whether a request is an anonymous write. Read from the text before parsing, on purpose
 * broadly: a mutation that names one of those fields anywhere (an alias, a fragment) counts.
 */
function isAnonymousWrite(request: FastifyRequest): boolean {
  const query = (request.body as { query?: unknown } | undefined)?.query;
  return typeof query === 'string' && /\bmutation\b/.test(query) && ANONYMOUS_WRITES.test(query);
}

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
    max: (request) => (isAnonymousWrite(request) ? limits.writes : limits.reads),
    timeWindow: limits.windowMs,
    keyGenerator: (request) => `${isAnonymousWrite(request) ? 'write' : 'read'}|${request.ip}`,
    allowList: (request) => !!request.headers.authorization || request.url === '/health',
    // Thrown to the HTTP layer's error handler, which answers it like every refusal (see shared/http.ts).
    errorResponseBuilder: (request, context) =>
      Object.assign(
        new Error(
          `${isAnonymousWrite(request) ? 'Too many ratings, suggestions or petitions' : 'Too many requests without sign-in'} from this address; try again in ${Math.ceil(context.ttl / 1000)} s.`,
        ),
        { statusCode: 429, code: 'RATE_LIMITED' },
      ),
  });
}
