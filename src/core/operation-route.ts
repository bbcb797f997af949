import type { ApolloServer, BaseContext } from '@apollo/server';
import type express from 'express';
import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode } from './errors.js';

/**
 * The REST routes for spreadsheets (/export, /import) run the graph's own operations as the caller,
 * so roles, scope and every rule stay in the resolvers and services. This is what they share: the
 * error they answer with ({ errors: [...] } and an HTTP status), the status per error code, running
 * an operation, and reading the caller.
 */
export class RouteError extends Error {
  constructor(
    readonly status: number,
    readonly errors: readonly GraphQLFormattedError[],
  ) {
    super(errors[0]?.message);
  }
}

export const routeError = (status: number, code: string, message: string) => new RouteError(status, [{ message, extensions: { code } }]);

const HTTP_STATUS: Record<string, number> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.INVALID_STATUS]: 409,
  [ErrorCode.IV3_CODELIJST]: 409,
  [ErrorCode.RATE_LIMITED]: 429,
  [ErrorCode.INTERNAL_SERVER_ERROR]: 500,
  [ErrorCode.DATABASE_UNAVAILABLE]: 503,
};

/** Runs an operation of the route's own as the caller; its errors become a RouteError (400 unless the code says otherwise). */
export async function runAsCaller<C extends BaseContext>(apollo: ApolloServer<C>, query: string, variables: Record<string, unknown>, context: C): Promise<Record<string, unknown>> {
  const response = await apollo.executeOperation({ query, variables }, { contextValue: context });
  if (response.body.kind !== 'single') throw routeError(500, ErrorCode.INTERNAL_SERVER_ERROR, 'Onverwacht antwoord.');
  const { data, errors } = response.body.singleResult;
  if (errors?.length) {
    // The operation is the route's own, so its locations and path mean nothing to the caller.
    const fouten = errors.map(({ message, extensions }) => {
      const { stacktrace: _stacktrace, ...rest } = extensions ?? {};
      return { message, extensions: rest };
    });
    throw new RouteError(HTTP_STATUS[String(errors[0].extensions?.code)] ?? 400, fouten);
  }
  return data as Record<string, unknown>;
}

/** The caller of a request; a failed sign-in becomes a RouteError with the authentication's status and message. */
export function caller<I>(identify: (req: express.Request) => Promise<I>, req: express.Request): Promise<I> {
  return identify(req).catch((error: { extensions?: { code?: string; http?: { status?: number } }; message: string }) => {
    throw routeError(error.extensions?.http?.status ?? 401, error.extensions?.code ?? ErrorCode.UNAUTHENTICATED, error.message);
  });
}

/** An express handler that answers a RouteError as { errors } with its status; anything else goes to express. */
export const handleRoute =
  (step: (req: express.Request, res: express.Response) => Promise<void>) =>
  async (req: express.Request, res: express.Response): Promise<void> => {
    try {
      await step(req, res);
    } catch (error) {
      if (!(error instanceof RouteError)) throw error;
      res.status(error.status).json({ errors: error.errors });
    }
  };
