import type { MikroORM } from '@mikro-orm/postgresql';

/**
 * Raw SQL on a test database, for what the graph does not show (row counts, sums over tables) and
 * for setting up a scenario; parameters go in `?` placeholders. Runs on a fork, so it never touches an
 * identity map a test relies on.
 */
export function sql<T extends object>(orm: MikroORM, query: string, params: unknown[] = []): Promise<T[]> {
  return orm.em.fork().getConnection().execute<T[]>(query, params);
}
