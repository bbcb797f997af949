import { GraphQLError } from 'graphql';

/** Stable machine-readable codes in `extensions.code`; clients switch on these, never on messages. */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  INVALID_STATUS = 'INVALID_STATUS',
  /** The year of a module is closed (its jaarrekening is recorded); a beheerder can reopen it. */
  JAAR_AFGESLOTEN = 'JAAR_AFGESLOTEN',
  /** The hub's figures cannot be written in CBS's Iv3 code lists of that boekjaar (the export would be refused by CBS). */
  IV3_CODELIJST = 'IV3_CODELIJST',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  DATABASE_UNAVAILABLE = 'DATABASE_UNAVAILABLE',
  QUERY_TIMEOUT = 'QUERY_TIMEOUT',
  READ_ONLY = 'READ_ONLY',
  QUERY_TOO_DEEP = 'QUERY_TOO_DEEP',
  QUERY_TOO_COSTLY = 'QUERY_TOO_COSTLY',
  QUERY_TOO_LARGE = 'QUERY_TOO_LARGE',
  TOO_MANY_ALIASES = 'TOO_MANY_ALIASES',
  RATE_LIMITED = 'RATE_LIMITED',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

export const DATABASE_UNAVAILABLE_MESSAGE = 'De database is tijdelijk niet bereikbaar. Probeer het over enkele ogenblikken opnieuw.';

/** An error meant for the user: a Dutch message and a stable code, plus optional details. */
export function hubError(code: ErrorCode, message: string, details: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...details, code } });
}

export function notFound(what: string, key: string): GraphQLError {
  return hubError(ErrorCode.NOT_FOUND, `${what} "${key}" bestaat niet.`, { key });
}
