import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { NoSchemaIntrospectionCustomRule, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { ErrorCode, hubError } from './errors.js';

/** Allows schema introspection only to requests for which `allowed` says yes (the server decides by role). */
export function introspectionPolicy<C extends BaseContext>(schema: GraphQLSchema, allowed: (context: C) => boolean): ApolloServerPlugin<C> {
  // Apollo hands the same parsed document to every request with the same query text: check it once.
  const introspects = new WeakMap<DocumentNode, boolean>();
  const asksForIntrospection = (document: DocumentNode) => {
    let answer = introspects.get(document);
    if (answer === undefined) {
      answer = validate(schema, document, [NoSchemaIntrospectionCustomRule]).length > 0;
      introspects.set(document, answer);
    }
    return answer;
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, contextValue }) {
          if (allowed(contextValue)) return;
          if (asksForIntrospection(document)) {
            throw hubError(ErrorCode.FORBIDDEN, 'Schema-introspectie is op deze Regiohub uitgeschakeld voor uw rol.', {
              http: { status: 403 },
            });
          }
        },
      };
    },
  };
}
