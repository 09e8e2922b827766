import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** The writes anyone may make without signing in: a citizen's rating, suggestion or petition. */
const ANONYMOUS_WRITES = /\b(rateDossier|submitSuggestion|submitPetition)\b/;

export interface AnonymousWriteLimits {
  /** Writes one client address may make per window; a kiosk or a family rates a few dossiers, not hundreds. */
  max: number;
  /** Window, in milliseconds. */
  windowMs: number;
}

export const DEFAULT_ANONYMOUS_WRITE_LIMITS: AnonymousWriteLimits = { max: 10, windowMs: 60_000 };

/**
 * Whether a request is an anonymous write. Read from the text before parsing, on purpose
 * broadly: a mutation that names one of those fields anywhere (an alias, a fragment) counts.
 */
function isAnonymousWrite(request: FastifyRequest): boolean {
  if (request.headers.authorization) return false;
  const query = (request.body as { query?: unknown } | undefined)?.query;
  return typeof query === 'string' && /\bmutation\b/.test(query) && ANONYMOUS_WRITES.test(query);
}

/**
 * Bounds anonymous writes per client address (`@fastify/rate-limit`), answered with 429,
 * RATE_LIMITED and Retry-After. Behind a load balancer set Fastify's trustProxy so the address is
 * the client's, not the balancer's.
 */
export async function limitAnonymousWrites(app: FastifyInstance, limits: AnonymousWriteLimits = DEFAULT_ANONYMOUS_WRITE_LIMITS): Promise<void> {
  await app.register(rateLimit, {
    global: true,
    hook: 'preHandler',
    max: limits.max,
    timeWindow: limits.windowMs,
    allowList: (request) => !isAnonymousWrite(request),
    // Thrown to the HTTP layer's error handler, which answers it like every refusal (see shared/http.ts).
    errorResponseBuilder: (_request, context) =>
      Object.assign(new Error(`Too many ratings, suggestions or petitions from this address; try again in ${Math.ceil(context.ttl / 1000)} s.`), { statusCode: 429, code: 'RATE_LIMITED' }),
  });
}
