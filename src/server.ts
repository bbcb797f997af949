import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/postgresql';
import express from 'express';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { createContext, type Context } from './context.js';
import { formatError } from './core/error-format.js';
import { logger } from './core/logger.js';
import { requestLogging } from './core/request-logging.js';
import { hubSchema } from './schema.js';

export interface HubOptions {
  orm: MikroORM;
  production?: boolean;
  /** Clock for "today"; tests fix it. */
  now?: () => Date;
}

export interface Hub {
  app: express.Express;
  httpServer: http.Server;
  apollo: ApolloServer<Context>;
  /** Builds a request context as the HTTP layer does (used by in-process tests). */
  context: () => Context;
}

/** A caller's X-Request-Id is kept for tracing when it is harmless in logs; otherwise a new id. */
function requestIdFrom(header: string | undefined): string {
  return header && /^[\w.:-]{1,100}$/.test(header) ? header : randomUUID();
}

/** Builds the HTTP app: GraphQL on /graphql and health checks. Does not listen. */
export async function createHub(options: HubOptions): Promise<Hub> {
  const app = express();
  const httpServer = http.createServer(app);
  const production = options.production ?? false;
  const context = (requestId: string = randomUUID()) =>
    createContext(options.orm.em, requestId, logger.child({ requestId }), options.now);

  const apollo = new ApolloServer<Context>({
    schema: await hubSchema(),
    introspection: true,
    includeStacktraceInErrorResponses: !production,
    formatError: (formatted, error) => formatError(formatted, error, production),
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), requestLogging()],
  });
  await apollo.start();

  app.get('/health/live', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/health/ready', async (_req, res) => {
    try {
      await options.orm.em.getConnection().execute('select 1');
      res.json({ status: 'ok' });
    } catch {
      res.status(503).json({ status: 'niet gereed', reden: 'database niet bereikbaar' });
    }
  });
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => context(requestIdFrom(req.get('x-request-id'))),
    }),
  );
  return { app, httpServer, apollo, context: () => context() };
}
