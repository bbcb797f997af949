import pg from 'pg';
import type { MikroORM } from '@mikro-orm/postgresql';

/**
 * Raw SQL on a test database, for what the graph does not show (row counts, sums over tables) and
 * for setting up a scenario; parameters go in `?` placeholders. Runs on a fork, so it never touches an
 * identity map a test relies on.
 */
export function sql<T extends object>(orm: MikroORM, query: string, params: unknown[] = []): Promise<T[]> {
  return orm.em.fork().getConnection().execute<T[]>(query, params);
}

/**
 * A write from outside the hub (psql, another instance): a connection and transaction of its own,
 * committed (or rolled back) before this returns.
 */
export async function buitenDeHubOm(orm: MikroORM, query: string, terugdraaien = false): Promise<void> {
  const client = new pg.Client({ connectionString: orm.config.get('clientUrl') });
  await client.connect();
  try {
    await client.query('begin');
    await client.query(query);
    await client.query(terugdraaien ? 'rollback' : 'commit');
  } finally {
    await client.end();
  }
}
