import { ValidateBy, ValidationError } from 'class-validator';
import { Arg, ArgumentValidationError } from 'type-graphql';

/**
 * Text that a spreadsheet would read as a formula: a cell starting with =, +, -, @, a tab or a
 * carriage return (OWASP, "CSV Injection", https://owasp.org/www-community/attacks/CSV_Injection).
 * One list for both ends: the exports neutralise such text, the inputs refuse it.
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * The OWASP remedy for CSV: a leading single quote, which Excel and LibreOffice read as "this is
 * text" and do not show. Only for text columns; a negative number in a number column stays a number.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * What a text field is, and so which starts it refuses:
 * - `name`: names, codes' labels, descriptions and sources of master data. They end up in exports
 *   and council documents and never need to start with a sign, so every formula start is refused.
 * - `prose`: a free explanation (toelichting, reden). People write "- zie bijlage" or "+3 % t.o.v.
 *   Q2", so a leading - or + is allowed; =, @, tab and CR are refused. The exports neutralise the
 *   rest, so an allowed leading sign is never live in a spreadsheet either.
 */
export type TextKind = 'name' | 'prose';

const REFUSED: Record<TextKind, RegExp> = { name: FORMULA_START, prose: /^[=@\t\r]/ };

const DESCRIBED: Record<TextKind, string> = {
  name: '=, +, -, @, een tab of een regelterugloop',
  prose: '=, @, een tab of een regelterugloop',
};

/** Null when the text may be stored; otherwise the Dutch reason, naming the field. */
export function formulaProblem(label: string, value: unknown, kind: TextKind): string | null {
  if (typeof value !== 'string' || !REFUSED[kind].test(value)) return null;
  return `${label} mag niet beginnen met ${DESCRIBED[kind]}: een spreadsheet leest zo'n tekst als formule.`;
}

/**
 * Refuses a text field of an input class that starts like a formula (see TextKind); checked in the
 * inputs' class-validator run, so the refusal is BAD_USER_INPUT with the field in `velden`.
 */
export function NoFormula(label: string, kind: TextKind = 'name'): PropertyDecorator {
  return ValidateBy({
    name: 'noFormula',
    validator: { validate: (value) => formulaProblem(label, value, kind) === null, defaultMessage: (args) => formulaProblem(label, args?.value, kind) ?? '' },
  });
}

/** A text argument (not in an input class) with the same rule, refused in the same shape. */
export function TextArg(name: string, label: string, kind: TextKind, options: { description?: string; nullable?: boolean } = {}) {
  return Arg(name, () => String, {
    ...options,
    validateFn: (value) => {
      const problem = formulaProblem(label, value, kind);
      if (!problem) return;
      throw new ArgumentValidationError([Object.assign(new ValidationError(), { property: name, value, constraints: { noFormula: problem } })]);
    },
  });
}
