import type { CodegenConfig } from '@graphql-codegen/cli';

/** Typed documents for the tests' operations, generated from the committed schema.graphql. */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['tests/operations/**/*.graphql'],
  generates: {
    'tests/generated/graphql.ts': {
      plugins: ['typescript-operations', 'typed-document-node'],
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        avoidOptionals: { field: true, inputValue: false, object: true },
        scalars: {
          Bedrag: 'string',
          Decimaal: 'string',
          LocalDate: 'string',
          DateTimeISO: 'string',
        },
      },
    },
  },
};

export default config;
