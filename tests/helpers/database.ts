import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { ormConfig, type DatabaseOptions } from '../../src/database.js';

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: `${inject('postgresServerUrl')}/postgres` });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A database of this test file's own: a copy of the migrated demo region, or (empty) a database
 * without any table. Returns its URL.
 */
export async function createTestDatabase(kind: 'demo' | 'empty' = 'demo'): Promise<string> {
  const name = `test_${randomBytes(6).toString('hex')}`;
  const template = kind === 'demo' ? inject('templateDatabase') : 'template0';
  await adminQuery(`create database ${name} template ${template}`);
  return `${inject('postgresServerUrl')}/${name}`;
}

/** MikroORM on a test database, without running migrations (the template has them). */
export function connect(options: DatabaseOptions): Promise<MikroORM> {
  return MikroORM.init(ormConfig(options));
}
