import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { maakApiToken, trekApiTokenIn } from '../src/api-token/api-token.service.js';
import { Rol } from '../src/auth/identity.js';
import { startIdentiteitsaanbieder, type TestIdentiteitsaanbieder } from './helpers/oidc.js';
import { startTestHub, type TestHub } from './helpers/test-hub.js';

type Fouten = { errors: Array<{ message: string; extensions: { code: string } }> };

let t: TestHub;
let url: string;
let idp: TestIdentiteitsaanbieder;

beforeAll(async () => {
  idp = await startIdentiteitsaanbieder();
  t = await startTestHub({
    oidc: idp.config('realm_access.roles'),
    introspectie: 'controllers',
    requestsPerMinuut: 1000,
  });
  url = await t.listen();
});
afterAll(async () => {
  await t.close();
  idp.close();
});

interface Antwoord {
  status: number;
  body: { data?: unknown; errors?: Array<{ message: string; extensions: { code: string } }> };
}

async function post(query: string, token?: string, extraHeaders: Record<string, string> = {}): Promise<Antwoord> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...extraHeaders },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: (await response.json()) as Antwoord['body'] };
}

const controllerClaims = { realm_access: { roles: ['offline_access', 'controller'] }, name: 'C. Troller' };

describe('OpenID Connect-tokens', () => {
  it('laat een geldig token van de vertrouwde uitgever toe', async () => {
    const { status, body } = await post('{ gemeente(cbsCode: "GM0202") { naam } }', await idp.jwt(controllerClaims));
    expect(status).toBe(200);
    expect(body).toEqual({ data: { gemeente: { naam: 'Arnhem' } } });
  });

  it.each([
    ['verlopen', () => idp.jwt(controllerClaims, { exp: Math.floor(Date.now() / 1000) - 120 }), /verlopen/],
    ['vervalst (andere sleutel)', () => idp.jwt(controllerClaims, { key: idp.vreemdeSleutel }), /ongeldig/],
    ['voor een ander publiek', () => idp.jwt(controllerClaims, { audience: 'andere-app' }), /niet voor Regiohub bestemd/],
    ['van een andere uitgever', () => idp.jwt(controllerClaims, { issuer: 'https://evil.test' }), /vertrouwde uitgever/],
  ])('weigert een token dat %s is met 401 UNAUTHENTICATED en zonder data', async (_naam, maak, melding) => {
    const { status, body } = await post('{ gemeenten { naam } }', await maak());
    expect(status).toBe(401);
    expect(body.data).toBeUndefined();
    expect(body.errors![0].extensions.code).toBe('UNAUTHENTICATED');
    expect(body.errors![0].message).toMatch(melding);
  });

  it('weigert een token zonder Regiohub-rol met 403 FORBIDDEN', async () => {
    const { status, body } = await post('{ gemeenten { naam } }', await idp.jwt({ realm_access: { roles: ['offline_access'] } }));
    expect(status).toBe(403);
    expect(body.errors![0].extensions.code).toBe('FORBIDDEN');
  });

  it('past de gemeentescope uit de claim toe', async () => {
    // The claim may hold the CBS code in lower case.
    const token = await idp.jwt({ realm_access: { roles: ['gemeente'] }, gemeente: 'gm0274' });
    const { body } = await post(
      '{ kwartaalrapportages(where: { module: { eq: "WSP" }, jaar: { eq: 2026 }, kwartaal: { eq: 2 } }) { nodes { waarden { gemeente { cbsCode } } } } }',
      token,
    );
    type Rapportages = { kwartaalrapportages: { nodes: Array<{ waarden: Array<{ gemeente: { cbsCode: string } | null }> }> } };
    const gemeenten = (body.data as Rapportages).kwartaalrapportages.nodes.flatMap((r) => r.waarden.map((w) => w.gemeente?.cbsCode ?? 'regio'));
    expect(new Set(gemeenten)).toEqual(new Set(['GM0274', 'regio']));
  });
});

describe('API-tokens en ontbrekende tokens', () => {
  it('laat een API-token toe tot het is ingetrokken, en registreert het laatste gebruik', async () => {
    const { token, geheim } = await maakApiToken(t.orm.em.fork(), { naam: 'BI Arnhem', rol: Rol.DASHBOARD, gemeente: 'GM0202' }, 'test');
    expect((await post('{ gemeenten { naam } }', geheim)).status).toBe(200);
    const gebruikt = await t.orm.em.fork().findOneOrFail('ApiToken', token.id);
    expect((gebruikt as { laatstGebruiktOp: Date | null }).laatstGebruiktOp).toBeInstanceOf(Date);

    // Revoked outside the hub's API: the hub hears of it through the database's notification.
    const eerder = t.hub.tokenCache!.evictions;
    await trekApiTokenIn(t.orm.em.fork(), token.id, 'test');
    await vi.waitFor(() => expect(t.hub.tokenCache!.evictions).toBe(eerder + 1), { timeout: 5_000, interval: 5 });
    const { status, body } = await post('{ gemeenten { naam } }', geheim);
    expect(status).toBe(401);
    expect(body.errors![0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringMatching(/ingetrokken/) });
  });

  it('weigert een verzoek zonder of met een onleesbaar token', async () => {
    for (const token of [undefined, 'abc', 'rh_onbekend']) {
      const { status, body } = await post('{ gemeenten { naam } }', token);
      expect(status).toBe(401);
      expect(body.errors![0].extensions.code).toBe('UNAUTHENTICATED');
    }
  });

  it('antwoordt op de gezondheidscontrole zonder token', async () => {
    const response = await fetch(url.replace('/graphql', '/health/live'));
    expect(response.status).toBe(200);
  });
});

describe('limieten, vóór uitvoering gecontroleerd', () => {
  it('weigert een te diepe query met QUERY_TOO_DEEP, zonder SQL uit te voeren', async () => {
    const token = await idp.jwt(controllerClaims);
    t.statements.length = 0;
    const diep = '{ module(code: "INKOOP-JEUGD") { hoofdmodule { submodules { hoofdmodule { submodules { hoofdmodule { submodules { hoofdmodule { submodules { hoofdmodule { code } } } } } } } } } } }';
    const { status, body } = await post(diep, token);
    expect(status).toBe(400);
    expect(body.errors![0]).toMatchObject({ extensions: { code: 'QUERY_TOO_DEEP' }, message: 'De query is te diep genest (maximaal 10 niveaus).' });
    expect(t.statements).toEqual([]);
  });

  it('weigert een aliasbom met TOO_MANY_ALIASES', async () => {
    const aliassen = Array.from({ length: 40 }, (_, i) => `a${i}: gemeenten { naam }`).join(' ');
    const { body } = await post(`{ ${aliassen} }`, await idp.jwt(controllerClaims));
    expect(body.errors![0].extensions.code).toBe('TOO_MANY_ALIASES');
  });

  it('weigert een query met te veel tokens met QUERY_TOO_LARGE', async () => {
    const velden = Array.from({ length: 3100 }, () => 'naam').join(' ');
    const { body } = await post(`{ gemeenten { ${velden} } }`, await idp.jwt(controllerClaims));
    expect(body.errors![0]).toMatchObject({ extensions: { code: 'QUERY_TOO_LARGE' }, message: 'De query is te groot (maximaal 3000 tokens).' });
  });

  it('meet de kosten tegen het budget van de rol: te zwaar voor een dashboard, niet voor een controller', async () => {
    const zwaar = '{ modules { deelnemers { bijdragen { begroting { module { bijdragen { bedrag } } } } } } }';
    const dashboard = await post(zwaar, await idp.jwt({ realm_access: { roles: ['dashboard'] } }));
    expect(dashboard.status).toBe(400);
    expect(dashboard.body.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', budget: 10000 });
    expect(dashboard.body.data).toBeUndefined();
    const controller = await post(zwaar, await idp.jwt(controllerClaims));
    expect(controller.status).toBe(200);
    expect(controller.body.errors).toBeUndefined();
    const tezwaar = await post(zwaar.replace('{ bedrag }', '{ bedrag gemeente { bijdragen { bedrag } } }'), await idp.jwt(controllerClaims));
    expect(tezwaar.body.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', budget: 50000 });
  });

  it('staat introspectie alleen toe aan controllers en beheerders, als zo ingesteld', async () => {
    const introspectie = '{ __schema { queryType { name } } }';
    expect((await post(introspectie, await idp.jwt(controllerClaims))).body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
    const gemeente = await post(introspectie, await idp.jwt({ realm_access: { roles: ['gemeente'] }, gemeente: 'GM0202' }));
    expect(gemeente.status).toBe(403);
    expect(gemeente.body.errors![0].extensions.code).toBe('FORBIDDEN');
  });
});

describe('rate limiting per identiteit', () => {
  it('weigert boven het aantal verzoeken per minuut met 429 RATE_LIMITED', async () => {
    const hub = await startTestHub({ requestsPerMinuut: 3 });
    const hubUrl = await hub.listen();
    const { geheim } = await maakApiToken(hub.orm.em.fork(), { naam: 'druk dashboard', rol: Rol.DASHBOARD }, 'test');
    const { geheim: ander } = await maakApiToken(hub.orm.em.fork(), { naam: 'ander dashboard', rol: Rol.DASHBOARD }, 'test');
    const vraag = (token: string) =>
      fetch(hubUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: '{"query":"{ programmas { code } }"}' });
    const statussen = [];
    for (let i = 0; i < 4; i++) statussen.push((await vraag(geheim)).status);
    expect(statussen).toEqual([200, 200, 200, 429]);
    const geweigerd = await vraag(geheim);
    expect(Number(geweigerd.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await geweigerd.json()) as Fouten).errors[0].extensions.code).toBe('RATE_LIMITED');
    expect((await vraag(ander)).status).toBe(200);
    await hub.close();
  });
});
