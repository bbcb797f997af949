import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { Kind, type DocumentNode } from 'graphql';
import type { Logger } from 'pino';
import type { HubMetrics } from './metrics.js';

/** One structured log line and one metrics observation per GraphQL operation: name, duration and outcome. */
export function requestLogging<C extends BaseContext & { log: Logger }>(metrics: HubMetrics): ApolloServerPlugin<C> {
  return {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      return {
        async willSendResponse({ operationName: resolved, request, document, errors }) {
          // Apollo resolves the name only after validation; a rejected operation is still reported by its name.
          const operationName = resolved ?? request.operationName ?? firstOperationName(document);
          const codes = errors?.map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
          const durationMs = performance.now() - started;
          metrics.operationFinished(operationName, codes?.[0] ?? 'OK', durationMs / 1000);
          contextValue.log.info(
            { operationName: operationName ?? null, durationMs: Math.round(durationMs), outcome: codes?.length ? 'error' : 'ok', errorCodes: codes },
            'graphql',
          );
        },
      };
    },
  };
}

function firstOperationName(document: DocumentNode | undefined): string | undefined {
  const operation = document?.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  return operation?.kind === Kind.OPERATION_DEFINITION ? operation.name?.value : undefined;
}
