import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);
// Quiet logs in the test run (global setup included); failures still show.
process.env.LOG_LEVEL ??= 'error';

export default defineConfig({
  resolve: {
    // One graphql instance for our code and the libraries: Vite would otherwise pick graphql's ESM
    // build for our files while Node loads the CommonJS build for type-graphql and Apollo, and the
    // schema's instanceof checks fail across the two.
    alias: { graphql: require.resolve('graphql') },
  },
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/setup/global-setup.ts'],
    setupFiles: ['reflect-metadata'],
    // Each test file gets its own database cloned from a migrated demo template; files run in parallel.
    pool: 'forks',
    env: { LOG_LEVEL: 'error' },
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
