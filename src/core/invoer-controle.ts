import type { ApolloServerPlugin } from '@apollo/server';
import { BREAK, visit, type DocumentNode } from 'graphql';
import type { Context } from '../context.js';
import { ErrorCode, hubError } from './errors.js';

/** Deeper variables than this serve no query of the hub; deeper still, libraries run out of stack. */
export const MAX_VARIABELE_DIEPTE = 32;

/** NUL (PostgreSQL cannot store it in text) and halves of a UTF-16 pair without their other half. */
const ONGELDIG_TEKEN = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const weiger = (melding: string) => hubError(ErrorCode.BAD_USER_INPUT, melding, { http: { status: 400 } });
const TEKEN_MELDING = 'Een tekst in het verzoek bevat een ongeldig teken (NUL of een losse helft van een UTF-16-paar).';

/** Walks the variables without recursion, so hostile nesting cannot exhaust the stack. */
function controleerVariabelen(variabelen: unknown): void {
  const teDoen: Array<[unknown, number]> = [[variabelen, 0]];
  while (teDoen.length > 0) {
    const [waarde, diepte] = teDoen.pop()!;
    if (typeof waarde === 'string') {
      if (ONGELDIG_TEKEN.test(waarde)) throw weiger(TEKEN_MELDING);
    } else if (waarde !== null && typeof waarde === 'object') {
      if (diepte >= MAX_VARIABELE_DIEPTE) throw weiger(`De variabelen zijn te diep genest (maximaal ${MAX_VARIABELE_DIEPTE} niveaus).`);
      for (const [sleutel, kind] of Object.entries(waarde)) {
        if (ONGELDIG_TEKEN.test(sleutel)) throw weiger(TEKEN_MELDING);
        teDoen.push([kind, diepte + 1]);
      }
    }
  }
}

/**
 * Refuses, before anything else looks at them, inputs no resolver should see: variables nested
 * absurdly deep, and strings (in variables or in the query text) PostgreSQL cannot take.
 */
export function invoerControle(): ApolloServerPlugin<Context> {
  const documentOk = new WeakMap<DocumentNode, boolean>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          controleerVariabelen(request.variables ?? {});
          let ok = documentOk.get(document);
          if (ok === undefined) {
            ok = true;
            visit(document, {
              StringValue(node) {
                if (!ONGELDIG_TEKEN.test(node.value)) return undefined;
                ok = false;
                return BREAK;
              },
            });
            documentOk.set(document, ok);
          }
          if (!ok) throw weiger(TEKEN_MELDING);
        },
      };
    },
  };
}
