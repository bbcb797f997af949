import { Migrator } from '@mikro-orm/migrations';
import { MikroORM, PostgreSqlDriver, defineConfig, type Options } from '@mikro-orm/postgresql';
import { fileURLToPath } from 'node:url';
import { migrationsList } from '../migrations/index.js';
import { entities } from './entities.js';
import { logger } from './core/logger.js';

const migrationsPath = fileURLToPath(new URL('../migrations', import.meta.url));

export interface DatabaseOptions {
  url: string;
  poolSize?: number;
  /** PostgreSQL statement_timeout for every connection of the pool, so no request runs unbounded. */
  statementTimeoutMs?: number;
  /** How long a request waits for a free pool connection, or for a new one to connect, before DATABASE_UNAVAILABLE. */
  acquireTimeoutMs?: number;
  /** Receives every SQL statement MikroORM sends (tests count them to prove batching). */
  onQuery?: (sql: string) => void;
}

/** MikroORM settings shared by the hub, the migration script and the tests. */
export function ormConfig(options: DatabaseOptions): Options {
  return defineConfig({
    driver: PostgreSqlDriver,
    clientUrl: options.url,
    entities,
    extensions: [Migrator],
    // Entities carry explicit types; no reflection is needed, so tsx, vitest and tsc agree.
    discovery: { warnWhenNoEntities: true, requireEntitiesArray: true },
    preferTs: true,
    pool: { min: 0, max: options.poolSize ?? 10 },
    driverOptions: {
      connection: { statement_timeout: options.statementTimeoutMs ?? 15_000, connectionTimeoutMillis: options.acquireTimeoutMs ?? 10_000 },
      // Without these a request waits up to a minute for a database that is down or a pool that is full.
      acquireConnectionTimeout: options.acquireTimeoutMs ?? 10_000,
      // knex reports broken pool connections through console.warn; they belong in the JSON log.
      log: {
        warn: (message: string) => logger.warn({ knex: message }, 'databaseverbinding'),
        error: (message: string) => logger.error({ knex: message }, 'databaseverbinding'),
        deprecate: (message: string) => logger.debug({ knex: message }),
        debug: (message: string) => logger.debug({ knex: message }),
      },
    },
    migrations: {
      path: migrationsPath,
      pathTs: migrationsPath,
      migrationsList,
      tableName: 'mikro_orm_migrations',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      emit: 'ts',
      fileName: (timestamp: string, name?: string) => `Migration${timestamp}${name ? `_${name}` : ''}`,
    },
    debug: options.onQuery ? ['query'] : false,
    logger: options.onQuery ?? ((message: string) => logger.debug(message)),
    colors: false,
    forceUtcTimezone: true,
    // Maintained by triggers (kostenversie migration) and by the rate limiter (rateLimit migration), not entities.
    schemaGenerator: { skipTables: ['gegevensversie', 'rate_limit'] },
  });
}

/** Connects and brings the schema up to date; the schema only ever changes through migrations. */
export async function openDatabase(options: DatabaseOptions): Promise<MikroORM> {
  const orm = await MikroORM.init(ormConfig(options));
  const applied = await orm.getMigrator().up();
  if (applied.length > 0) logger.info({ migrations: applied.map((m) => m.name) }, 'migraties toegepast');
  return orm;
}
