import getPort from 'get-port';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { maakApiToken } from '../src/api-token/api-token.service.js';
import { Rol } from '../src/auth/identity.js';
import { openDatabase } from '../src/database.js';
import { scratchDataDir, startEmbeddedPostgres, type EmbeddedDatabase, type EmbeddedOptions } from '../src/core/embedded-postgres.js';
import { laadDemoRegio } from '../src/demo/demo-regio.js';
import { AlleGemeentenDocument, KostenoverzichtDocument, RapportageOpslaanDocument } from './generated/graphql.js';
import { foutcodes, overHttp } from './helpers/over-http.js';
import { startTestHub, type TestHub } from './helpers/test-hub.js';
import { NU } from './helpers/scenario.js';

// This file stops and starts PostgreSQL, so it has a server of its own instead of the shared one.
let server: EmbeddedDatabase;
let serverOpties: EmbeddedOptions;
let t: TestHub;
let url: string;
let token: string;
let manager: string;

beforeAll(async () => {
  serverOpties = { dataDir: scratchDataDir('regiohub-storing-'), port: await getPort(), database: 'regiohub', persistent: true };
  server = await startEmbeddedPostgres(serverOpties);
  const orm = await openDatabase({ url: server.url });
  await laadDemoRegio(orm.em.fork());
  await orm.close(true);
  t = await startTestHub({ url: server.url, now: NU });
  url = await t.listen();
  token = (await maakApiToken(t.orm.em.fork(), { naam: 'controller', rol: Rol.CONTROLLER }, 'test')).geheim;
  manager = (await maakApiToken(t.orm.em.fork(), { naam: 'manager', rol: Rol.MODULEMANAGER, modules: ['WSP'] }, 'test')).geheim;
}, 120_000);
afterAll(async () => {
  await t?.close();
  await server?.stop();
});

const gereed = async () => (await fetch(url.replace('/graphql', '/health/ready'))).status;
const levend = async () => (await fetch(url.replace('/graphql', '/health/live'))).status;

describe('PostgreSQL valt weg terwijl de hub draait', () => {
  it('verzoeken krijgen snel DATABASE_UNAVAILABLE, gereed zegt 503; na herstart van PostgreSQL werkt de hub weer zonder herstart', async () => {
    const vraag = () => overHttp(url, token, KostenoverzichtDocument, { jaar: 2025 });
    const goed = await vraag();
    expect(goed.errors).toBeUndefined();
    expect(await gereed()).toBe(200);

    await server.stop();

    const begin = Date.now();
    const fout = await vraag();
    expect(Date.now() - begin).toBeLessThan(5_000);
    // The token cannot be checked without the database: nothing runs, the request is refused with 503.
    expect(fout.status).toBe(503);
    expect(foutcodes(fout)).toEqual(['DATABASE_UNAVAILABLE']);
    expect(fout.errors![0].message).toMatch(/database is tijdelijk niet bereikbaar/);
    expect(fout.data ?? null).toBeNull();
    // A write is refused just as clearly.
    const schrijven = await overHttp(url, manager, RapportageOpslaanDocument, {
      invoer: { module: 'WSP', jaar: 2026, kwartaal: 3, revisie: 1, waarden: [{ kpi: 'WERKGEVERSCONTACTEN', waarde: '1' }] },
    });
    expect(foutcodes(schrijven)).toEqual(['DATABASE_UNAVAILABLE']);
    expect(await gereed()).toBe(503);
    // The process itself is alive: an orchestrator should wait, not restart it.
    expect(await levend()).toBe(200);

    server = await startEmbeddedPostgres(serverOpties);

    expect(await gereed()).toBe(200);
    const weer = await vraag();
    expect(weer.errors).toBeUndefined();
    expect(weer.data).toEqual(goed.data);
    // The write refused during the outage changed nothing.
    const [{ revisie }] = await t.sql<{ revisie: number }>(`select revisie from kwartaalrapportage r join module m on m.id = r.module_id where m.code = 'WSP' and jaar = 2026 and kwartaal = 3`);
    expect(revisie).toBe(1);
  }, 60_000);

  it('een verzoek dat loopt als PostgreSQL stopt, krijgt DATABASE_UNAVAILABLE in plaats van te blijven hangen', async () => {
    // Another session holds a lock the request needs, so the request is still running when the server
    // stops. Shutting down also ends the blocking session, so on a busy machine the waiting statement can
    // get its lock and finish before its own session ends: then the request was not hit by the outage
    // and the experiment is repeated (at most five times); when it is hit, every error it gets must be
    // DATABASE_UNAVAILABLE, and it never hangs.
    let getroffen: Array<string | undefined> = [];
    for (let poging = 1; poging <= 5 && getroffen.length === 0; poging++) {
      const blokkeerder = new pg.Client({ connectionString: server.url });
      blokkeerder.on('error', () => undefined);
      await blokkeerder.connect();
      await blokkeerder.query('begin; lock table gemeente in access exclusive mode');
      const lopend = overHttp(url, token, AlleGemeentenDocument);
      let gestopt = false;
      try {
        await vi.waitFor(async () => {
          const { rows } = await new Promise<pg.QueryResult>((resolve, reject) =>
            blokkeerder.query(`select 1 from pg_locks where relation = 'gemeente'::regclass and not granted`, (e, r) => (e ? reject(e) : resolve(r))),
          );
          expect(rows).toHaveLength(1);
        });
        const begin = Date.now();
        gestopt = true;
        await server.stop();
        const antwoord = await lopend;
        expect(Date.now() - begin).toBeLessThan(10_000);
        expect(antwoord.status).toBe(200);
        getroffen = foutcodes(antwoord);
        if (getroffen.length === 0) expect(antwoord.data!.gemeenten).toHaveLength(11);
      } finally {
        await blokkeerder.end().catch(() => undefined);
        // Always back up, so a failure here cannot take the next test's database with it.
        if (gestopt) server = await startEmbeddedPostgres(serverOpties);
      }
    }
    // Hit by the outage (the list itself, or its nested fields when the list got through): only DATABASE_UNAVAILABLE.
    expect(getroffen.length).toBeGreaterThan(0);
    expect(new Set(getroffen)).toEqual(new Set(['DATABASE_UNAVAILABLE']));
    expect(await gereed()).toBe(200);
    expect((await overHttp(url, token, AlleGemeentenDocument)).data!.gemeenten).toHaveLength(11);
  }, 120_000);
});

describe('een statement dat te lang duurt', () => {
  it('wordt door PostgreSQL afgebroken en heet dan QUERY_TIMEOUT', async () => {
    const fout = await t.orm.em.transactional(async (em) => {
      await em.getConnection().execute('set local statement_timeout = 50', [], 'run', em.getTransactionContext());
      return em.getConnection().execute('select pg_sleep(2)', [], 'all', em.getTransactionContext()).catch((error: unknown) => error);
    });
    const { formatError } = await import('../src/core/error-format.js');
    expect(formatError({ message: 'x' }, fout, true)).toMatchObject({ extensions: { code: 'QUERY_TIMEOUT' }, message: expect.stringMatching(/te lang/) });
  });
});
