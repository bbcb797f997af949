import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { GraphQLFormattedError } from 'graphql';
import { print } from 'graphql';
import { createHub, type Hub } from '../../src/server.js';
import { connect, createTestDatabase } from './database.js';

export interface TestHub {
  orm: MikroORM;
  hub: Hub;
  /** Every SQL statement sent since the last reset. */
  statements: string[];
  /** Runs an operation in-process through Apollo (same schema, context and plugins as over HTTP). */
  execute<TData, TVariables extends Record<string, unknown>>(
    document: TypedDocumentNode<TData, TVariables>,
    variables?: TVariables,
  ): Promise<{ data: TData | null | undefined; errors: readonly GraphQLFormattedError[] | undefined }>;
  close(): Promise<void>;
}

/** A hub on a fresh copy of the demo region, with the clock fixed when asked. */
export async function startTestHub(options: { now?: Date; database?: 'demo' | 'empty' } = {}): Promise<TestHub> {
  const statements: string[] = [];
  const url = await createTestDatabase(options.database ?? 'demo');
  const orm = await connect({ url, onQuery: (sql) => statements.push(sql) });
  const now = options.now;
  const hub = await createHub({ orm, now: now ? () => now : undefined });
  return {
    orm,
    hub,
    statements,
    async execute(document, variables) {
      const response = await hub.apollo.executeOperation(
        { query: print(document), variables },
        { contextValue: hub.context() },
      );
      if (response.body.kind !== 'single') throw new Error('onverwacht incrementeel antwoord');
      const { data, errors } = response.body.singleResult;
      return { data: data as never, errors };
    },
    async close() {
      await hub.apollo.stop();
      await orm.close(true);
    },
  };
}

/** SQL statements that read or write data (not transaction control). */
export function dataStatements(statements: readonly string[]): string[] {
  return statements.filter((s) => /\b(select|insert|update|delete)\b/i.test(s));
}
