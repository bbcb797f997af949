import { ValidateBy, ValidationError } from 'class-validator';
import { Arg, ArgumentValidationError, Field, Int } from 'type-graphql';

/**
 * The one rule for "what is a valid year": every year a caller passes in, as an argument or as a field
 * of an input, lies in the years the hub's data can hold (the tables' CHECKs say the same). Outside
 * them it is a typing error (BAD_USER_INPUT), not an empty answer. Year filters with operators
 * (`where: { jaar: { gte: … } }`) are comparisons, not years, and are not checked.
 */
export const JAAR_VAN = 2000;
export const JAAR_TOT = 2200;

export function isJaar(waarde: unknown): boolean {
  return typeof waarde === 'number' && Number.isInteger(waarde) && waarde >= JAAR_VAN && waarde <= JAAR_TOT;
}

/** The one Dutch message for a year outside the rule. */
export const jaarMelding = (waarde: unknown) => `Jaar moet tussen ${JAAR_VAN} en ${JAAR_TOT} liggen (nu: ${waarde}).`;

const leeg = (waarde: unknown) => waarde === undefined || waarde === null;

interface JaarOpties {
  nullable?: boolean;
  description?: string;
}

/**
 * A year argument: `Int` in the schema, refused like an invalid input field (same message, code
 * BAD_USER_INPUT, `velden`) when outside the rule.
 */
export function JaarArg(naam: string, opties: JaarOpties = {}) {
  return Arg(naam, () => Int, {
    ...opties,
    validateFn: (waarde) => {
      if (leeg(waarde) || isJaar(waarde)) return;
      const fout = Object.assign(new ValidationError(), { property: naam, value: waarde, constraints: { isJaar: jaarMelding(waarde) } });
      throw new ArgumentValidationError([fout]);
    },
  });
}

/** A year field of an input or args class: `Int` in the schema, checked with the inputs' class-validator run. */
export function JaarVeld(opties: JaarOpties = {}): PropertyDecorator {
  const veld = Field(() => Int, opties);
  const regel = ValidateBy({
    name: 'isJaar',
    validator: { validate: (waarde) => leeg(waarde) || isJaar(waarde), defaultMessage: (args) => jaarMelding(args?.value) },
  });
  return (doel, sleutel) => {
    veld(doel, sleutel);
    regel(doel, sleutel);
  };
}
