import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { getNullableType, GraphQLError, isListType, type DocumentNode, type GraphQLSchema } from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { ErrorCode, hubError } from './errors.js';

export const LIMITS = {
  maxDepth: 10,
  maxAliases: 15,
  maxTokens: 3000,
  maxDirectives: 20,
  /** Assumed number of items of a list field without `first`, for the cost estimate. */
  assumedListLength: 10,
};

/** Depth, aliases, tokens and directives, checked before execution (graphql-armor). */
export function armorProtection(production: boolean) {
  return new ApolloArmor({
    maxDepth: { n: LIMITS.maxDepth },
    maxAliases: { n: LIMITS.maxAliases },
    // Tokens are limited by graphql-js's own parser (parseOptions.maxTokens in the server).
    maxTokens: { enabled: false },
    maxDirectives: { n: LIMITS.maxDirectives },
    // Cost depends on the role, so graphql-query-complexity does it below.
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: production },
  }).protect();
}

/** Lists multiply the cost of what is selected in them, by `first` when given. */
const listEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (!isListType(getNullableType(field.type))) return undefined;
  const length = typeof args.first === 'number' ? args.first : LIMITS.assumedListLength;
  return 1 + childComplexity * length;
};

/**
 * The estimated cost of an operation. Apollo reuses the parsed document for the same query text, so
 * estimates are remembered per document and variables (a few per document, small variables only).
 */
function costEstimator(schema: GraphQLSchema) {
  const estimated = new WeakMap<DocumentNode, Map<string, number>>();
  return (document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>): number => {
    const key = JSON.stringify([operationName ?? null, variables]);
    let perDocument = estimated.get(document);
    const known = perDocument?.get(key);
    if (known !== undefined) return known;
    const cost = getComplexity({ schema, query: document, operationName, variables, estimators: [listEstimator, simpleEstimator({ defaultComplexity: 1 })] });
    if (key.length <= 1000) {
      if (!perDocument || perDocument.size >= 50) estimated.set(document, (perDocument = new Map()));
      perDocument.set(key, cost);
    }
    return cost;
  };
}

/** Refuses, before execution, an operation whose estimated cost exceeds the caller's budget (the server sets it per role). */
export function costLimit<C extends BaseContext>(schema: GraphQLSchema, budgetOf: (context: C) => number): ApolloServerPlugin<C> {
  const estimate = costEstimator(schema);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, contextValue, operationName }) {
          let cost: number;
          try {
            cost = estimate(document, operationName ?? undefined, request.variables ?? {});
          } catch (error) {
            // The estimate coerces the variables first; a wrong variable is the caller's error.
            if (!(error instanceof GraphQLError) && !(error instanceof RangeError)) throw error;
            throw hubError(ErrorCode.BAD_USER_INPUT, `Ongeldige variabele: ${(error as Error).message}`, { http: { status: 400 } });
          }
          const budget = budgetOf(contextValue);
          if (cost > budget) {
            throw hubError(
              ErrorCode.QUERY_TOO_COSTLY,
              `Deze query is te zwaar: geschatte kosten ${cost}, toegestaan voor uw rol ${budget}. Vraag minder velden of kleinere lijsten op.`,
              { kosten: cost, budget, http: { status: 400 } },
            );
          }
        },
      };
    },
  };
}

/** graphql-armor and graphql-js reject with English messages; users get a Dutch one and a stable code. */
export const ARMOR_REFUSALS: Array<{ pattern: RegExp; code: ErrorCode; message: string }> = [
  { pattern: /Query depth limit of (\d+) exceeded/, code: ErrorCode.QUERY_TOO_DEEP, message: 'De query is te diep genest (maximaal $1 niveaus).' },
  { pattern: /Aliases limit of (\d+) exceeded/, code: ErrorCode.TOO_MANY_ALIASES, message: 'De query gebruikt te veel aliassen (maximaal $1).' },
  { pattern: /Document contains more tha[nt] (\d+) tokens/, code: ErrorCode.QUERY_TOO_LARGE, message: 'De query is te groot (maximaal $1 tokens).' },
  { pattern: /Directives limit of (\d+) exceeded/, code: ErrorCode.QUERY_TOO_LARGE, message: 'De query gebruikt te veel directives (maximaal $1).' },
];
