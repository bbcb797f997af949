import { describe, expect, it } from 'vitest';
import { createRegiohubFetcher } from '../src/web/graphiql/fetcher.js';
import { mergeHeaders, requestHeaders } from '../src/web/graphiql/headers.js';
import { maskToken } from '../src/web/graphiql/token.js';

// GraphiQL's headers: the token field gives `Authorization: Bearer <token>`, the Headers tab may give
// its own in any spelling; exactly one goes out. The browser test (graphiql.e2e.test.ts) proves it
// against the hub; these prove the rule itself.

const TOKEN = 'rh_veld0000000000000000000000000000';
const GETYPT = 'Bearer rh_getypt00000000000000000000000';

describe('requestHeaders', () => {
  it.each(['Authorization', 'AUTHORIZATION', 'authorization', 'AuThOrIzAtIoN'])('laat een getypte %s winnen, zoals getypt', (naam) => {
    expect(requestHeaders({ [naam]: GETYPT }, TOKEN)).toEqual({ [naam]: GETYPT });
    expect(requestHeaders({ [naam]: GETYPT }, '')).toEqual({ [naam]: GETYPT });
  });

  it('gebruikt anders het token uit het tokenveld', () => {
    expect(requestHeaders(undefined, TOKEN)).toEqual({ Authorization: `Bearer ${TOKEN}` });
    expect(requestHeaders({ 'X-Request-Id': 'abc' }, ` ${TOKEN}\n`)).toEqual({ Authorization: `Bearer ${TOKEN}`, 'X-Request-Id': 'abc' });
  });

  it('stuurt zonder token en zonder getypte header geen Authorization, ook geen lege "Bearer "', () => {
    expect(requestHeaders(undefined, '')).toEqual({});
    expect(requestHeaders({}, '   ')).toEqual({});
  });

  it('laat met "Authorization": null in Headers het token weg', () => {
    expect(requestHeaders({ authorization: null }, TOKEN)).toEqual({});
  });
});

describe('mergeHeaders', () => {
  it('voegt lagen samen zonder op hoofdletters te letten; de laatste wint en houdt haar spelling', () => {
    expect(mergeHeaders({ 'content-type': 'application/json', accept: 'a' }, { 'Content-Type': 'application/graphql+json' }, { ACCEPT: 5 })).toEqual({
      'Content-Type': 'application/graphql+json',
      ACCEPT: '5',
    });
  });
});

describe('createRegiohubFetcher', () => {
  /** The headers of the one request the fetcher sends, as the server would see them. */
  async function verzonden(token: string, getypt?: Record<string, unknown>): Promise<Headers> {
    const verzoeken: RequestInit[] = [];
    const fetcher = createRegiohubFetcher('/graphql', token, async (_url, init) => {
      verzoeken.push(init!);
      return new Response(JSON.stringify({ data: { ok: true } }), { headers: { 'content-type': 'application/json' } });
    });
    expect(await fetcher({ query: '{ ok }' }, getypt ? { headers: getypt } : undefined)).toEqual({ data: { ok: true } });
    expect(verzoeken).toHaveLength(1);
    return new Headers(verzoeken[0].headers);
  }

  it('stuurt precies één Authorization: de getypte, anders die van het tokenveld, anders geen', async () => {
    expect((await verzonden(TOKEN, { Authorization: GETYPT })).get('authorization')).toBe(GETYPT);
    expect((await verzonden('', { AUTHORIZATION: GETYPT })).get('authorization')).toBe(GETYPT);
    expect((await verzonden(TOKEN)).get('authorization')).toBe(`Bearer ${TOKEN}`);
    expect((await verzonden('')).has('authorization')).toBe(false);
  });

  it('vervangt de standaard-content-type van de toolkit door een getypte Content-Type in plaats van ze samen te voegen', async () => {
    const headers = await verzonden(TOKEN, { 'Content-Type': 'application/json; charset=utf-8' });
    expect(headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(headers.get('accept')).toBe('application/graphql-response+json, application/json;q=0.9');
  });
});

describe('maskToken', () => {
  it('toont alleen begin en einde van een token', () => {
    expect(maskToken('rh_abcdefghijklmnopqrstuvwxyz0123')).toBe('rh_…0123');
    expect(maskToken('kort')).toBe('••••••••');
  });
});
