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

/** What a unit's subgraph has: it holds no key to the other subgraphs, so every call is answered as an outage. */
export const noPeers: Peers = {
  query: (peer) => Promise.reject(unavailable(peer)),
};

/** Calls peers on behalf of `caller`, signed with the peer's key as the gateway signs, so the peer applies the same rules. */
export function peersFor(urls: Partial<Record<SubgraphName, string>>, gatewaySecret: string, caller: Caller): Peers {
  return {
    async query<T>(peer: SubgraphName, query: string, variables?: Record<string, unknown>): Promise<T> {
      const url = urls[peer];
      if (!url) throw unavailable(peer);
      let body: { data?: T; errors?: { message: string }[] };
      const sent = JSON.stringify({ query, variables });
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...signCaller(caller, gatewaySecret, { audience: peer, body: sent }) },
          body: sent,
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
        body = (await response.json()) as typeof body;
      } catch (error) {
        logger.warn({ err: error, peer }, 'peer call failed');
        throw unavailable(peer);
      }
      if (body.errors?.length || !body.data) {
        logger.error({ peer, errors: body.errors }, 'peer answered with errors');
        throw unavailable(peer);
      }
      return body.data;
    },
  };
}
