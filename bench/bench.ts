// `npm run bench`: the hub against hand-written SQL (baseline) and PostGraphile v4, on loopback, at
// two sizes, with autocannon; writes BENCHMARKS.md. Each server runs in its own process with a pool
// of 10 connections to the same embedded PostgreSQL.
import 'reflect-metadata';
import autocannon from 'autocannon';
import { execSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import getPort from 'get-port';
import pg from 'pg';
import { maakApiToken } from '../src/api-token/api-token.service.js';
import { Rol } from '../src/auth/identity.js';
import { openDatabase } from '../src/database.js';
import { scratchDataDir, startEmbeddedPostgres } from '../src/core/embedded-postgres.js';
import { genereerRegio } from '../src/demo/gegenereerde-regio.js';
import { laadDemoRegio } from '../src/demo/demo-regio.js';
import { postgraphileFuncties } from './bench-sql.js';
import { isHub, jarenOpnieuw, scenarios, type Doel, type Omvang, type Scenario } from './scenarios.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const DUUR = Number(process.env.BENCH_DUUR ?? 5);
const OPWARMEN = 2;
const HERHALINGEN = 3;
const VERBINDINGEN = 10;

interface Meting {
  omvang: string;
  scenario: string;
  server: Doel;
  rps: number[];
  p50: number[];
  p99: number[];
  fouten: number;
  statements: number | null;
  /** CPU time of the server's process per request, in ms (user + system; PostgreSQL's own CPU not included). */
  cpu: number[];
  /** Whether this server's answer has the hub's figures (checked before measuring); null: not compared. */
  gelijk: boolean | null;
}

// The hub as production runs it (package.json "start" runs the same file).
const HUB = 'dist/server/src/index.js';

/**
 * Starts a server in its own process. TypeScript runs through tsx; the hub runs as production runs it:
 * the compiled build with plain node (`npm run bench` builds first).
 */
function start(script: string, env: Record<string, string>, klaar: string, nodeFlags: string[] = []): Promise<ChildProcess> {
  const loader = script.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const child = spawn(process.execPath, [...nodeFlags, ...loader, script], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let uitvoer = '';
    const kijk = (d: Buffer) => {
      uitvoer += d;
      if (uitvoer.includes(klaar)) resolve(child);
    };
    child.stdout!.on('data', kijk);
    child.stderr!.on('data', kijk);
    child.on('exit', (code) => reject(new Error(`${script} stopte (${code}):\n${uitvoer}`)));
  });
}

async function laad(url: string, omvang: Omvang): Promise<void> {
  const orm = await openDatabase({ url, statementTimeoutMs: 0 });
  const begin = Date.now();
  if (omvang.naam === 'regio') await laadDemoRegio(orm.em.fork());
  else await genereerRegio(orm.em.fork(), { gemeenten: 342, modules: 40, van: 2017, tot: 2026, kpisPerModule: 20 });
  console.log(`${omvang.naam}: gegevens geladen in ${((Date.now() - begin) / 1000).toFixed(1)} s`);
  await orm.close(true);
}

/**
 * Waits until no other session of the database is running a statement. A load run ends when
 * autocannon stops, but statements of requests still in flight go on in PostgreSQL (nationally a
 * controller page takes seconds); they would be counted with the next request, or compete with the
 * next measurement.
 */
async function wachtTotStil(admin: pg.Client): Promise<void> {
  for (let poging = 0; poging < 600; poging++) {
    const { rows } = await admin.query(
      `select count(*)::int as n from pg_stat_activity where datname = current_database() and state = 'active' and pid <> pg_backend_pid()`,
    );
    if (rows[0].n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  console.warn('LET OP: de database werd niet stil binnen 60 s; de volgende meting kan statements van de vorige meetellen');
}

/** Statements PostgreSQL executed for one request (pg_stat_statements, reset just before). */
async function telStatements(admin: pg.Client, doe: () => Promise<unknown>): Promise<number> {
  await wachtTotStil(admin);
  await admin.query('select pg_stat_statements_reset()');
  await doe();
  const { rows } = await admin.query(
    `select coalesce(sum(calls), 0)::int as n from pg_stat_statements
     where query not ilike '%pg_stat_statements%' and dbid = (select oid from pg_database where datname = current_database())`,
  );
  if (process.env.BENCH_DEBUG) {
    const { rows: lijst } = await admin.query(
      `select calls, left(regexp_replace(query, '\\s+', ' ', 'g'), 160) as query from pg_stat_statements
       where query not ilike '%pg_stat_statements%' and dbid = (select oid from pg_database where datname = current_database())`,
    );
    for (const r of lijst) console.log(`  ${r.calls}× ${r.query}`);
  }
  return rows[0].n;
}

const KLOKTIKKEN_PER_SECONDE = Number(execSync('getconf CLK_TCK').toString().trim()) || 100;

/** CPU time (user + system) a process has used so far, in ms, from /proc (Linux). */
function cpuMs(pid: number): number {
  const velden = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  // After "pid (comm) ": state is field 3, utime field 14 and stime field 15 of the whole line.
  return ((Number(velden[11]) + Number(velden[12])) * 1000) / KLOKTIKKEN_PER_SECONDE;
}

async function meet(scenario: Scenario, doel: Doel, basis: string, duur: number, admin: pg.Client) {
  const verzoek = scenario.verzoek(doel);
  if (!verzoek) return null;
  if (scenario.opruimen) {
    await admin.query(scenario.opruimen);
    jarenOpnieuw();
  }
  const result = await autocannon({
    url: basis + verzoek.pad,
    connections: VERBINDINGEN,
    duration: duur,
    requests: [verzoek.autocannon()],
  });
  return result;
}

/**
 * Like for like: before measuring, every server answers the scenario once and its figures (the
 * scenario's `uitkomst`) are compared with the hub's. Per server: true (the same figures), false (they
 * differ, or the answer failed; said loudly), absent for the hub itself and for scenarios without a check.
 */
async function vergelijk(scenario: Scenario, doelen: Doel[], basis: (doel: Doel) => string): Promise<Map<Doel, boolean>> {
  const gelijk = new Map<Doel, boolean>();
  if (!scenario.uitkomst) return gelijk;
  const uitkomsten = new Map<Doel, string>();
  for (const doel of doelen) {
    const verzoek = scenario.verzoek(doel);
    if (!verzoek) continue;
    const antwoord = String(await verzoek.enkel(basis(doel)));
    try {
      const status = Number(antwoord.slice(0, 3));
      if (status !== 200) throw new Error(`HTTP ${antwoord.slice(0, 300)}`);
      uitkomsten.set(doel, JSON.stringify(scenario.uitkomst(doel, JSON.parse(antwoord.slice(4)))));
    } catch (error) {
      console.error(`LET OP: ${doel} / ${scenario.naam}: antwoord niet te vergelijken: ${(error as Error).message}`);
      uitkomsten.set(doel, '');
    }
  }
  const hub = uitkomsten.get('hub');
  for (const [doel, uitkomst] of uitkomsten) {
    if (doel === 'hub') continue;
    gelijk.set(doel, Boolean(hub) && uitkomst === hub);
    if (!gelijk.get(doel)) {
      const verschil = eersteVerschil(hub ?? '', uitkomst);
      console.error(`LET OP: ${doel} / ${scenario.naam} rekent iets anders uit dan de hub; eerste verschil:\n  hub: ${verschil[0]}\n  ${doel}: ${verschil[1]}`);
    }
  }
  if (process.env.BENCH_DEBUG) console.log(`hub / ${scenario.naam}: ${(hub ?? '').slice(0, 1500)}`);
  const n = hub ? JSON.parse(hub) : null;
  // How much the check covered: rows, and per field how many are filled in (a check on empty figures proves little).
  const gevuld = (rijen: Record<string, unknown>[]) =>
    Object.keys(rijen[0] ?? {}).map((veld) => `${veld} ${rijen.filter((r) => r[veld] !== null && r[veld] !== undefined).length}`).join(', ');
  const omvang = Array.isArray(n)
    ? `${n.length} regels; gevuld: ${gevuld(n)}`
    : n && Array.isArray(n.nodes)
      ? `${n.nodes.length} regels, totalCount ${n.totalCount}; gevuld: ${gevuld(n.nodes)}`
      : '';
  console.log(`${scenario.naam}: ${[...gelijk].map(([doel, ja]) => `${doel} ${ja ? 'gelijk aan' : 'ANDERS DAN'} de hub`).join(', ')} (${omvang})`);
  return gelijk;
}

/** Where two JSON texts first differ, with some context. */
function eersteVerschil(a: string, b: string): [string, string] {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const van = Math.max(0, i - 120);
  return [a.slice(van, i + 120), b.slice(van, i + 120)];
}

/** Scenarios whose servers did not agree (the bench then exits with 1). */
const verschillen: string[] = [];

async function main(): Promise<void> {
  const metingen: Meting[] = [];
  let pgVersie = '';
  const omvangen: string[] = [];
  for (const omvang of [{ naam: 'regio' }, { naam: 'nationaal' }] as Omvang[]) {
    if (process.env.BENCH_OMVANG && process.env.BENCH_OMVANG !== omvang.naam) continue;
    const dataDir = scratchDataDir('regiohub-bench-');
    const db = await startEmbeddedPostgres({
      dataDir,
      port: await getPort(),
      database: 'regiohub',
      persistent: false,
      postgresFlags: ['-c', 'shared_preload_libraries=pg_stat_statements', '-c', 'pg_stat_statements.track_utility=on'],
    });
    const kinderen: ChildProcess[] = [];
    const proces = new Map<Doel, ChildProcess>();
    try {
      await laad(db.url, omvang);
      const admin = new pg.Client({ connectionString: db.url });
      admin.on('error', () => undefined); // the server stops at the end of each size
      await admin.connect();
      pgVersie = (await admin.query('show server_version')).rows[0].server_version;
      const { rows: [n] } = await admin.query(
        `select (select count(*) from gemeente) as gemeenten, (select count(*) from module) as modules, (select count(*) from bijdrage) as bijdragen,
                (select count(*) from kwartaalrapportage) as rapportages, (select count(*) from kpi_waarde) as kpi_waarden`,
      );
      const getal = (x: string) => Number(x).toLocaleString('nl-NL');
      omvangen.push(`**${omvang.naam}**: ${getal(n.gemeenten)} gemeenten, ${getal(n.modules)} modules, ${getal(n.bijdragen)} bijdragen, ${getal(n.rapportages)} kwartaalrapportages, ${getal(n.kpi_waarden)} KPI-waarden.`);
      await admin.query('create extension if not exists pg_stat_statements');
      for (const sql of postgraphileFuncties()) await admin.query(sql);
      const orm = await openDatabase({ url: db.url });
      const controller = (await maakApiToken(orm.em.fork(), { naam: 'bench', rol: Rol.CONTROLLER }, 'bench')).geheim;
      const manager = (await maakApiToken(orm.em.fork(), { naam: 'bench manager', rol: Rol.MODULEMANAGER, modules: [omvang.naam === 'regio' ? 'WSP' : 'GEN-001'] }, 'bench')).geheim;
      await orm.close(true);
      const poorten: Record<Doel, number> = { hub: await getPort(), 'hub-zonder-cache': await getPort(), baseline: await getPort(), postgraphile: await getPort() };
      const env = { DATABASE_URL: db.url, LOG_LEVEL: 'error', NODE_ENV: 'production', DEMO_DATA: 'false', RATE_LIMIT_PER_MINUUT: '1000000', GRAPHIQL: 'uit' };
      // BENCH_PROFIEL=map: the hub writes a V8 CPU profile there when it stops (open in Chrome DevTools).
      // The hub without cost cache writes its profile into the subfolder zonder-cache.
      const profiel = (map: string) => (process.env.BENCH_PROFIEL ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_PROFIEL, map)}`] : []);
      proces.set('hub', await start(HUB, { ...env, PORT: String(poorten.hub) }, 'Regiohub draait', profiel('.')));
      proces.set('hub-zonder-cache', await start(HUB, { ...env, PORT: String(poorten['hub-zonder-cache']), KOSTEN_CACHE: 'uit' }, 'Regiohub draait', profiel('zonder-cache')));
      proces.set('baseline', await start('bench/baseline-server.ts', { ...env, PORT: String(poorten.baseline) }, 'baseline klaar'));
      proces.set('postgraphile', await start('bench/postgraphile/server.mjs', { ...env, PORT: String(poorten.postgraphile) }, 'postgraphile klaar'));
      kinderen.push(...proces.values());
      const basis = (doel: Doel) => `http://127.0.0.1:${poorten[doel]}`;
      // PostGraphile listens before it has introspected the database; its first query waits for that. Ask
      // it now, so that its introspection is not counted among another server's statements.
      await fetch(`${basis('postgraphile')}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });

      // BENCH_SCENARIO=tekst: only the scenarios whose name contains it (for profiling one question).
      const gekozen = scenarios(omvang, { controller, manager }).filter((s) => !process.env.BENCH_SCENARIO || s.naam.includes(process.env.BENCH_SCENARIO));
      for (const scenario of gekozen) {
        const doelen: Doel[] = ['hub', 'hub-zonder-cache', 'baseline', 'postgraphile'];
        const perDoel = new Map<Doel, Meting>();
        const gelijk = await vergelijk(scenario, doelen, basis);
        if ([...gelijk.values()].includes(false)) verschillen.push(`${omvang.naam} / ${scenario.naam}`);
        // BENCH_VERGELIJK=alleen: only the like-for-like check, no measurement.
        if (process.env.BENCH_VERGELIJK === 'alleen') continue;
        for (const doel of doelen) {
          const verzoek = scenario.verzoek(doel);
          if (scenario.opruimen) {
            await admin.query(scenario.opruimen);
            jarenOpnieuw();
          }
          if (!verzoek && doel === 'hub-zonder-cache') continue;
          // Counted on the second request: the steady state (a warm cache, an existing draft).
          if (verzoek) await verzoek.enkel(basis(doel));
          const statements = verzoek
            ? await telStatements(admin, async () => {
                const antwoord = await verzoek.enkel(basis(doel));
                if (process.env.BENCH_DEBUG) console.log(doel, scenario.naam, String(antwoord).slice(0, 400));
                // A request that fails measures the error path, not the scenario: say so loudly.
                if (/"errors"\s*:/.test(String(antwoord))) console.warn(`LET OP: ${doel} / ${scenario.naam} antwoordt met een fout: ${String(antwoord).slice(0, 300)}`);
              })
            : null;
          perDoel.set(doel, { omvang: omvang.naam, scenario: scenario.naam, server: doel, rps: [], p50: [], p99: [], fouten: 0, statements, cpu: [], gelijk: gelijk.get(doel) ?? null });
        }
        for (let herhaling = 0; herhaling < HERHALINGEN; herhaling++) {
          // Alternate the order so that no server always runs first (or last) on a warm cache.
          const volgorde = doelen.map((_, i) => doelen[(i + herhaling) % doelen.length]);
          for (const doel of volgorde) {
            if (!scenario.verzoek(doel)) continue;
            await wachtTotStil(admin);
            await meet(scenario, doel, basis(doel), OPWARMEN, admin);
            const pid = proces.get(doel)!.pid!;
            const cpuVoor = cpuMs(pid);
            const r = (await meet(scenario, doel, basis(doel), DUUR, admin))!;
            const cpuNa = cpuMs(pid);
            const m = perDoel.get(doel)!;
            if (r.requests.total > 0) m.cpu.push((cpuNa - cpuVoor) / r.requests.total);
            m.rps.push(r.requests.average);
            m.p50.push(r.latency.p50);
            m.p99.push(r.latency.p99);
            m.fouten += r.non2xx + r.errors + scenario.fouten(doel);
          }
        }
        metingen.push(...perDoel.values());
        console.log(
          `${omvang.naam} / ${scenario.naam}: ${[...perDoel.values()].map((m) => `${m.server} ${mediaan(m.rps).toFixed(0)} req/s, ${mediaan(m.cpu).toFixed(2)} ms CPU/verzoek, ${m.statements ?? 'n.v.t.'} statements${m.server === 'hub' ? '' : `, gelijk met de hub: ${gelijkTekst(m)}`}`).join('; ')}`,
        );
      }
      await admin.end();
    } catch (error) {
      console.error(error);
      throw error;
    } finally {
      for (const kind of kinderen) kind.kill('SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await db.stop();
      rmSync(path.dirname(dataDir), { recursive: true, force: true });
    }
  }
  if (process.env.BENCH_SCENARIO || process.env.BENCH_OMVANG || process.env.BENCH_VERGELIJK) {
    console.log('BENCHMARKS.md niet geschreven: alleen een deel gemeten (BENCH_SCENARIO, BENCH_OMVANG of BENCH_VERGELIJK gezet)');
  } else {
    writeFileSync(path.join(root, 'BENCHMARKS.md'), rapport(metingen, pgVersie, omvangen));
    console.log('BENCHMARKS.md geschreven');
  }
  if (verschillen.length) {
    console.error(`LET OP: niet dezelfde uitkomst als de hub bij: ${verschillen.join('; ')}. De verhoudingen vergelijken daar ongelijke dingen.`);
    process.exitCode = 1;
  }
}

const gelijkTekst = (m: Meting) => (m.server === 'hub' ? '' : m.gelijk === null ? 'n.v.t.' : m.gelijk ? 'ja' : '**NEE**');

const mediaan = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] : NaN);

function rapport(metingen: Meting[], pgVersie: string, omvangen: string[]): string {
  const regels = [
    '# Benchmarks',
    '',
    `Geschreven door \`npm run bench\` op ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
    `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'onbekend'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}; PostgreSQL ${pgVersie} (ingebouwd).`,
    `Opzet: elke server in een eigen proces met een pool van 10 verbindingen naar dezelfde database; autocannon met ${VERBINDINGEN} verbindingen,`,
    `${OPWARMEN} s opwarmen en ${DUUR} s meten, ${HERHALINGEN} herhalingen in wisselende volgorde; getallen zijn medianen. SQL-statements per verzoek`,
    'geteld met pg_stat_statements bij het tweede van twee losse verzoeken (warme cache, bestaand concept), inclusief BEGIN/COMMIT en,',
    'bij de hub, de rate limiter: zoals in productie RATE_LIMIT_OPSLAG=postgres (standaard met DATABASE_URL), één upsert in',
    'rate_limit per verzoek; een bekend token staat in het geheugen. `hub` draait zoals geleverd, met de cache van het kostenoverzicht (ongeldig na elke',
    'schrijfactie, zie README); `hub-zonder-cache` is dezelfde hub met KOSTEN_CACHE=uit en meet alleen het kostenoverzicht.',
    'De hub draait als in productie: de gecompileerde build met node. CPU ms/verzoek: user- plus systeemtijd van het serverproces',
    '(uit /proc) tijdens een meting, gedeeld door het aantal verzoeken; de CPU van PostgreSQL zelf telt niet mee. Verhoudingen:',
    'req/s van de hub gedeeld door die van de ander, en CPU per verzoek van de hub gedeeld door die van de ander.',
    'Gelijk met de hub: vóór het meten beantwoordt elke server het leesscenario één keer en vergelijkt de bench de cijfers',
    '(KPI-reeks: kwartalen, waarden, normen en gehaald; controller: de 100 bedragen in volgorde met gemeente, module en',
    'totalCount; dashboard: elke cel en elk totaal met inwoners en per inwoner) met die van de hub: "ja" is dan een vergelijking',
    'van gelijke dingen. Baseline en PostGraphile rekenen daarvoor met dezelfde regels als de hub (bench/bench-sql.ts: actuele',
    'versies, kies_kpi_norm, kpi_waarde_beoordeling, zichtbaarheid van een controller). Het opslaan draait niet op PostGraphile;',
    'de baseline doet daar dezelfde controles, dezelfde schrijfacties en dezelfde auditregel als de hub (niet vergeleken).',
    '',
    '| omvang | scenario | server | req/s | CPU ms/verzoek | p50 ms | p99 ms | statements/verzoek | fouten | gelijk met de hub | req/s hub/baseline | CPU hub/baseline | req/s hub/PostGraphile | CPU hub/PostGraphile |',
    '|---|---|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|',
  ];
  for (const m of metingen) {
    const ander = (server: Doel) => metingen.find((x) => x.omvang === m.omvang && x.scenario === m.scenario && x.server === server);
    const ratio = (server: Doel, van: (x: Meting) => number[]) => {
      const x = ander(server);
      return isHub(m.server) && van(m).length && x && van(x).length ? (mediaan(van(m)) / mediaan(van(x))).toFixed(2) : '';
    };
    const waarde = (xs: number[], d = 0) => (xs.length ? mediaan(xs).toFixed(d) : 'n.v.t.');
    const rps = (x: Meting) => x.rps;
    const cpu = (x: Meting) => x.cpu;
    regels.push(
      `| ${m.omvang} | ${m.scenario} | ${m.server} | ${waarde(m.rps)} | ${waarde(m.cpu, 2)} | ${waarde(m.p50, 1)} | ${waarde(m.p99, 1)} | ${m.statements ?? 'n.v.t.'} | ${m.fouten} | ${gelijkTekst(m)} | ` +
        `${ratio('baseline', rps)} | ${ratio('baseline', cpu)} | ${ratio('postgraphile', rps)} | ${ratio('postgraphile', cpu)} |`,
    );
  }
  regels.push('', ...omvangen.flatMap((o) => [o, '']), 'Zie `bench/scenarios.ts` voor de verzoeken per server.', '');
  // The profile-driven changes and their before/after figures are kept by hand next to this script.
  regels.push(readFileSync(path.join(root, 'bench/verloop.md'), 'utf8'));
  return regels.join('\n');
}

await main();
