import type { ApolloServerPlugin } from '@apollo/server';
import { SUBGRAPH_NAMES } from '../../../shared/config';

/**
 * Errors as clients read them. A subgraph that does not answer fails every fetch the plan sends
 * it (one per level of the query), each with the same SERVICE_UNAVAILABLE: the client is told once
 * per service and path. And what a unit's own subgraph says is shown as its words, not the
 * platform's ("The land service says: …"), so no unit can speak for the province (a sign-in link).
 */
export function clientErrors(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          const seen = new Set<string>();
          response.body.singleResult.errors = response.body.singleResult.errors.flatMap((error) => {
            const key = JSON.stringify([error.message, error.path ?? null, error.extensions?.code ?? null, error.extensions?.serviceName ?? null]);
            if (seen.has(key)) return [];
            seen.add(key);
            const service = error.extensions?.serviceName;
            const unit = typeof service === 'string' && !(SUBGRAPH_NAMES as readonly string[]).includes(service);
            return unit && !error.message.startsWith(`The ${service} service`)
              ? [{ ...error, message: `The ${service} service says: ${error.message}` }]
              : [error];
          });
        },
      };
    },
  };
}
