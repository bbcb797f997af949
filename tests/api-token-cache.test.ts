import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { maakApiToken } from '../src/api-token/api-token.service.js';
import { Rol } from '../src/auth/identity.js';
import { overHttp } from './helpers/over-http.js';
import { buitenDeHubOm as buitenDeHubOmMetOrm } from './helpers/sql.js';
import { startTestHub, type TestHub } from './helpers/test-hub.js';

// Verified API tokens are kept in memory so that a request costs no token lookup, while revoking a
// token (through the hub, another instance or psql) still shuts it out as soon as the change commits.

let t: TestHub;
let url: string;
beforeAll(async () => {
  t = await startTestHub();
  url = await t.listen();
});
afterAll(() => t.close());

const QUERY = '{ gemeenten { cbsCode } }';
const tokenStatements = () => t.statements.filter((s) => s.includes('api_token')).length;
const nieuwToken = async (naam: string) => (await maakApiToken(t.orm.em.fork(), { naam, rol: Rol.CONTROLLER }, 'test')).geheim;

/** A write from outside this hub (another instance, psql): its own connection, its own transaction. */
const buitenDeHubOm = (query: string) => buitenDeHubOmMetOrm(t.orm, query);

describe('API-tokens in het geheugen', () => {
  it('zoekt een bekend token niet opnieuw op', async () => {
    const geheim = await nieuwToken('cache lezen');
    t.statements.length = 0;
    expect((await overHttp(url, geheim, QUERY)).status).toBe(200);
    expect(tokenStatements()).toBe(1);
    for (let i = 0; i < 5; i++) expect((await overHttp(url, geheim, QUERY)).status).toBe(200);
    expect(tokenStatements()).toBe(1);
  });

  it('laat een buiten de hub om ingetrokken token niet meer toe zodra de intrekking vastligt', async () => {
    const geheim = await nieuwToken('cache intrekken');
    expect((await overHttp(url, geheim, QUERY)).status).toBe(200);
    const eerder = t.hub.tokenCache!.evictions;
    const begin = performance.now();
    await buitenDeHubOm(`update api_token set ingetrokken_op = now() where naam = 'cache intrekken'`);
    // The notification travels with the commit; the hub drops the token when it arrives.
    await vi.waitFor(() => expect(t.hub.tokenCache!.evictions).toBe(eerder + 1), { timeout: 5_000, interval: 5 });
    const duur = performance.now() - begin;
    const antwoord = await overHttp(url, geheim, QUERY);
    expect(antwoord.status).toBe(401);
    expect(antwoord.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    // Well within a second, also on a busy machine: "immediate" for a person revoking a token.
    expect(duur).toBeLessThan(5_000);
  });

  it('vertrouwt het geheugen niet meer zodra de meldingen wegvallen', async () => {
    const geheim = await nieuwToken('cache zonder meldingen');
    expect((await overHttp(url, geheim, QUERY)).status).toBe(200);
    // Break the hub's LISTEN connection: it may miss notifications from now on.
    await buitenDeHubOm(`select pg_terminate_backend(pid) from pg_stat_activity where query ilike 'listen api_token_gewijzigd%' and datname = current_database()`);
    await vi.waitFor(() => expect(t.hub.tokenCache!.listening).toBe(false), { timeout: 5_000, interval: 5 });
    // Revoked while nobody listens: the hub must not serve it from memory.
    await buitenDeHubOm(`update api_token set ingetrokken_op = now() where naam = 'cache zonder meldingen'`);
    expect((await overHttp(url, geheim, QUERY)).status).toBe(401);
    // It listens again after a few seconds, and then caches again.
    await vi.waitFor(() => expect(t.hub.tokenCache!.listening).toBe(true), { timeout: 15_000, interval: 50 });
  });

  it('zoekt met API_TOKEN_CACHE_SECONDEN=0 elk token in de database op', async () => {
    const zonder = await startTestHub({ apiTokenCacheSeconden: 0 });
    try {
      const zonderUrl = await zonder.listen();
      const geheim = (await maakApiToken(zonder.orm.em.fork(), { naam: 'geen cache', rol: Rol.CONTROLLER }, 'test')).geheim;
      zonder.statements.length = 0;
      for (let i = 0; i < 3; i++) expect((await overHttp(zonderUrl, geheim, QUERY)).status).toBe(200);
      expect(zonder.statements.filter((s) => s.includes('api_token'))).toHaveLength(3);
      expect(zonder.hub.tokenCache).toBeNull();
    } finally {
      await zonder.close();
    }
  });
});
