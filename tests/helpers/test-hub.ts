import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { GraphQLFormattedError } from 'graphql';
import { print } from 'graphql';
import type { Identity } from '../../src/auth/identity.js';
import { loadConfig, type Config } from '../../src/core/config.js';
import { createHub, type Hub } from '../../src/server.js';
import { connect, createTestDatabase } from './database.js';
import { ALS } from './identities.js';
import { sql } from './sql.js';

export interface TestHub {
  orm: MikroORM;
  hub: Hub;
  /** Every SQL statement sent since the last reset. */
  statements: string[];
  /**
   * Runs an operation in-process through Apollo (same schema, plugins and per-request context as
   * over HTTP, after authentication), as the given identity (default: a controller).
   */
  execute<TData, TVariables extends Record<string, unknown>>(
    document: TypedDocumentNode<TData, TVariables>,
    variables?: TVariables,
    identity?: Identity,
  ): Promise<{ data: TData | null | undefined; errors: readonly GraphQLFormattedError[] | undefined }>;
  /** Raw SQL on this hub's database (see helpers/sql.ts). */
  sql<T extends object>(query: string, params?: unknown[]): Promise<T[]>;
  /** Listens on a free loopback port for HTTP tests; returns the GraphQL URL. */
  listen(): Promise<string>;
  close(): Promise<void>;
}

/**
 * A hub on a fresh copy of the demo region (or on the database at `url`: a second hub with its own
 * caches on the same data), with the clock fixed when asked. Settings are the defaults of an empty
 * environment (as a developer's machine without variables; production's with `production: true`),
 * with `options` overriding single settings. `poolSize: 1` makes the order of a request's statements
 * deterministic: they run one after another in the order they are sent.
 */
export async function startTestHub(
  options: { now?: Date; database?: 'demo' | 'empty'; url?: string } & Partial<Config> = {},
): Promise<TestHub> {
  const statements: string[] = [];
  const url = options.url ?? (await createTestDatabase(options.database ?? 'demo'));
  const orm = await connect({ url, poolSize: options.poolSize, onQuery: (statement) => statements.push(statement) });
  const now = options.now;
  const { now: _now, database: _database, url: _url, ...settings } = options;
  // A production hub gets production's defaults (no GraphiQL, no introspection) from the one place that decides them.
  const defaults = loadConfig(settings.production ? { NODE_ENV: 'production' } : {});
  const hub = await createHub({ orm, config: { ...defaults, ...settings }, now: now ? () => now : undefined });
  return {
    orm,
    hub,
    statements,
    async execute(document, variables, identity = ALS.controller) {
      const response = await hub.apollo.executeOperation(
        { query: print(document), variables },
        { contextValue: hub.context(identity) },
      );
      if (response.body.kind !== 'single') throw new Error('onverwacht incrementeel antwoord');
      const { data, errors } = response.body.singleResult;
      return { data: data as never, errors };
    },
    sql: (query, params) => sql(orm, query, params),
    async listen() {
      await new Promise<void>((resolve) => hub.httpServer.listen(0, '127.0.0.1', resolve));
      const address = hub.httpServer.address() as { port: number };
      return `http://127.0.0.1:${address.port}/graphql`;
    },
    async close() {
      await hub.stop();
      await orm.close(true);
    },
  };
}

/** SQL statements that read or write data (not transaction control). */
export function dataStatements(statements: readonly string[]): string[] {
  return statements.filter((s) => /\b(select|insert|update|delete)\b/i.test(s));
}
