import { unwrapResolverError } from '@apollo/server/errors';
import { DriverException } from '@mikro-orm/core';
import type { GraphQLFormattedError } from 'graphql';
import { randomUUID } from 'node:crypto';
import { isDatabaseOutage } from './database-outage.js';
import { DATABASE_UNAVAILABLE_MESSAGE, ErrorCode } from './errors.js';
import { ARMOR_REFUSALS } from './limits.js';
import { logger } from './logger.js';

/** PostgreSQL SQLSTATEs that mean "your data breaks a rule", with what to tell the user. */
const CONSTRAINT_ERRORS: Record<string, { code: ErrorCode; message: string }> = {
  '23505': { code: ErrorCode.CONFLICT, message: 'Dit gegeven bestaat al (dubbele sleutel).' },
  '23P01': { code: ErrorCode.CONFLICT, message: 'Deze periode overlapt met een bestaande periode.' },
  '23503': { code: ErrorCode.BAD_USER_INPUT, message: 'Verwijzing naar een gegeven dat niet bestaat of nog in gebruik is.' },
  '23514': { code: ErrorCode.BAD_USER_INPUT, message: 'Een waarde voldoet niet aan de regels van het gegevensmodel.' },
  '23502': { code: ErrorCode.BAD_USER_INPUT, message: 'Een verplicht gegeven ontbreekt.' },
  // Concurrent writers: PostgreSQL aborted one transaction; nothing of it was stored.
  '40P01': { code: ErrorCode.CONFLICT, message: 'Een gelijktijdige wijziging kwam ertussen; er is niets opgeslagen. Probeer het opnieuw.' },
  '40001': { code: ErrorCode.CONFLICT, message: 'Een gelijktijdige wijziging kwam ertussen; er is niets opgeslagen. Probeer het opnieuw.' },
  '25006': { code: ErrorCode.READ_ONLY, message: 'Deze Regiohub-instantie is alleen-lezen (zij leest van een replica); stuur wijzigingen naar de primaire instantie.' },
  '57014': { code: ErrorCode.QUERY_TIMEOUT, message: 'De database deed er te lang over; de vraag is afgebroken. Vraag minder gegevens tegelijk op.' },
  // Raised by the jaarafsluiting triggers: the last guard when a write reaches a closed year.
  RH001: {
    code: ErrorCode.JAAR_AFGESLOTEN,
    message: 'Dit jaar van de module is afgesloten: de jaarrekening is vastgelegd en er verandert niets meer. Een beheerder kan het jaar heropenen (jaarHeropenen, met reden).',
  },
};

interface Violation {
  property: string;
  constraints?: Record<string, string>;
  children?: Violation[];
}

/**
 * class-validator reports a field of a nested input (`waarden[2].toelichting`) as a child of its
 * parent without constraints of its own; the user needs the field's path and message.
 */
function flattenViolations(violations: Violation[], prefix = ''): Array<{ path: string; messages: string[] }> {
  return violations.flatMap((v) => {
    const path = prefix ? `${prefix}.${v.property}` : v.property;
    const own = v.constraints ? [{ path, messages: Object.values(v.constraints) }] : [];
    const nested = v.children?.length ? flattenViolations(v.children, path) : [];
    return own.length || nested.length ? [...own, ...nested] : [{ path, messages: [] }];
  });
}

/**
 * Every error leaves with a stable extensions.code. Known database rule violations get a Dutch
 * message and the constraint's name; anything unexpected is logged with an id and, in production,
 * reaches the client only as that id.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, production: boolean): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  // MikroORM wraps the errors of its own queries; raw SQL (aggregates, cache checks) throws pg's DatabaseError.
  const isDatabaseError = original instanceof DriverException || (original instanceof Error && 'severity' in original);
  if (isDatabaseError) {
    const sqlState = String((original as Error & { code?: string }).code ?? '');
    const known = CONSTRAINT_ERRORS[sqlState];
    if (known) {
      const constraint = (original as unknown as { constraint?: string }).constraint;
      return { ...formatted, message: known.message, extensions: { code: known.code, ...(constraint ? { constraint } : {}) } };
    }
  }
  if (isDatabaseOutage(original)) {
    logger.warn({ err: original }, 'database niet bereikbaar');
    return { ...formatted, message: DATABASE_UNAVAILABLE_MESSAGE, extensions: { code: ErrorCode.DATABASE_UNAVAILABLE } };
  }
  const code = formatted.extensions?.code;
  if (code === 'GRAPHQL_VALIDATION_FAILED' || code === 'GRAPHQL_PARSE_FAILED') {
    for (const { pattern, code: limitCode, message } of ARMOR_REFUSALS) {
      const match = pattern.exec(formatted.message);
      if (match) return { message: message.replace('$1', match[1]), extensions: { code: limitCode } };
    }
  }
  const validationErrors = formatted.extensions?.validationErrors as Violation[] | undefined;
  if (validationErrors) {
    const violations = flattenViolations(validationErrors);
    const messages = violations.flatMap((v) => v.messages.map((m) => `${v.path}: ${m}`));
    return { ...formatted, message: `Ongeldige invoer. ${messages.join(' ')}`, extensions: { code: ErrorCode.BAD_USER_INPUT, velden: violations.map((v) => v.path) } };
  }
  if (code && code !== ErrorCode.INTERNAL_SERVER_ERROR) return formatted;

  const errorId = randomUUID();
  logger.error({ errorId, err: original }, 'onverwachte fout');
  if (!production) return { ...formatted, extensions: { ...formatted.extensions, code: ErrorCode.INTERNAL_SERVER_ERROR, errorId } };
  return {
    message: `Er ging iets mis aan onze kant. Vermeld fout-id ${errorId} als u contact opneemt.`,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, errorId },
  };
}
