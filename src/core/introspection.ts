import type { ApolloServerPlugin } from '@apollo/server';
import { NoSchemaIntrospectionCustomRule, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { Context } from '../context.js';
import type { Rol } from '../auth/identity.js';
import { ErrorCode, hubError } from './errors.js';

/** Allows schema introspection only to the given roles (all roles when `rollen` is null). */
export function introspectionPolicy(schema: GraphQLSchema, rollen: readonly Rol[] | null): ApolloServerPlugin<Context> {
  // Apollo hands the same parsed document to every request with the same query text: check it once.
  const introspecteert = new WeakMap<DocumentNode, boolean>();
  const vraagtIntrospectie = (document: DocumentNode) => {
    let uitkomst = introspecteert.get(document);
    if (uitkomst === undefined) {
      uitkomst = validate(schema, document, [NoSchemaIntrospectionCustomRule]).length > 0;
      introspecteert.set(document, uitkomst);
    }
    return uitkomst;
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, contextValue }) {
          if (rollen === null || rollen.includes(contextValue.identity.rol)) return;
          if (vraagtIntrospectie(document)) {
            throw hubError(ErrorCode.FORBIDDEN, 'Schema-introspectie is op deze Regiohub uitgeschakeld voor uw rol.', {
              http: { status: 403 },
            });
          }
        },
      };
    },
  };
}
