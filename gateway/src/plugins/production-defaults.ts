import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, visit, type DocumentNode } from 'graphql';
import { isOfficial, type Caller } from '../../../shared/caller';

const INTROSPECTION_FIELDS = new Set(['__schema', '__type']);

function asksForSchema(document: DocumentNode): boolean {
  let asks = false;
  visit(document, {
    Field(node) {
      if (INTROSPECTION_FIELDS.has(node.name.value)) asks = true;
    },
  });
  return asks;
}

/** graphql-js ends an unknown field's message with hints that spell out the schema: `Did you mean "x" or "y"?`. */
const SUGGESTION = /\s*Did you mean .+\?$/;

/**
 * In production a caller who is not a signed-in official (the public, citizens) neither reads the schema (introspection) nor has it spelled
 * out in error messages (field suggestions); signed-in officials keep both, for the explorer and
 * analysts. Outside production everyone has both.
 */
export function productionDefaults(production: boolean): ApolloServerPlugin<{ caller: Caller }> {
  return {
    async requestDidStart({ contextValue }) {
      if (!production || isOfficial(contextValue.caller)) return;
      return {
        async didResolveOperation({ document }) {
          if (asksForSchema(document)) {
            throw new GraphQLError(
              'Reading the schema (introspection) needs a signed-in official; sign in, or read the published schema documentation.',
              {
                extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
              },
            );
          }
        },
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          for (const error of response.body.singleResult.errors ?? []) {
            if (SUGGESTION.test(error.message)) (error as { message: string }).message = error.message.replace(SUGGESTION, '');
          }
        },
      };
    },
  };
}
