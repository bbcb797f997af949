import getPort from 'get-port';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { maakApiToken } from '../src/api-token/api-token.service.js';
import { Rol } from '../src/auth/identity.js';
import { openDatabase } from '../src/database.js';
import { embeddedUrl, scratchDataDir, startEmbeddedPostgres } from '../src/core/embedded-postgres.js';
import { genereerRegio } from '../src/demo/gegenereerde-regio.js';
import { AlleGemeentenDocument, RapportageOpslaanDocument, RapportageVersiesDocument } from './generated/graphql.js';
import { connect, createTestDatabase } from './helpers/database.js';
import { startHubProces, stopAchtergeblevenHubs, type RunningHub } from './helpers/hub-proces.js';
import { foutcodes, overHttp } from './helpers/over-http.js';
import { sql } from './helpers/sql.js';

const gestart: RunningHub[] = [];
const start = async (env: Record<string, string>) => {
  const hub = await startHubProces(env);
  gestart.push(hub);
  return hub;
};
afterEach(() => stopAchtergeblevenHubs(gestart), 30_000);

/** Whether a new TCP connection to the port is accepted. */
function accepteert(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

/** A session that holds a table lock, so that a request needing the table waits until we let go. */
async function houdVast(url: string, tabel: string, modus: string) {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  await client.query(`begin; lock table ${tabel} in ${modus} mode`);
  return {
    /** Waits until some other session queues for the lock. */
    wachtende: () =>
      vi.waitFor(
        async () => {
          const { rows } = await client.query(`select pid from pg_locks where relation = $1::regclass and not granted`, [tabel]);
          expect(rows).toHaveLength(1);
          return rows[0].pid as number;
        },
        { timeout: 20_000, interval: 20 },
      ),
    query: (sql: string, params: unknown[] = []) => client.query(sql, params),
    laatLos: async () => {
      await client.query('rollback');
      await client.end();
    },
  };
}

/** A hub process on a fresh copy of the demo region (DATABASE_URL), with a controller token. */
async function hubOpDemoDatabase(env: Record<string, string>) {
  const url = await createTestDatabase();
  const orm = await connect({ url });
  const { geheim: token } = await maakApiToken(orm.em.fork(), { naam: 'controller', rol: Rol.CONTROLLER }, 'test');
  await orm.close(true);
  const port = await getPort();
  const hub = await start({ DATABASE_URL: url, PORT: String(port), HOST: '127.0.0.1', ...env });
  return { url, token, port, hub };
}

describe('SIGTERM: netjes stoppen', () => {
  it('neemt geen nieuwe verbindingen meer aan, maakt lopende verzoeken af, sluit de pool en stopt met code 0', async () => {
    const { url, token, port, hub } = await hubOpDemoDatabase({});
    const graphqlUrl = `http://127.0.0.1:${port}/graphql`;

    const slot = await houdVast(url, 'gemeente', 'access exclusive');
    const lopend = overHttp(graphqlUrl, token, AlleGemeentenDocument);
    await slot.wachtende();

    hub.process.kill('SIGTERM');
    await vi.waitFor(async () => expect(await accepteert(port)).toBe(false), { timeout: 5_000, interval: 50 });
    expect(hub.process.exitCode).toBeNull();

    await slot.laatLos();
    const antwoord = await lopend;
    expect(antwoord.status).toBe(200);
    expect(antwoord.errors).toBeUndefined();
    expect(antwoord.data!.gemeenten).toHaveLength(11);
    expect(await hub.exited).toBe(0);
    expect(hub.output()).toMatch(/databaseverbindingen gesloten[\s\S]*Regiohub gestopt/);
    // No connection of the hub is left on the server (a backend takes a moment to notice a closed socket).
    const controle = new pg.Client({ connectionString: url });
    await controle.connect();
    await vi.waitFor(async () => {
      const { rows } = await controle.query('select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()');
      expect(rows[0].n).toBe(0);
    });
    await controle.end();
  }, 120_000);

  it('wacht niet eindeloos: een verzoek dat langer loopt dan SHUTDOWN_TIMEOUT_MS wordt afgebroken en het proces stopt toch', async () => {
    const { url, token, port, hub } = await hubOpDemoDatabase({ SHUTDOWN_TIMEOUT_MS: '1000' });

    const slot = await houdVast(url, 'gemeente', 'access exclusive');
    const lopend = overHttp(`http://127.0.0.1:${port}/graphql`, token, AlleGemeentenDocument).catch((error: Error) => error);
    await slot.wachtende();
    const begin = Date.now();
    hub.process.kill('SIGTERM');
    const code = await hub.exited;
    const duur = Date.now() - begin;
    await slot.laatLos();
    expect(duur).toBeLessThan(8_000);
    expect(code).toBe(0);
    expect(await lopend).toBeInstanceOf(Error);
  }, 120_000);
});

describe('kill -9 midden in een grote schrijfactie', () => {
  it('na de herstart staat de hele rapportage erin of niets ervan', async () => {
    // A national-width module: 342 gemeenten and 40 KPIs, so one quarter's report holds 20 × 342 + 20 = 6,860 values.
    const dataDir = path.dirname(scratchDataDir('regiohub-crash-'));
    const pgPort = await getPort();
    const voorbereiding = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'pg'), port: pgPort, database: 'regiohub' });
    const orm = await openDatabase({ url: voorbereiding.url });
    await genereerRegio(orm.em.fork(), { gemeenten: 342, modules: 1, van: 2026, tot: 2026, kpisPerModule: 40 });
    const { geheim: manager } = await maakApiToken(orm.em.fork(), { naam: 'manager', rol: Rol.MODULEMANAGER, modules: ['GEN-001'] }, 'test');
    const { geheim: controller } = await maakApiToken(orm.em.fork(), { naam: 'controller', rol: Rol.CONTROLLER }, 'test');
    const gemeenten = (await sql<{ cbs_code: string }>(orm, 'select cbs_code from gemeente order by cbs_code')).map((g) => g.cbs_code);
    await orm.close(true);
    await voorbereiding.stop();

    const port = await getPort();
    const env = { REGIOHUB_DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort), PORT: String(port), HOST: '127.0.0.1', DEMO_DATA: 'nee' };
    const graphqlUrl = `http://127.0.0.1:${port}/graphql`;
    const sleutel = { module: 'GEN-001', jaar: 2027, kwartaal: 1 };
    const waarden = Array.from({ length: 40 }, (_, k) => `KPI_${String(k + 1).padStart(2, '0')}`).flatMap((kpi, k) =>
      k % 2 === 1 ? gemeenten.map((gemeente, g) => ({ kpi, gemeente, waarde: String((g * 7 + k) % 900) })) : [{ kpi, waarde: String(k) }],
    );
    expect(waarden).toHaveLength(6_860);
    const opgeslagenWaarden = async () => {
      const client = new pg.Client({ connectionString: embeddedUrl(pgPort, 'regiohub') });
      await client.connect();
      const { rows } = await client.query(
        `select count(w.*)::int as n from kwartaalrapportage r join module m on m.id = r.module_id left join kpi_waarde w on w.rapportage_id = r.id
         where m.code = $1 and r.jaar = $2 and r.kwartaal = $3 group by r.id`,
        [sleutel.module, sleutel.jaar, sleutel.kwartaal],
      );
      await client.end();
      return rows.map((r) => r.n as number);
    };

    // 1. Killed while the transaction has written its values but not committed: afterwards none of it is there.
    const eerste = await start(env);
    const slot = await houdVast(embeddedUrl(pgPort, 'regiohub'), 'audit_log', 'exclusive');
    void overHttp(graphqlUrl, manager, RapportageOpslaanDocument, { invoer: { ...sleutel, waarden } }).catch(() => undefined);
    const schrijver = await slot.wachtende();
    const { rows: sloten } = await slot.query(`select relation::regclass::text as tabel, mode from pg_locks where pid = $1 and relation is not null`, [schrijver]);
    expect(sloten).toContainEqual({ tabel: 'kpi_waarde', mode: 'RowExclusiveLock' });
    expect(sloten).toContainEqual({ tabel: 'kwartaalrapportage', mode: 'RowExclusiveLock' });
    eerste.process.kill('SIGKILL');
    await eerste.exited;
    await slot.laatLos();

    const tweede = await start(env);
    expect(tweede.output()).toContain('achtergebleven PostgreSQL');
    expect(await opgeslagenWaarden()).toEqual([]);
    const leeg = await overHttp(graphqlUrl, controller, RapportageVersiesDocument, sleutel);
    expect(leeg.data!.kwartaalrapportages.nodes).toEqual([]);

    // 2. Killed right after the answer: the committed write is there in full.
    const antwoord = await overHttp(graphqlUrl, manager, RapportageOpslaanDocument, { invoer: { ...sleutel, waarden } });
    expect(foutcodes(antwoord)).toEqual([]);
    tweede.process.kill('SIGKILL');
    await tweede.exited;
    const derde = await start(env);
    expect(await opgeslagenWaarden()).toEqual([6_860]);
    derde.process.kill('SIGTERM');
    expect(await derde.exited).toBe(0);
  }, 240_000);
});
