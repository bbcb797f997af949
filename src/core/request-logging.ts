import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../context.js';

/** One structured log line per GraphQL operation: name, duration and outcome. */
export function requestLogging(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      return {
        async willSendResponse({ operationName, errors }) {
          const codes = errors?.map((e) => e.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
          contextValue.log.info(
            { operationName: operationName ?? null, durationMs: Math.round(performance.now() - started), outcome: codes?.length ? 'error' : 'ok', errorCodes: codes },
            'graphql',
          );
        },
      };
    },
  };
}
