import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { getNullableType, GraphQLError, isListType, type DocumentNode, type GraphQLSchema } from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import type { Context } from '../context.js';
import { Rol } from '../auth/identity.js';
import { ErrorCode, hubError } from './errors.js';

export const LIMIETEN = {
  maxDiepte: 10,
  maxAliassen: 15,
  maxTokens: 3000,
  maxDirectives: 20,
  /** Assumed number of items of a list field without `first`, for the cost estimate. */
  lijstSchatting: 10,
};

/** Cost budget per operation: controllers run heavy ad-hoc queries, dashboards need less. */
export const KOSTENBUDGET: Record<Rol, number> = {
  [Rol.BEHEERDER]: 50_000,
  [Rol.CONTROLLER]: 50_000,
  [Rol.MODULEMANAGER]: 20_000,
  [Rol.GEMEENTE]: 20_000,
  [Rol.DASHBOARD]: 10_000,
};

/** Depth, aliases, tokens and directives, checked before execution (graphql-armor). */
export function armorProtection(production: boolean) {
  return new ApolloArmor({
    maxDepth: { n: LIMIETEN.maxDiepte },
    maxAliases: { n: LIMIETEN.maxAliassen },
    // Tokens are limited by graphql-js's own parser (parseOptions.maxTokens in the server).
    maxTokens: { enabled: false },
    maxDirectives: { n: LIMIETEN.maxDirectives },
    // Cost depends on the role, so graphql-query-complexity does it below.
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: production },
  }).protect();
}

/** Lists multiply the cost of what is selected in them, by `first` when given. */
const lijstEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (!isListType(getNullableType(field.type))) return undefined;
  const aantal = typeof args.first === 'number' ? args.first : LIMIETEN.lijstSchatting;
  return 1 + childComplexity * aantal;
};

/**
 * The estimated cost of an operation. Apollo reuses the parsed document for the same query text, so
 * estimates are remembered per document and variables (a few per document, small variables only).
 */
function kostenschatter(schema: GraphQLSchema) {
  const geschat = new WeakMap<DocumentNode, Map<string, number>>();
  return (document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>): number => {
    const sleutel = JSON.stringify([operationName ?? null, variables]);
    let perDocument = geschat.get(document);
    const bekend = perDocument?.get(sleutel);
    if (bekend !== undefined) return bekend;
    const kosten = getComplexity({ schema, query: document, operationName, variables, estimators: [lijstEstimator, simpleEstimator({ defaultComplexity: 1 })] });
    if (sleutel.length <= 1000) {
      if (!perDocument || perDocument.size >= 50) geschat.set(document, (perDocument = new Map()));
      perDocument.set(sleutel, kosten);
    }
    return kosten;
  };
}

/** Refuses, before execution, an operation whose estimated cost exceeds the caller's role budget. */
export function costLimit(schema: GraphQLSchema): ApolloServerPlugin<Context> {
  const schat = kostenschatter(schema);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, contextValue, operationName }) {
          let kosten: number;
          try {
            kosten = schat(document, operationName ?? undefined, request.variables ?? {});
          } catch (error) {
            // The estimate coerces the variables first; a wrong variable is the caller's error.
            if (!(error instanceof GraphQLError) && !(error instanceof RangeError)) throw error;
            throw hubError(ErrorCode.BAD_USER_INPUT, `Ongeldige variabele: ${(error as Error).message}`, { http: { status: 400 } });
          }
          const budget = KOSTENBUDGET[contextValue.identity.rol];
          if (kosten > budget) {
            throw hubError(
              ErrorCode.QUERY_TOO_COSTLY,
              `Deze query is te zwaar: geschatte kosten ${kosten}, toegestaan voor uw rol ${budget}. Vraag minder velden of kleinere lijsten op.`,
              { kosten, budget, http: { status: 400 } },
            );
          }
        },
      };
    },
  };
}

/** graphql-armor and graphql-js reject with English messages; users get a Dutch one and a stable code. */
export const ARMOR_WEIGERINGEN: Array<{ patroon: RegExp; code: ErrorCode; melding: string }> = [
  { patroon: /Query depth limit of (\d+) exceeded/, code: ErrorCode.QUERY_TOO_DEEP, melding: 'De query is te diep genest (maximaal $1 niveaus).' },
  { patroon: /Aliases limit of (\d+) exceeded/, code: ErrorCode.TOO_MANY_ALIASES, melding: 'De query gebruikt te veel aliassen (maximaal $1).' },
  { patroon: /Document contains more tha[nt] (\d+) tokens/, code: ErrorCode.QUERY_TOO_LARGE, melding: 'De query is te groot (maximaal $1 tokens).' },
  { patroon: /Directives limit of (\d+) exceeded/, code: ErrorCode.QUERY_TOO_LARGE, melding: 'De query gebruikt te veel directives (maximaal $1).' },
];
