import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { Decimal } from './decimal.js';

const BEDRAG_PATTERN = /^-?\d{1,13}(\.\d{1,2})?$/;
/** A Decimaal as text (point as decimal separator); also what the Excel upload accepts after its comma. */
export const DECIMAAL_PATTERN = /^-?\d{1,20}(\.\d{1,10})?$/;

/**
 * `canonical` recognises text that is already in the output form, as the read path gets it from
 * PostgreSQL (`bedrag::text`, `trim_scale(x)::text`): it goes out as it is, without a Decimal per field.
 */
function decimalScalar(name: string, description: string, pattern: RegExp, canonical: RegExp, format: (d: Decimal) => string) {
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
    serialize: (value) =>
      typeof value === 'string' && canonical.test(value) ? value : format(value instanceof Decimal ? value : new Decimal(String(value))),
    parseValue: parse,
    parseLiteral: (ast) => parse(ast.kind === Kind.STRING ? ast.value : undefined),
  });
}

/** Euro amount with cents, always two decimals in output: "1234.50". Never a float. */
export const BedragScalar = decimalScalar(
  'Bedrag',
  'Bedrag in euro als decimale string met twee decimalen, bijvoorbeeld "31022919.00". Nooit een float.',
  BEDRAG_PATTERN,
  /^-?\d+\.\d\d$/,
  (d) => d.toFixed(2),
);

/** A measured or derived decimal value (units, shares, KPI values), exact as stored. */
export const DecimaalScalar = decimalScalar(
  'Decimaal',
  'Exact decimaal getal als string, bijvoorbeeld "12.5" (eenheden, aandelen, KPI-waarden).',
  DECIMAAL_PATTERN,
  /^-?\d+(\.\d*[1-9])?$/,
  (d) => d.toFixed(),
);

const CBS_CODE = /^GM[0-9]{4}$/;

/** Why a text is not a CBS gemeente code, with the format; null when it is one (after normalising). */
export function cbsCodeProbleem(code: string): string | null {
  return CBS_CODE.test(code)
    ? null
    : `"${code}" is geen CBS-gemeentecode: die bestaat uit GM en vier cijfers, bijvoorbeeld GM0202 (Arnhem) of gm0202.`;
}

/** A CBS code as people type it: surrounding spaces and lower case are accepted ("gm0202" → "GM0202"). */
export function normaliseerCbsCode(raw: string): string {
  return raw.trim().toUpperCase();
}

function parseCbsCode(raw: unknown): string {
  const code = typeof raw === 'string' ? normaliseerCbsCode(raw) : '';
  const probleem = typeof raw === 'string' ? cbsCodeProbleem(code) : 'Een CBS-gemeentecode is tekst, bijvoorbeeld "GM0202".';
  if (probleem) throw new GraphQLError(probleem, { extensions: { code: 'BAD_USER_INPUT' } });
  return code;
}

/** The national code of a gemeente (CBS): GM and four digits; accepted in lower case. */
export const CbsCodeScalar = new GraphQLScalarType<string, string>({
  name: 'CbsCode',
  description: 'CBS-gemeentecode: GM gevolgd door vier cijfers, bijvoorbeeld "GM0202" (Arnhem). Kleine letters worden aanvaard ("gm0202").',
  serialize: (value) => String(value),
  parseValue: parseCbsCode,
  parseLiteral: (ast) => parseCbsCode(ast.kind === Kind.STRING ? ast.value : undefined),
});
