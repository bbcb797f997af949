import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { MikroORM } from '@mikro-orm/postgresql';
import express from 'express';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import { ApiTokenCache } from './auth/api-token-cache.js';
import { authenticate, type JwtVerifier } from './auth/authenticate.js';
import type { Identity } from './auth/identity.js';
import { oidcVerifier } from './auth/oidc.js';
import { KOSTENBUDGET, magIntrospecteren } from './auth/rol-beleid.js';
import { createContext, type Context } from './context.js';
import type { Config } from './core/config.js';
import { isDatabaseOutage } from './core/database-outage.js';
import { formatError } from './core/error-format.js';
import { graphqlOverHttp, readJsonBody, writeBodyError } from './core/graphql-http.js';
import { DATABASE_UNAVAILABLE_MESSAGE, ErrorCode, hubError } from './core/errors.js';
import { inputGuard } from './core/input-guard.js';
import { introspectionPolicy } from './core/introspection.js';
import { armorProtection, costLimit, LIMITS } from './core/limits.js';
import { logger } from './core/logger.js';
import { HubMetrics, metricsTokenValid } from './core/metrics.js';
import { projectDir } from './core/project-dir.js';
import { rateLimiter } from './core/rate-limit.js';
import { requestLogging } from './core/request-logging.js';
import { VersionedCache } from './core/versioned-cache.js';
import { exportRouter } from './export/export.route.js';
import { importRouter } from './import/import.route.js';
import { hubSchema } from './schema.js';

export interface HubOptions {
  orm: MikroORM;
  /** The settings, read once by loadConfig; the hub and every request context use this one object. */
  config: Config;
  /** Clock for "today"; tests fix it. */
  now?: () => Date;
}

export interface Hub {
  app: express.Express;
  httpServer: http.Server;
  apollo: ApolloServer<Context>;
  metrics: HubMetrics;
  /** Verified API tokens in memory (null when API_TOKEN_CACHE_SECONDEN=0). */
  tokenCache: ApiTokenCache | null;
  /** Serves only /metrics when a metrics port is configured; the caller makes it listen. */
  metricsServer: http.Server | null;
  /** Builds a request context for an identity as the HTTP layer does (in-process tests). */
  context: (identity: Identity) => Context;
  /** Graceful stop: readiness turns 503, no new connections, in-flight requests finish (up to the timeout). */
  stop(): Promise<void>;
}

/** A caller's X-Request-Id is kept for tracing when it is harmless in logs; otherwise a new id. */
function requestIdFrom(header: string | undefined): string {
  return header && /^[\w.:-]{1,100}$/.test(header) ? header : randomUUID();
}

/** Builds the HTTP app: GraphQL on /graphql (token required) and health checks. Does not listen. */
export async function createHub(options: HubOptions): Promise<Hub> {
  const app = express();
  app.disable('x-powered-by');
  // POST /graphql goes to Apollo on node:http; everything else through Express (see `dispatch` below).
  let dispatch: http.RequestListener = app;
  const httpServer = http.createServer((req, res) => dispatch(req, res));
  const { config } = options;
  const production = config.production;
  const schema = await hubSchema();
  const verifyJwt: JwtVerifier | null = config.oidc ? oidcVerifier(config.oidc) : null;
  const rateLimit = rateLimiter(config.requestsPerMinuut, { kind: config.rateLimitOpslag, knex: options.orm.em.getConnection().getKnex() });
  // Bounded in bytes (each entry's size is estimated in kostenoverzichten), not by entries.
  const kostenCache = config.kostenCache ? new VersionedCache('kosten', config.kostenCacheMb * 1024 * 1024) : null;
  const exposure = config.metrics;
  const metrics = new HubMetrics(options.orm.em.getConnection().getKnex(), {
    processMetrics: Boolean(exposure.token || exposure.port),
    cache: () => (kostenCache ? { hits: kostenCache.hits, misses: kostenCache.misses, entries: kostenCache.size } : null),
  });
  const now = options.now ?? (() => new Date());
  const tokenCache =
    config.apiTokenCacheSeconden > 0
      ? new ApiTokenCache(options.orm.config.get('clientUrl')!, config.apiTokenCacheSeconden * 1000, logger.child({ onderdeel: 'api-tokencache' }))
      : null;
  const context = (identity: Identity, requestId: string = randomUUID()) =>
    createContext({ em: options.orm.em, identity, requestId, log: logger.child({ requestId }), now, config, kostenCache, tokenCache });

  const armor = armorProtection(production);
  const apollo = new ApolloServer<Context>({
    schema,
    // Introspection is decided per role by introspectionPolicy.
    introspection: true,
    csrfPrevention: true,
    // The hub serves no automatic persisted queries; such requests get a clear refusal, not an internal error.
    persistedQueries: false,
    includeStacktraceInErrorResponses: !production,
    formatError: (formatted, error) => formatError(formatted, error, production),
    parseOptions: { maxTokens: LIMITS.maxTokens },
    validationRules: armor.validationRules,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: config.shutdownTimeoutMs }),
      // graphql-armor's typings point at Apollo's CommonJS declarations; the plugins are plain objects.
      ...(armor.plugins as unknown as ApolloServerPlugin<Context>[]),
      introspectionPolicy<Context>(schema, (ctx) => magIntrospecteren(config.introspectie, ctx.identity.rol)),
      // Before the cost estimate, which coerces (and stringifies) the variables.
      inputGuard(),
      costLimit<Context>(schema, (ctx) => KOSTENBUDGET[ctx.identity.rol]),
      requestLogging(metrics),
      // Apollo's landing page loads from a CDN; the hub serves its own GraphiQL instead.
      ApolloServerPluginLandingPageDisabled(),
      // The hub sets no cache hints; Apollo's default cache-control plugin would wrap every field resolver.
      ApolloServerPluginCacheControlDisabled(),
    ],
  });
  await apollo.start();
  // Listening last: nothing after it can fail and leave its connection open.
  await tokenCache?.start();

  app.get('/health/live', (_req, res) => {
    res.json({ status: 'ok' });
  });
  let stopping = false;
  app.get('/health/ready', async (_req, res) => {
    if (stopping) {
      res.status(503).json({ status: 'niet gereed', reden: 'de hub stopt' });
      return;
    }
    try {
      await options.orm.em.getConnection().execute('select 1');
      res.json({ status: 'ok' });
    } catch {
      res.status(503).json({ status: 'niet gereed', reden: 'database niet bereikbaar' });
    }
  });
  /** Who makes an HTTP request, within the rate limit; refusals are logged (never the token). */
  const identify = async (req: http.IncomingMessage): Promise<Identity> => {
    try {
      const identity = await authenticate(options.orm.em.fork(), req.headers.authorization, verifyJwt, tokenCache);
      await rateLimit(identity.id);
      return identity;
    } catch (error) {
      // The token lookup needs the database; without it the request cannot be served at all (503).
      const fout = isDatabaseOutage(error)
        ? hubError(ErrorCode.DATABASE_UNAVAILABLE, DATABASE_UNAVAILABLE_MESSAGE, { http: { status: 503, headers: new Map([['retry-after', '5']]) } })
        : error;
      const code = (fout as { extensions?: { code?: string } }).extensions?.code ?? 'INTERNAL_SERVER_ERROR';
      metrics.requestRefused(code);
      logger.warn({ path: (req.url ?? '').split('?')[0], outcome: 'geweigerd', errorCodes: [code] }, 'aanmelding');
      throw fout;
    }
  };
  const serveMetrics: express.RequestHandler = async (_req, res) => {
    res.type(metrics.contentType).send(await metrics.scrape());
  };
  if (exposure.token) {
    const token = exposure.token;
    app.get('/metrics', (req, res, next) => {
      if (metricsTokenValid(req.get('authorization'), token)) return next();
      res.status(401).set('www-authenticate', 'Bearer').type('text/plain').send('Metrics vragen om het token uit METRICS_TOKEN.\n');
    }, serveMetrics);
  }
  let metricsServer: http.Server | null = null;
  if (exposure.port) {
    const metricsApp = express();
    metricsApp.disable('x-powered-by');
    metricsApp.get('/metrics', serveMetrics);
    metricsServer = http.createServer(metricsApp);
  }
  const web = path.join(projectDir(), 'dist', 'web');
  app.use('/assets', express.static(path.join(web, 'assets'), { immutable: true, maxAge: '365d' }));
  app.get(['/dashboard', '/dashboard/'], (_req, res) => res.sendFile(path.join(web, 'dashboard', 'index.html')));
  app.get(['/import', '/import/'], (_req, res) => res.sendFile(path.join(web, 'import', 'index.html')));
  // Someone who opens the hub's address in a browser lands on the dashboard, not on "Cannot GET /".
  app.get('/', (_req, res) => res.redirect('/dashboard/'));
  if (config.graphiql) {
    app.get(['/graphiql', '/graphiql/'], (_req, res) => res.sendFile(path.join(web, 'graphiql', 'index.html')));
    // A browser opening /graphql gets GraphiQL; API clients are unaffected.
    app.get('/graphql', (req, res, next) => (req.accepts(['json', 'html']) === 'html' && !req.query.query ? res.redirect('/graphiql/') : next()));
  }
  const graphql = graphqlOverHttp(apollo, async (req) => context(await identify(req), requestIdFrom(req.headers['x-request-id']?.toString())));
  app.use('/graphql', readJsonBody, (req, res) => graphql(req, res, req.body));
  app.use('/export', exportRouter(apollo, identify, (identity) => context(identity)));
  app.use('/import', importRouter(apollo, identify, (identity) => context(identity)));
  // Body-parser failures (too large, malformed JSON) as GraphQL-shaped JSON, never Express's HTML page.
  app.use((error: { status?: number }, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (res.headersSent) return next(error);
    writeBodyError(res, error);
  });
  // The API's hot path skips Express: its routing and request objects cost more CPU than Apollo's own work.
  dispatch = (req, res) => {
    if (req.method !== 'POST' || (req.url !== '/graphql' && !req.url?.startsWith('/graphql?'))) return app(req, res);
    const request = req as express.Request;
    readJsonBody(request, res as express.Response, (error?: unknown) => {
      if (error) return writeBodyError(res, error as { status?: number });
      graphql(req, res, request.body).catch((fout: unknown) => {
        if (res.headersSent) return res.destroy();
        writeBodyError(res, { ...(fout as object), status: 500 });
      });
    });
  };
  const stop = async () => {
    stopping = true;
    await apollo.stop();
    await tokenCache?.stop();
    if (metricsServer?.listening) {
      metricsServer.closeAllConnections();
      await new Promise((resolve) => metricsServer!.close(resolve));
    }
    metrics.close();
  };
  return { app, httpServer, apollo, metrics, tokenCache, metricsServer, context: (identity) => context(identity), stop };
}
