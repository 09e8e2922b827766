import { GraphQLError } from 'graphql';
import { signCaller, type Caller } from './caller';
import type { SubgraphName } from './config';
import { logger } from './logger';

const TIMEOUT_MS = 10_000;

/** Another subgraph, asked directly for the data a write needs (the gateway plans reads, not writes). */
export interface Peers {
  query<T>(peer: SubgraphName, query: string, variables?: Record<string, unknown>): Promise<T>;
}

const unavailable = (peer: SubgraphName) =>
  new GraphQLError(`The ${peer} service did not answer; nothing was changed. Try again in a moment.`, {
    extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: peer },
  });

/** Sends one query to `url` and returns its data, or SERVICE_UNAVAILABLE naming `peer` (what failed is logged, not told). */
async function ask<T>(
  url: string | undefined,
  peer: SubgraphName,
  headers: (body: string) => Record<string, string>,
  query: string,
  variables?: Record<string, unknown>,
): Promise<T> {
  if (!url) throw unavailable(peer);
  let body: { data?: T; errors?: { message: string }[] };
  const sent = JSON.stringify({ query, variables });
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers(sent) },
      body: sent,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    body = (await response.json()) as typeof body;
    if (response.status === 429) {
      throw new GraphQLError(
        `The ${peer} service is asked too often from here (the gateway's limit for anonymous calls); nothing was changed. Try again in ${response.headers.get('retry-after') ?? 'a few'} seconds.`,
        { extensions: { code: 'RATE_LIMITED', serviceName: peer } },
      );
    }
  } catch (error) {
    if (error instanceof GraphQLError) throw error;
    logger.warn({ err: error, peer }, 'peer call failed');
    throw unavailable(peer);
  }
  if (body.errors?.length || !body.data) {
    logger.error({ peer, errors: body.errors }, 'peer answered with errors');
    throw unavailable(peer);
  }
  return body.data;
}

/** Calls peers on behalf of `caller`, signed with the peer's key as the gateway signs, so the peer applies the same rules. */
export function peersFor(urls: Partial<Record<SubgraphName, string>>, gatewaySecret: string, caller: Caller): Peers {
  return {
    query: (peer, query, variables) => ask(urls[peer], peer, (body) => signCaller(caller, gatewaySecret, { audience: peer, body }), query, variables),
  };
}

/**
 * What a unit's subgraph reads of the others: it holds no key to them, so it asks the gateway's
 * public API as anyone may (the catalogue's units, a procedure), with no caller. Without the
 * gateway's URL every call is answered as an outage.
 */
export function publicGraph(gatewayUrl: string | undefined): Peers {
  return { query: (peer, query, variables) => ask(gatewayUrl, peer, () => ({}), query, variables) };
}
