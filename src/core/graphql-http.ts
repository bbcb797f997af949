import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import express from 'express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { logger } from './logger.js';

/** Largest request body the hub reads; larger requests get PAYLOAD_TOO_LARGE (413). */
export const MAX_BODY = '1mb';

/**
 * Reads a JSON body into `req.body` (body-parser, also gzip and deflate), within MAX_BODY. It is a
 * connect-style function, so it runs on a plain node:http request as well as inside Express.
 */
export const readJsonBody = express.json({ limit: MAX_BODY });

/** A body that could not be read (too large, malformed JSON) as GraphQL-shaped JSON, never an HTML page. */
export function writeBodyError(res: ServerResponse, error: { status?: number }): void {
  const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
  const [code, message] =
    status === 413
      ? ['PAYLOAD_TOO_LARGE', 'Het verzoek is te groot (maximaal 1 MB).']
      : status < 500
        ? ['BAD_REQUEST', 'Het verzoek is geen geldige JSON.']
        : ['INTERNAL_SERVER_ERROR', 'Er ging iets mis aan onze kant.'];
  if (status === 500) logger.error({ err: error }, 'onverwachte fout in HTTP-laag');
  const body = JSON.stringify({ errors: [{ message, extensions: { code } }] });
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/**
 * GraphQL over HTTP with Apollo Server directly on node:http: the request as Apollo's
 * executeHTTPGraphQLRequest wants it, its answer written back as it comes (status, headers, body).
 * Apollo keeps doing what it did behind Express: CSRF prevention, method and content-type checks,
 * error shapes. Express in front of it cost more CPU per request than Apollo's own work.
 */
export function graphqlOverHttp<C extends BaseContext>(apollo: ApolloServer<C>, context: (req: IncomingMessage) => Promise<C>) {
  return async (req: IncomingMessage, res: ServerResponse, body: unknown): Promise<void> => {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const url = req.url ?? '/';
    const query = url.indexOf('?');
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: (req.method ?? 'GET').toUpperCase(), headers, search: query === -1 ? '' : url.slice(query), body },
      context: () => context(req),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.setHeader('content-length', Buffer.byteLength(response.body.string));
      res.end(req.method === 'HEAD' ? undefined : response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };
}
