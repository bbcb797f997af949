import http from 'node:http';

/**
 * A fetch that adds `Authorization: Bearer <token>` to every request and otherwise leaves it as
 * the caller made it (method, headers, body), for clients that cannot be told about the token.
 */
export function fetchMetToken(token: string): typeof fetch {
  return (input, init) => {
    const request = new Request(input, init);
    const headers = new Headers(request.headers);
    headers.set('authorization', `Bearer ${token}`);
    return fetch(new Request(request, { headers }));
  };
}

/**
 * What is wrong with a body that should be a GraphQL response (an object with data and/or errors;
 * every error a string message and a string extensions.code), or null when it is well-formed.
 */
export function vormFout(body: unknown, { errorsVerplicht = false } = {}): string | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'antwoord is geen JSON-object';
  const antwoord = body as Record<string, unknown>;
  if (!('data' in antwoord) && !('errors' in antwoord)) return 'antwoord heeft geen data en geen errors';
  if (errorsVerplicht && !('errors' in antwoord)) return 'antwoord heeft geen errors';
  if ('data' in antwoord && antwoord.data !== null && (typeof antwoord.data !== 'object' || Array.isArray(antwoord.data))) {
    return 'data is geen object of null';
  }
  if ('errors' in antwoord) {
    const errors = antwoord.errors;
    if (!Array.isArray(errors) || errors.length === 0) return 'errors is geen niet-lege lijst';
    for (const [i, fout] of errors.entries()) {
      if (typeof fout !== 'object' || fout === null) return `errors[${i}] is geen object`;
      const { message, extensions } = fout as { message?: unknown; extensions?: { code?: unknown } };
      if (typeof message !== 'string') return `errors[${i}].message is geen string`;
      if (typeof extensions?.code !== 'string') return `errors[${i}].extensions.code is geen string: ${JSON.stringify(fout).slice(0, 300)}`;
    }
  }
  return null;
}

export interface RuwVerzoek {
  methode: string;
  /** Path and query string, sent as is. */
  pad: string;
  headers: Record<string, string | string[]>;
  body?: string | Uint8Array;
  /** Send the body in pieces without Content-Length (Transfer-Encoding: chunked). */
  chunked?: boolean;
}

export interface RuwAntwoord {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  ms: number;
}

/**
 * Sends one request exactly as described, over node:http (fetch would add or refuse headers). A reset
 * on a reused keep-alive socket is the client's race with the server closing it: sent again once.
 */
export function stuurRuw(doel: URL, agent: http.Agent, verzoek: RuwVerzoek, timeoutMs: number, poging = 1): Promise<RuwAntwoord> {
  return new Promise<RuwAntwoord>((resolve, reject) => {
    const start = performance.now();
    const body = typeof verzoek.body === 'string' ? Buffer.from(verzoek.body) : verzoek.body;
    const headers = { ...verzoek.headers };
    if (body && !verzoek.chunked) headers['content-length'] = String(body.byteLength);
    let beantwoord = false;
    const req = http.request(
      { host: doel.hostname, port: doel.port, method: verzoek.methode, path: verzoek.pad, headers, agent, timeout: timeoutMs },
      (res) => {
        beantwoord = true;
        const delen: Buffer[] = [];
        res.on('data', (deel: Buffer) => delen.push(deel));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(delen), ms: performance.now() - start }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`geen antwoord binnen ${timeoutMs} ms`)));
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (beantwoord) return;
      if (req.reusedSocket && error.code === 'ECONNRESET' && poging === 1) {
        stuurRuw(doel, agent, verzoek, timeoutMs, 2).then(resolve, reject);
        return;
      }
      reject(error);
    });
    if (body && verzoek.chunked) {
      for (let i = 0; i < body.byteLength; i += 65_536) req.write(body.subarray(i, i + 65_536));
      req.end();
    } else {
      req.end(body);
    }
  });
}
