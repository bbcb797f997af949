import getPort from 'get-port';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maakApiToken } from '../src/api-token/api-token.service.js';
import { Rol } from '../src/auth/identity.js';
import { KostenoverzichtDocument } from './generated/graphql.js';
import { ALS } from './helpers/identities.js';
import { startTestHub, type TestHub } from './helpers/test-hub.js';

const METRICS_TOKEN = 'scrape-token-voor-prometheus';
const LIMIET = 8;
let t: TestHub;
let graphqlUrl: string;
let metricsUrl: string;
let controller: string;

beforeAll(async () => {
  t = await startTestHub({ metrics: { token: METRICS_TOKEN, host: '127.0.0.1' }, requestsPerMinuut: LIMIET });
  graphqlUrl = await t.listen();
  metricsUrl = graphqlUrl.replace('/graphql', '/metrics');
  controller = (await maakApiToken(t.orm.em.fork(), { naam: 'controller', rol: Rol.CONTROLLER }, 'test')).geheim;
}, 120_000);
afterAll(() => t?.close());

const scrape = async (url = metricsUrl, token: string | null = METRICS_TOKEN) => {
  const response = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: response.status, contentType: response.headers.get('content-type'), text: await response.text() };
};

/** The value of one sample in Prometheus text format; 0 when the series does not exist (yet). */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = match[2] ? match[2].split(',') : [];
    if (wanted.every((l) => present.includes(l)) && present.length === wanted.length) return Number(match[3]);
  }
  return 0;
}

const vraag = (query: string, token = controller) =>
  fetch(graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query }) });

describe('/metrics (Prometheus)', () => {
  it('is alleen te lezen met het metrics-token', async () => {
    expect((await scrape(metricsUrl, null)).status).toBe(401);
    expect((await scrape(metricsUrl, 'verkeerd-token-van-genoeg-lengte')).status).toBe(401);
    // An API token for the graph is not a metrics token.
    expect((await scrape(metricsUrl, controller)).status).toBe(401);
    const goed = await scrape();
    expect(goed.status).toBe(200);
    expect(goed.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    // Node's process metrics (prom-client defaults).
    expect(sample(goed.text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(goed.text).toContain('nodejs_eventloop_lag_seconds');
  });

  it('telt operaties per naam en uitkomst, met duurhistogram en SQL-statements', async () => {
    const voor = (await scrape()).text;
    t.statements.length = 0;
    for (let i = 0; i < 2; i++) expect((await vraag('query Gemeenten { gemeenten { cbsCode naam } }')).status).toBe(200);
    expect((await vraag('query Fout { bestaatNiet }')).status).toBe(400);
    const na = (await scrape()).text;

    const delta = (name: string, labels: Record<string, string> = {}) => sample(na, name, labels) - sample(voor, name, labels);
    expect(delta('regiohub_graphql_requests_total', { operation: 'Gemeenten', outcome: 'OK' })).toBe(2);
    expect(delta('regiohub_graphql_request_duration_seconds_count', { operation: 'Gemeenten', outcome: 'OK' })).toBe(2);
    expect(delta('regiohub_graphql_request_duration_seconds_bucket', { le: '+Inf', operation: 'Gemeenten', outcome: 'OK' })).toBe(2);
    expect(delta('regiohub_graphql_request_duration_seconds_sum', { operation: 'Gemeenten', outcome: 'OK' })).toBeGreaterThan(0);
    expect(delta('regiohub_graphql_requests_total', { operation: 'Fout', outcome: 'GRAPHQL_VALIDATION_FAILED' })).toBe(1);
    // Every statement the ORM sent for these requests (token lookups, rate limit, the reads) is counted.
    expect(t.statements.length).toBeGreaterThan(2);
    expect(delta('regiohub_sql_statements_total')).toBe(t.statements.length);
    expect(sample(na, 'regiohub_db_pool_connections_max')).toBe(10);
    expect(sample(na, 'regiohub_db_pool_connections_in_use')).toBe(0);
  });

  it('telt treffers en missers van de kostencache', async () => {
    const voor = (await scrape()).text;
    for (let i = 0; i < 2; i++) expect((await t.execute(KostenoverzichtDocument, { jaar: 2026, gemeenten: ['GM0228'] }, ALS.dashboardRegio)).errors).toBeUndefined();
    const na = (await scrape()).text;
    expect(sample(na, 'regiohub_cost_cache_misses_total') - sample(voor, 'regiohub_cost_cache_misses_total')).toBe(1);
    expect(sample(na, 'regiohub_cost_cache_hits_total') - sample(voor, 'regiohub_cost_cache_hits_total')).toBe(1);
    expect(sample(na, 'regiohub_cost_cache_entries')).toBeGreaterThan(0);
  });

  it('telt weigeringen vóór uitvoering, waaronder de rate limit', async () => {
    const { geheim } = await maakApiToken(t.orm.em.fork(), { naam: 'druk dashboard', rol: Rol.DASHBOARD }, 'test');
    const voor = (await scrape()).text;
    const statussen: number[] = [];
    for (let i = 0; i < LIMIET + 2; i++) statussen.push((await vraag('{ gemeenten { cbsCode } }', geheim)).status);
    expect(statussen.filter((s) => s === 429)).toHaveLength(2);
    expect((await vraag('{ gemeenten { cbsCode } }', 'rh_onbekend')).status).toBe(401);
    const na = (await scrape()).text;
    expect(sample(na, 'regiohub_requests_refused_total', { code: 'RATE_LIMITED' }) - sample(voor, 'regiohub_requests_refused_total', { code: 'RATE_LIMITED' })).toBe(2);
    expect(sample(na, 'regiohub_requests_refused_total', { code: 'UNAUTHENTICATED' }) - sample(voor, 'regiohub_requests_refused_total', { code: 'UNAUTHENTICATED' })).toBe(1);
    expect(sample(na, 'regiohub_graphql_requests_total', { operation: 'anoniem', outcome: 'OK' }) - sample(voor, 'regiohub_graphql_requests_total', { operation: 'anoniem', outcome: 'OK' })).toBe(LIMIET);
  });

  it('begrenst het aantal operatienamen, zodat clients geen reeksen kunnen opblazen', async () => {
    for (let i = 0; i < 210; i++) await t.execute(parse(`query Naam${i} { __typename }`));
    const text = (await scrape()).text;
    const namen = new Set([...text.matchAll(/^regiohub_graphql_requests_total\{operation="([^"]+)"/gm)].map((m) => m[1]));
    namen.delete('anoniem');
    namen.delete('overig');
    expect(namen.size).toBe(200);
    expect(sample(text, 'regiohub_graphql_requests_total', { operation: 'overig', outcome: 'OK' })).toBeGreaterThan(0);
  });
});

describe('metrics op een eigen poort', () => {
  it('serveert /metrics zonder token op de metrics-poort en niet op de hubpoort', async () => {
    const port = await getPort();
    const hub = await startTestHub({ database: 'empty', metrics: { port, host: '127.0.0.1' } });
    try {
      const url = await hub.listen();
      await new Promise<void>((resolve) => hub.hub.metricsServer!.listen(port, '127.0.0.1', resolve));
      const opEigenPoort = await scrape(`http://127.0.0.1:${port}/metrics`, null);
      expect(opEigenPoort.status).toBe(200);
      expect(opEigenPoort.text).toContain('regiohub_graphql_requests_total');
      expect((await scrape(url.replace('/graphql', '/metrics'), null)).status).toBe(404);
    } finally {
      await hub.close();
    }
    // Stopping the hub closes the metrics port too.
    await expect(fetch(`http://127.0.0.1:${port}/metrics`)).rejects.toThrow();
  });

  it('wordt niet geserveerd als de beheerder er niet om vraagt', async () => {
    const hub = await startTestHub({ database: 'empty' });
    try {
      const url = await hub.listen();
      expect((await scrape(url.replace('/graphql', '/metrics'), null)).status).toBe(404);
      expect(hub.hub.metricsServer).toBeNull();
    } finally {
      await hub.close();
    }
  });
});
