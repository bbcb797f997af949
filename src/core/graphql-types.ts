import { DateTimeISOResolver, LocalDateResolver } from 'graphql-scalars';
import { GraphQLError, GraphQLScalarType } from 'graphql';

/**
 * A date as input must also be one PostgreSQL can store: ISO 8601 knows a year 0000, PostgreSQL's
 * `date` does not (it goes from 1 BC to 1 AD), so such a date would fail in the database instead of
 * being refused as input.
 */
function opslaanbareDatum(value: unknown): unknown {
  if (typeof value === 'string' && value.startsWith('0000-')) {
    throw new GraphQLError(`Ongeldige datum "${value}": het jaar 0 bestaat niet; gebruik een datum vanaf 0001-01-01.`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return value;
}

/** Calendar date without time zone, "2026-01-01" (PostgreSQL `date`). */
export const LocalDate = new GraphQLScalarType({
  ...LocalDateResolver.toConfig(),
  parseValue: (value) => opslaanbareDatum(LocalDateResolver.parseValue(value)),
  parseLiteral: (ast, variables) => opslaanbareDatum(LocalDateResolver.parseLiteral(ast, variables)),
});
/** Point in time, ISO 8601 with offset (PostgreSQL `timestamptz`). */
export const DateTime = DateTimeISOResolver;
