import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { Decimal } from './decimal.js';

const BEDRAG_PATTERN = /^-?\d{1,13}(\.\d{1,2})?$/;
const DECIMAAL_PATTERN = /^-?\d{1,20}(\.\d{1,10})?$/;

function decimalScalar(name: string, description: string, pattern: RegExp, format: (d: Decimal) => string) {
  const parse = (raw: unknown): Decimal => {
    if (typeof raw !== 'string' || !pattern.test(raw)) {
      throw new GraphQLError(`${name} moet een decimale string zijn zoals "1234.56" (ontvangen: ${JSON.stringify(raw)})`, {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    return new Decimal(raw);
  };
  return new GraphQLScalarType<Decimal, string>({
    name,
    description,
    serialize: (value) => format(value instanceof Decimal ? value : new Decimal(String(value))),
    parseValue: parse,
    parseLiteral: (ast) => parse(ast.kind === Kind.STRING ? ast.value : undefined),
  });
}

/** Euro amount with cents, always two decimals in output: "1234.50". Never a float. */
export const BedragScalar = decimalScalar(
  'Bedrag',
  'Bedrag in euro als decimale string met twee decimalen, bijvoorbeeld "31022919.00". Nooit een float.',
  BEDRAG_PATTERN,
  (d) => d.toFixed(2),
);

/** A measured or derived decimal value (units, shares, KPI values), exact as stored. */
export const DecimaalScalar = decimalScalar(
  'Decimaal',
  'Exact decimaal getal als string, bijvoorbeeld "12.5" (eenheden, aandelen, KPI-waarden).',
  DECIMAAL_PATTERN,
  (d) => d.toFixed(),
);
