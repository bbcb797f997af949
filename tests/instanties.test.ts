import getPort from 'get-port';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maakApiToken } from '../src/api-token/api-token.service.js';
import { Rol } from '../src/auth/identity.js';
import { connect, createTestDatabase } from './helpers/database.js';
import { startHubProces, stopAchtergeblevenHubs, type RunningHub } from './helpers/hub-proces.js';

// Two hub processes on one database, as behind a load balancer: they share nothing but PostgreSQL.
const LIMIET = 6;
const METRICS_TOKEN = 'token-voor-prometheus-scrape';
const hubs: RunningHub[] = [];
const poorten: number[] = [];
const tokens: Record<'controller' | 'dashboard' | 'beheerder', string> = { controller: '', dashboard: '', beheerder: '' };

beforeAll(async () => {
  const url = await createTestDatabase();
  const orm = await connect({ url });
  for (const [naam, rol] of [['controller', Rol.CONTROLLER], ['dashboard', Rol.DASHBOARD], ['beheerder', Rol.BEHEERDER]] as const) {
    tokens[naam] = (await maakApiToken(orm.em.fork(), { naam, rol }, 'test')).geheim;
  }
  await orm.close(true);
  for (let i = 0; i < 2; i++) {
    const port = await getPort();
    poorten.push(port);
    // With DATABASE_URL the request counts are kept in PostgreSQL by default (RATE_LIMIT_OPSLAG=postgres).
    hubs.push(
      await startHubProces({ DATABASE_URL: url, PORT: String(port), HOST: '127.0.0.1', RATE_LIMIT_PER_MINUUT: String(LIMIET), METRICS_TOKEN: METRICS_TOKEN }),
    );
  }
}, 240_000);
afterAll(() => stopAchtergeblevenHubs(hubs), 60_000);

async function vraag(hub: number, token: string, query: string) {
  const response = await fetch(`http://127.0.0.1:${poorten[hub]}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as { data?: unknown; errors?: Array<{ extensions: { code: string } }> } };
}

describe('meerdere instanties op één database', () => {
  it('delen één rate limit per identiteit', async () => {
    const statussen: number[] = [];
    for (let i = 0; i < LIMIET; i++) statussen.push((await vraag(i % 2, tokens.controller, '{ gemeenten { cbsCode } }')).status);
    expect(statussen).toEqual(Array(LIMIET).fill(200));
    // The seventh request is over the limit, whichever instance it reaches.
    for (const hub of [0, 1]) {
      const teVeel = await vraag(hub, tokens.controller, '{ gemeenten { cbsCode } }');
      expect(teVeel.status).toBe(429);
      expect(teVeel.body.errors![0].extensions.code).toBe('RATE_LIMITED');
      expect(Number(teVeel.retryAfter)).toBeGreaterThan(0);
    }
    // Another identity has its own count.
    expect((await vraag(1, tokens.dashboard, '{ gemeenten { cbsCode } }')).status).toBe(200);
  });

  it('zien een schrijfactie via de andere instantie meteen in het (gecachte) kostenoverzicht', async () => {
    const inwoners = async () =>
      (await vraag(0, tokens.dashboard, '{ kostenoverzicht(jaar: 2026, gemeenten: ["GM0202"]) { perGemeente { inwoners } } }')).body.data as {
        kostenoverzicht: { perGemeente: Array<{ inwoners: number }> };
      };
    const voor = await inwoners();
    expect(await inwoners()).toEqual(voor);
    const schrijf = await vraag(1, tokens.beheerder, 'mutation { inwonertalVastleggen(invoer: { gemeente: "GM0202", jaar: 2026, aantal: 170001, bron: "test" }) { aantal } }');
    expect(schrijf.body.errors).toBeUndefined();
    expect((await inwoners()).kostenoverzicht.perGemeente[0].inwoners).toBe(170_001);
    expect(voor.kostenoverzicht.perGemeente[0].inwoners).not.toBe(170_001);
  });

  it('tellen elk hun eigen weigeringen in /metrics (METRICS_TOKEN)', async () => {
    const refused = async (hub: number) => {
      const response = await fetch(`http://127.0.0.1:${poorten[hub]}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      expect(response.status).toBe(200);
      return Number(/^regiohub_requests_refused_total\{code="RATE_LIMITED"\} (\d+)$/m.exec(await response.text())?.[1] ?? 0);
    };
    // The shared limit was exhausted above: one refusal on each instance.
    expect([await refused(0), await refused(1)]).toEqual([1, 1]);
  });
});
