import type { CodegenConfig } from '@graphql-codegen/cli';

const operationTypes = {
  plugins: ['typescript-operations', 'typed-document-node'],
  config: {
    enumsAsTypes: true,
    useTypeImports: true,
    avoidOptionals: { field: true, inputValue: false, object: true },
    // Amounts and dates travel as strings; never parsed into floats.
    scalars: { Bedrag: 'string', Decimaal: 'string', CbsCode: 'string', LocalDate: 'string', DateTimeISO: 'string', JSON: 'unknown' },
  },
};

/** Typed documents for the tests' and the dashboard's operations, from the committed schema.graphql. */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  generates: {
    'tests/generated/graphql.ts': { documents: ['tests/operations/**/*.graphql'], ...operationTypes },
    'src/web/dashboard/generated.ts': { documents: ['src/web/dashboard/*.graphql'], ...operationTypes },
  },
};

export default config;
