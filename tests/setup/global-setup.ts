import 'reflect-metadata';
import getPort from 'get-port';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/database.js';
import { scratchDataDir, startEmbeddedPostgres } from '../../src/core/embedded-postgres.js';
import { laadDemoRegio } from '../../src/demo/demo-regio.js';

export const TEMPLATE_DATABASE = 'regiohub_demo_template';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the tests' own embedded server, without database name. */
    postgresServerUrl: string;
    templateDatabase: string;
  }
}

/**
 * One embedded PostgreSQL for the whole run, on a free port and in a throw-away directory (never the
 * data of `npm start`). A template database holds the migrated demo region; each test file clones it.
 */
export default async function setup(project: TestProject) {
  const server = await startOnFreePort();
  const orm = await openDatabase({ url: server.url });
  await laadDemoRegio(orm.em.fork());
  await orm.close(true);

  project.provide('postgresServerUrl', server.url.slice(0, server.url.lastIndexOf('/')));
  project.provide('templateDatabase', TEMPLATE_DATABASE);
  return async () => {
    await server.stop();
  };
}

/**
 * A port that get-port finds free can be taken by another test run starting at the same moment
 * (two suites side by side on one machine); then PostgreSQL fails to bind and we try another port.
 */
async function startOnFreePort(pogingen = 5) {
  for (let poging = 1; ; poging++) {
    try {
      return await startEmbeddedPostgres({ dataDir: scratchDataDir('regiohub-test-'), port: await getPort(), database: TEMPLATE_DATABASE, persistent: false });
    } catch (error) {
      if (poging >= pogingen) throw error;
    }
  }
}
