import { createGraphiQLFetcher, type Fetcher } from '@graphiql/toolkit';
import { mergeHeaders, requestHeaders } from './headers.js';

/**
 * GraphiQL's fetcher for the hub: the toolkit's, with the token field's Authorization added below what
 * the Headers tab says (see requestHeaders). The toolkit puts its own `content-type` and `accept` before
 * those; the fetch below merges that last step case-insensitively as well, so a typed `Content-Type`
 * replaces the default instead of being joined to it.
 */
export function createRegiohubFetcher(url: string, token: string, httpFetch: typeof fetch = (input, init) => fetch(input, init)): Fetcher {
  const inner = createGraphiQLFetcher({
    url,
    // The hub answers every operation with one JSON response (no @defer or @stream): no multipart.
    enableIncrementalDelivery: false,
    fetch: (input, init) => {
      const headers = init?.headers;
      // The toolkit passes a plain object; anything else (Headers, pairs) has no duplicate names to join.
      const plain = headers && !Array.isArray(headers) && !(headers instanceof Headers);
      return httpFetch(input, plain ? { ...init, headers: mergeHeaders(headers as Record<string, string>) } : init);
    },
  });
  return (params, opts) => inner(params, { ...opts, headers: requestHeaders(opts?.headers, token) });
}
