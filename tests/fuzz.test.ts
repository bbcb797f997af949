import http from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { maakApiToken, trekApiTokenIn } from '../src/api-token/api-token.service.js';
import { Rol } from '../src/auth/identity.js';
import { hubSchema } from '../src/schema.js';
import { stuurRuw, vormFout, type RuwAntwoord } from './helpers/fuzz-http.js';
import {
  autorisaties,
  CATEGORIEEN,
  maakVerzoeken,
  SCHRIJFT_MET_GEGENEREERDE_WAARDEN,
  type Autorisatie,
  type Categorie,
  type Verzoek,
  type Wie,
} from './helpers/fuzz-verzoeken.js';
import { startIdentiteitsaanbieder, type TestIdentiteitsaanbieder } from './helpers/oidc.js';
import { heeftVerplichteTekst, schemaVelden } from './helpers/schema-operaties.js';
import { kiesSeed } from './helpers/seed.js';
import { startTestHub, type TestHub } from './helpers/test-hub.js';
import { vingerafdruk } from './helpers/vingerafdruk.js';

/*
 * Hostile and malformed HTTP requests against a listening hub: the server answers every one of them
 * with a well-formed response below 500, stays up, and changes nothing in the database. The requests
 * are made in helpers/fuzz-verzoeken.ts from one seed.
 *
 * The seed: FUZZ_SEED from the environment, else a fixed one when CI is set (.ci/run sets FUZZ_SEED),
 * else a random one. Every failure names it; replay a run with
 *   FUZZ_SEED=<seed> npx vitest run tests/fuzz.test.ts
 * which sends the same requests (numbered as in the failure report) in the same order.
 */
const SEED = kiesSeed('FUZZ_SEED', 20261123);
const GELIJKTIJDIG = 8;
const TIMEOUT_PER_VERZOEK_MS = 20_000;

/**
 * api_token.laatst_gebruikt_op records the last use of a token (at most once a minute, see
 * identiteitVanApiToken): every authenticated read may update it, so it is left out of the
 * fingerprint. Nothing else may change.
 */
const VERANDERT_BIJ_LEZEN = { api_token: ['laatst_gebruikt_op'] };

let t: TestHub;
let url: URL;
let idp: TestIdentiteitsaanbieder;
const tokens = {} as Record<Exclude<Wie, 'anoniem'>, string>;
/** Authorization header values with whether they identify someone. */
let bekendeAutorisaties: Autorisatie[];
/** The database before the run (see vingerafdruk). */
let vooraf: Record<string, string>;

beforeAll(async () => {
  // A real JWKS endpoint on loopback, so that expired and forged OpenID Connect tokens are checked for real.
  idp = await startIdentiteitsaanbieder({ kid: 'fuzz-1', subject: 'fuzz-42' });
  t = await startTestHub({ requestsPerMinuut: 1_000_000, oidc: idp.config('roles') });
  url = new URL(await t.listen());

  const maak = async (naam: string, rol: Rol, scope: { gemeente?: string; modules?: string[] } = {}) =>
    (await maakApiToken(t.orm.em.fork(), { naam, rol, ...scope }, 'fuzz')).geheim;
  tokens.beheerder = await maak('fuzz beheerder', Rol.BEHEERDER);
  tokens.controller = await maak('fuzz controller', Rol.CONTROLLER);
  tokens.modulemanager = await maak('fuzz modulemanager', Rol.MODULEMANAGER, { modules: ['WSP'] });
  tokens.gemeente = await maak('fuzz gemeente', Rol.GEMEENTE, { gemeente: 'GM0202' });
  tokens.dashboard = await maak('fuzz dashboard', Rol.DASHBOARD);
  const ingetrokken = await maakApiToken(t.orm.em.fork(), { naam: 'fuzz ingetrokken', rol: Rol.CONTROLLER }, 'fuzz');
  await trekApiTokenIn(t.orm.em.fork(), ingetrokken.token.id, 'fuzz');
  bekendeAutorisaties = await autorisaties(tokens.controller, ingetrokken.geheim, idp);
  // Tokens exist and one is revoked: from here on the database must stay as it is.
  vooraf = await vingerafdruk(t.orm.em.fork(), VERANDERT_BIJ_LEZEN);
  expect(Object.keys(vooraf)).toEqual(expect.arrayContaining(['api_token', 'audit_log', 'bijdrage', 'gemeente', 'kpi_waarde', 'kwartaalrapportage']));
});

afterAll(async () => {
  await t?.close();
  idp?.close();
});

/** The request's headers with the token of whoever sends it. */
const headersVan = (v: Verzoek): Verzoek['headers'] =>
  v.wie && v.wie !== 'anoniem' ? { authorization: `Bearer ${tokens[v.wie]}`, ...v.headers } : v.headers;

interface Uitkomst {
  nummer: number;
  verzoek: Verzoek;
  antwoord?: RuwAntwoord;
  fout?: string;
}

function beschrijf(v: Verzoek, bodyTekst: string | null): string {
  const headers = Object.fromEntries(
    Object.entries(v.headers).map(([k, w]) => [k, k === 'authorization' ? String(w).replace(/rh_[\w-]{10,}/g, 'rh_…').slice(0, 80) : String(w).slice(0, 120)]),
  );
  const body = bodyTekst === null ? '' : ` body(${Buffer.byteLength(bodyTekst)} B)=${JSON.stringify(bodyTekst.slice(0, 300))}`;
  const wie = v.wie ? ` als ${v.wie}` : '';
  return `${v.methode}${wie} ${v.pad.slice(0, 200)}${v.pad.length > 200 ? '…' : ''} headers=${JSON.stringify(headers)}${body}`;
}

/** What is wrong with the answer to a request, if anything. */
function beoordeel(v: Verzoek, a: RuwAntwoord): string[] {
  const problemen: string[] = [];
  if (a.status >= 500) problemen.push(`status ${a.status}`);
  const type = String(a.headers['content-type'] ?? '');
  const isJson = /json/i.test(type);
  let body: unknown;
  if (isJson && a.body.length) {
    try {
      body = JSON.parse(a.body.toString('utf8'));
    } catch {
      problemen.push(`content-type ${type} maar geen JSON: ${JSON.stringify(a.body.toString('utf8').slice(0, 200))}`);
    }
  }
  if (a.status === 200) {
    if (!isJson) problemen.push(`200 zonder JSON (content-type ${type || 'geen'})`);
    else if (body !== undefined) {
      const vorm = vormFout(body);
      if (vorm) problemen.push(`200 met misvormd antwoord: ${vorm}`);
    }
    if (!v.aangemeld) problemen.push('200 zonder geldige aanmelding');
  } else if (a.status >= 400 && body && typeof body === 'object' && 'errors' in body) {
    const vorm = vormFout(body, { errorsVerplicht: true });
    if (vorm) problemen.push(`${a.status} met misvormd antwoord: ${vorm}`);
  }
  if (v.teGroot && a.status !== 413) problemen.push(`verwacht 413 voor een body boven 1 MB, kreeg ${a.status}`);
  if (!v.teGroot && a.status === 413 && v.categorie === 'groteStrings') problemen.push('413 voor een body binnen 1 MB');
  const errors = (body as { errors?: Array<{ message?: string; extensions?: { code?: string } }> } | undefined)?.errors;
  for (const fout of Array.isArray(errors) ? errors : []) {
    if (fout?.extensions?.code !== 'INTERNAL_SERVER_ERROR') continue;
    // A driver error reads "<sql> - <reason>"; the reason says what kind of failure it is.
    const bericht = String(fout.message).replace(/\s+/g, ' ').trim();
    const reden = /^(select|with|insert|update|delete)\b/i.test(bericht) ? `databasefout: ${bericht.slice(bericht.lastIndexOf(' - ') + 3)}` : bericht;
    problemen.push(`onverwachte fout (INTERNAL_SERVER_ERROR): ${reden.slice(0, 200)}`);
  }
  return problemen;
}

describe('fuzzen over HTTP', () => {
  it(
    'overleeft duizenden vijandige en misvormde verzoeken: nooit 5xx, altijd een net antwoord, de database onveranderd',
    async () => {
      // Whatever fails below, the seed that replays it is in the output.
      onTestFailed(() => console.error(`fuzz mislukt; herhaal met FUZZ_SEED=${SEED} npx vitest run tests/fuzz.test.ts`));
      const schema = await hubSchema();
      const velden = schemaVelden(schema);
      expect(velden.length).toBeGreaterThan(30);

      // A mutation that needs no string at all can succeed on generated values; it must be in the guard list.
      const zonderTekst = velden.filter((v) => v.soort === 'mutation' && !heeftVerplichteTekst(v)).map((v) => v.naam);
      expect(Object.keys(SCHRIJFT_MET_GEGENEREERDE_WAARDEN)).toEqual(expect.arrayContaining(zonderTekst));

      const { verzoeken, nietGedekt } = maakVerzoeken(SEED, velden, bekendeAutorisaties);
      expect(nietGedekt, 'string-argumenten zonder injectie').toEqual([]);

      const agent = new http.Agent({ keepAlive: true, maxSockets: GELIJKTIJDIG });
      const uitkomsten: Uitkomst[] = [];
      let volgende = 0;
      const start = performance.now();
      const werker = async () => {
        while (volgende < verzoeken.length) {
          const nummer = volgende++;
          const verzoek = verzoeken[nummer];
          const body = typeof verzoek.body === 'function' ? verzoek.body() : verzoek.body;
          try {
            const antwoord = await stuurRuw(url, agent, { ...verzoek, headers: headersVan(verzoek), body }, TIMEOUT_PER_VERZOEK_MS);
            uitkomsten.push({ nummer, verzoek, antwoord });
          } catch (error) {
            uitkomsten.push({ nummer, verzoek, fout: `geen antwoord: ${(error as Error).message}` });
          }
        }
      };
      await Promise.all(Array.from({ length: GELIJKTIJDIG }, werker));
      const duur = performance.now() - start;
      agent.destroy();

      // The server is still up and still answers a normal query (checked after the report is made).
      const live = await fetch(new URL('/health/live', url)).then((r) => r.status, (e: Error) => e.message);
      const normaal = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.controller}` },
        body: JSON.stringify({ query: '{ gemeente(cbsCode: "GM0202") { naam } }' }),
      }).then((r) => r.json(), (e: Error) => e.message);

      const na = await vingerafdruk(t.orm.em.fork(), VERANDERT_BIJ_LEZEN);

      // Report: counts and status codes per category, the slowest requests, then every failure.
      const perCategorie = new Map<Categorie, Map<string, number>>();
      for (const u of uitkomsten) {
        const statussen = perCategorie.get(u.verzoek.categorie) ?? new Map<string, number>();
        const sleutel = u.antwoord ? String(u.antwoord.status) : 'fout';
        statussen.set(sleutel, (statussen.get(sleutel) ?? 0) + 1);
        perCategorie.set(u.verzoek.categorie, statussen);
      }
      const regels = CATEGORIEEN.map((c) => {
        const statussen = [...(perCategorie.get(c) ?? new Map<string, number>())].sort();
        const totaal = statussen.reduce((s, [, n]) => s + n, 0);
        return `  ${c.padEnd(15)} ${String(totaal).padStart(5)}  ${statussen.map(([s, n]) => `${s}×${n}`).join(' ')}`;
      });
      const traagst = uitkomsten
        .filter((u) => u.antwoord)
        .sort((a, b) => b.antwoord!.ms - a.antwoord!.ms)
        .slice(0, 3)
        .map((u) => `  ${Math.round(u.antwoord!.ms)} ms  #${u.nummer} ${u.verzoek.categorie}: ${beschrijf(u.verzoek, null)}`);
      console.log([`fuzz (seed ${SEED}): ${uitkomsten.length} verzoeken in ${(duur / 1000).toFixed(1)} s`, ...regels, 'traagst:', ...traagst].join('\n'));

      const mislukt: string[] = [];
      for (const u of uitkomsten.sort((a, b) => a.nummer - b.nummer)) {
        const problemen = u.fout ? [u.fout] : beoordeel(u.verzoek, u.antwoord!);
        if (!problemen.length) continue;
        const body = typeof u.verzoek.body === 'function' ? u.verzoek.body() : u.verzoek.body;
        const bodyTekst = body === undefined ? null : typeof body === 'string' ? body : Buffer.from(body).toString('utf8');
        const antwoord = u.antwoord ? ` → ${u.antwoord.status} ${JSON.stringify(u.antwoord.body.toString('utf8').slice(0, 300))}` : '';
        mislukt.push(`#${u.nummer} [${u.verzoek.categorie}] ${problemen.join('; ')}\n    ${beschrijf(u.verzoek, bodyTekst)}${antwoord}`);
      }
      const veranderd = Object.keys({ ...vooraf, ...na }).filter((tabel) => vooraf[tabel] !== na[tabel]);
      // Failures of the same kind (same category and problem, numbers left out) counted together,
      // with the first request of each kind.
      const soorten = new Map<string, { aantal: number; eerste: string }>();
      for (const regel of mislukt) {
        const soort = regel.split('\n')[0].replace(/^#\d+ /, '').replace(/\d+/g, 'N').slice(0, 160);
        const bekend = soorten.get(soort);
        if (bekend) bekend.aantal++;
        else soorten.set(soort, { aantal: 1, eerste: regel });
      }
      if (mislukt.length) {
        // The whole list, for whoever has to reproduce the failures (tests/artifacts is not committed).
        mkdirSync('tests/artifacts', { recursive: true });
        writeFileSync('tests/artifacts/fuzz-mislukt.txt', `FUZZ_SEED=${SEED}\n${mislukt.join('\n')}\n`);
      }
      const melding = [
        `FUZZ_SEED=${SEED} herhaalt deze run; alle mislukte verzoeken staan in tests/artifacts/fuzz-mislukt.txt.`,
        `${mislukt.length} van ${uitkomsten.length} verzoeken mislukt, per soort:`,
        ...[...soorten].map(([soort, { aantal }]) => `  ${String(aantal).padStart(4)}× ${soort}`),
        'het eerste verzoek van elke soort (hoogstens 12):',
        ...[...soorten.values()].slice(0, 12).map((s) => s.eerste),
        ...veranderd.map((tabel) => `tabel ${tabel} veranderd: ${vooraf[tabel]} → ${na[tabel]}`),
      ].join('\n');

      expect(live, 'de hub leeft nog').toBe(200);
      expect(normaal, 'de hub beantwoordt nog een gewone query').toEqual({ data: { gemeente: { naam: 'Arnhem' } } });
      expect(uitkomsten.length).toBeGreaterThanOrEqual(5_000);
      for (const c of CATEGORIEEN) expect(perCategorie.get(c)?.size, `categorie ${c}`).toBeGreaterThan(0);
      expect(mislukt.length === 0 && veranderd.length === 0 ? 'geen problemen' : melding).toBe('geen problemen');
    },
    // About 35 s on two cores; the margin is for slower machines, not for a hub that hangs.
    120_000,
  );
});
