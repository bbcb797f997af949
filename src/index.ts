import 'reflect-metadata';
import type { MikroORM } from '@mikro-orm/postgresql';
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import { loadConfig } from './core/config.js';
import { openDatabase } from './database.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './core/embedded-postgres.js';
import { logger } from './core/logger.js';
import { laadDemoRegio } from './demo/demo-regio.js';
import { maakDemoTokens } from './demo/demo-tokens.js';
import { createHub, type Hub } from './server.js';

/** A port already in use becomes a start error (logged, exit 1) instead of an uncaught exception. */
const luister = (server: Server, port: number, host: string) =>
  new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
const wacht = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  const config = loadConfig();
  const demoTokenBestand = path.join(config.embedded.dataDir, 'demo-tokens.json');
  let embedded: EmbeddedDatabase | undefined;
  let orm: MikroORM | undefined;
  let hub: Hub | undefined;

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'Regiohub stopt');
    // The drain closes lingering connections after the timeout; this is the last resort should closing hang.
    const force = setTimeout(() => {
      logger.error('afsluiten duurt te lang; geforceerd gestopt');
      process.exit(1);
    }, config.shutdownTimeoutMs + 5_000);
    force.unref();
    // Order matters: stop taking requests and finish those in flight, then the pool, then PostgreSQL.
    if (hub) await hub.stop();
    // A request cut off by the timeout may still hold a connection with a running statement; the
    // pool then does not close by itself, and exiting ends those sessions (PostgreSQL rolls them back).
    const gesloten = orm ? await Promise.race([orm.close(true).then(() => true), wacht(2_000).then(() => false)]) : true;
    if (gesloten) logger.info('databaseverbindingen gesloten');
    else logger.warn('databaseverbindingen niet op tijd gesloten; lopende statements worden afgebroken');
    if (embedded) await embedded.stop();
    logger.info('Regiohub gestopt');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    let url = config.databaseUrl;
    if (!url) {
      embedded = await startEmbeddedPostgres({
        dataDir: path.join(config.embedded.dataDir, 'pg'),
        port: config.embedded.port,
        database: 'regiohub',
      });
      url = embedded.url;
    }
    orm = await openDatabase({ url, statementTimeoutMs: config.statementTimeoutMs, poolSize: config.poolSize, acquireTimeoutMs: config.acquireTimeoutMs });
    if (config.loadDemoData && (await laadDemoRegio(orm.em.fork()))) {
      logger.info('demoregio MGR Sociaal Domein Centraal Gelderland geladen');
      if (embedded) await maakDemoTokens(orm.em.fork(), demoTokenBestand);
    }
    hub = await createHub({ orm, config });
    await luister(hub.httpServer, config.port, config.host);
    if (hub.metricsServer) await luister(hub.metricsServer, config.metrics.port!, config.metrics.host);
  } catch (error) {
    logger.error({ err: error }, 'Regiohub kon niet starten');
    await orm?.close(true).catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    process.exit(1);
  }

  const database = embedded ? `ingebouwde PostgreSQL (${config.embedded.dataDir})` : 'DATABASE_URL';
  const tokens = embedded && existsSync(demoTokenBestand) ? `demotokens per rol in ${demoTokenBestand}` : 'maak een token met npm run token -- create --role controller --name "Mijn naam"';
  console.log(
    `Regiohub draait op http://localhost:${config.port}/graphql met ${database} — ` +
      `aanmelden met de header "Authorization: Bearer <token>" (${tokens}${config.oidc ? ', of een OIDC-token' : ''}); ` +
      `dashboard op http://localhost:${config.port}/dashboard/${config.graphiql ? `, GraphiQL op http://localhost:${config.port}/graphiql/` : ''}.`,
  );
}

void main();
