import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { BREAK, visit, type DocumentNode } from 'graphql';
import { ErrorCode, hubError } from './errors.js';

/** Deeper variables than this serve no query of the hub; deeper still, libraries run out of stack. */
export const MAX_VARIABLE_DEPTH = 32;

/** NUL (PostgreSQL cannot store it in text) and halves of a UTF-16 pair without their other half. */
const INVALID_CHARACTER = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const refuse = (message: string) => hubError(ErrorCode.BAD_USER_INPUT, message, { http: { status: 400 } });
const CHARACTER_MESSAGE = 'Een tekst in het verzoek bevat een ongeldig teken (NUL of een losse helft van een UTF-16-paar).';

/** Walks the variables without recursion, so hostile nesting cannot exhaust the stack. */
function checkVariables(variables: unknown): void {
  const pending: Array<[unknown, number]> = [[variables, 0]];
  while (pending.length > 0) {
    const [value, depth] = pending.pop()!;
    if (typeof value === 'string') {
      if (INVALID_CHARACTER.test(value)) throw refuse(CHARACTER_MESSAGE);
    } else if (value !== null && typeof value === 'object') {
      if (depth >= MAX_VARIABLE_DEPTH) throw refuse(`De variabelen zijn te diep genest (maximaal ${MAX_VARIABLE_DEPTH} niveaus).`);
      for (const [key, child] of Object.entries(value)) {
        if (INVALID_CHARACTER.test(key)) throw refuse(CHARACTER_MESSAGE);
        pending.push([child, depth + 1]);
      }
    }
  }
}

/**
 * Refuses, before anything else looks at them, inputs no resolver should see: variables nested
 * absurdly deep, and strings (in variables or in the query text) PostgreSQL cannot take.
 */
export function inputGuard<C extends BaseContext>(): ApolloServerPlugin<C> {
  const documentValid = new WeakMap<DocumentNode, boolean>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          checkVariables(request.variables ?? {});
          let valid = documentValid.get(document);
          if (valid === undefined) {
            valid = true;
            visit(document, {
              StringValue(node) {
                if (!INVALID_CHARACTER.test(node.value)) return undefined;
                valid = false;
                return BREAK;
              },
            });
            documentValid.set(document, valid);
          }
          if (!valid) throw refuse(CHARACTER_MESSAGE);
        },
      };
    },
  };
}
