import type { ApolloServerPlugin } from '@apollo/server';

/**
 * A subgraph that does not answer fails every fetch the plan sends it (one per level of the
 * query), each with the same SERVICE_UNAVAILABLE; the client is told once per service and path.
 */
export function distinctErrors(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          const seen = new Set<string>();
          response.body.singleResult.errors = response.body.singleResult.errors.filter((error) => {
            const key = JSON.stringify([error.message, error.path ?? null, error.extensions?.code ?? null, error.extensions?.serviceName ?? null]);
            if (seen.has(key)) return false;
            seen.add(key);
            return true;
          });
        },
      };
    },
  };
}
