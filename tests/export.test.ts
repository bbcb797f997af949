import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maakApiToken } from '../src/api-token/api-token.service.js';
import { Rol } from '../src/auth/identity.js';
import { Decimal } from '../src/core/decimal.js';
import { KostenoverzichtDocument } from './generated/graphql.js';
import { exportCsv, formulesInBestaandeGegevens, rijenVan } from './helpers/export-csv.js';
import { FORMULE_TEKSTEN, HYPERLINK } from './helpers/scenario.js';
import { startTestHub, type TestHub } from './helpers/test-hub.js';
import { actueleBijdrage } from '../src/bijdrage/actueel.service.js';

let t: TestHub;
let basis: string;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestHub();
  basis = (await t.listen()).replace('/graphql', '');
  for (const [naam, invoer] of Object.entries({
    controller: { naam: 'controller', rol: Rol.CONTROLLER },
    arnhem: { naam: 'arnhem', rol: Rol.GEMEENTE, gemeente: 'GM0202' },
    dashboard: { naam: 'dashboard', rol: Rol.DASHBOARD },
  })) {
    tokens[naam] = (await maakApiToken(t.orm.em.fork(), invoer, 'test')).geheim;
  }
});
afterAll(() => t.close());

const csv = (pad: string, params: Record<string, unknown>, token = tokens.controller) => exportCsv(basis, pad, params, token);

describe('CSV-export', () => {
  it('exporteert bijdragen met hetzelfde filter als de graaf, exact tot op de cent', async () => {
    const where = { jaar: { eq: 2025 }, fase: { eq: 'BEGROOT' }, module: { eq: 'WGSW' } };
    const { status, type, tekst } = await csv('bijdragen.csv', { where });
    expect(status).toBe(200);
    expect(type).toMatch(/^text\/csv/);
    const rijen = rijenVan(tekst);
    expect(rijen).toHaveLength(9);
    const [{ saldo }] = await t.orm.em
      .getConnection()
      .execute<{ saldo: string }[]>("select lasten - baten as saldo from begroting b join module m on m.id = b.module_id where m.code = 'WGSW' and jaar = 2025 and soort = 'PRIMITIEF'");
    expect(rijen.reduce((s, r) => s.plus(r.Bedrag), new Decimal(0)).toFixed(2)).toBe(new Decimal(saldo).toFixed(2));
  });

  it('schrijft met getallen=nl decimale komma’s en puntkomma’s voor Excel', async () => {
    const query = `where=${encodeURIComponent(JSON.stringify({ jaar: { eq: 2025 }, module: { eq: 'WGSW' } }))}&getallen=nl`;
    const ruw = Buffer.from(await (await fetch(`${basis}/export/bijdragen.csv?${query}`, { headers: { authorization: `Bearer ${tokens.controller}` } })).arrayBuffer());
    // A byte-order mark, so that Excel reads the file as UTF-8.
    expect([...ruw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const tekst = ruw.toString('utf8');
    expect(tekst.split('\n')[0]).toBe('\uFEFFCBS-code;Gemeente;Module;Modulenaam;Jaar;Fase;Taakveld;Taakveldnaam;Begrotingsversie;Volgnummer;Jaarrekening vastgesteld op;Actueel;Bedrag');
    const rijen = rijenVan(tekst, ';');
    expect(rijen[0].Bedrag).toMatch(/^\d+,\d{2}$/);
    expect(rijen[0].Taakveld).toBe('6.4');
    // Realised contributions name their jaarrekening, the others their budget version.
    const gerealiseerd = rijen.filter((r) => r.Fase === 'GEREALISEERD');
    expect(gerealiseerd).toHaveLength(9);
    expect(gerealiseerd.every((r) => r['Jaarrekening vastgesteld op'] === '2026-07-01' && r.Begrotingsversie === '')).toBe(true);
    expect(rijen.filter((r) => r.Fase !== 'GEREALISEERD').every((r) => r['Jaarrekening vastgesteld op'] === '' && r.Begrotingsversie !== '')).toBe(true);
  });

  it('bladert door alle pagina’s van een connection', async () => {
    const { tekst } = await csv('bijdragen.csv', {});
    const [{ n }] = await t.orm.em
      .getConnection()
      .execute<{ n: string }[]>(`select count(*) as n from bijdrage bd where ${actueleBijdrage('bd')}`);
    expect(Number(n)).toBeGreaterThan(500);
    expect(rijenVan(tekst)).toHaveLength(Number(n));
  });

  it('past dezelfde autorisatie toe: een gemeente krijgt alleen haar eigen en regionale KPI-waarden', async () => {
    const rijen = rijenVan((await csv('kpi-waarden.csv', { where: { module: { eq: 'RBL' } } }, tokens.arnhem)).tekst);
    expect(rijen.length).toBeGreaterThan(0);
    expect(new Set(rijen.map((r) => r['CBS-code']))).toEqual(new Set(['GM0202', '']));
    expect(rijen.every((r) => r.Status === 'GOEDGEKEURD')).toBe(true);
  });

  it('exporteert totalen per groep', async () => {
    const rijen = rijenVan((await csv('bijdrage-totalen.csv', { groupBy: 'GEMEENTE', where: { jaar: { eq: 2024 }, fase: { eq: 'BEGROOT' } } })).tekst);
    expect(rijen).toHaveLength(11);
    expect(rijen.every((r) => /^GM\d{4}$/.test(r['CBS-code']))).toBe(true);
  });

  it('geeft met de CSV-voorbeelden uit de README dezelfde bedragen als het kostenoverzicht, per fase', async () => {
    const readme = readFileSync(path.join(import.meta.dirname, '..', 'README.md'), 'utf8');
    const paden = [...readme.matchAll(/"http:\/\/localhost:4000(\/export\/[^"?]+\.csv[^"]*)"/g)].map((m) => m[1]);
    expect(paden.map((p) => p.split('?')[0])).toEqual(['/export/bijdragen.csv', '/export/bijdrage-totalen.csv']);
    const haal = async (pad: string) => {
      const response = await fetch(basis + pad, { headers: { authorization: `Bearer ${tokens.controller}` } });
      expect(response.status).toBe(200);
      const nl = pad.includes('getallen=nl');
      return rijenVan(await response.text(), nl ? ';' : ',').map((r): Record<string, string> => ({ ...r, bedrag: (r.Bedrag ?? r.Som).replace(',', '.') }));
    };
    const [lijst, totalen] = await Promise.all(paden.map(haal));
    for (const fase of ['BEGROOT', 'GEWIJZIGD', 'GEREALISEERD'] as const) {
      const { data } = await t.execute(KostenoverzichtDocument, { jaar: 2025, fase });
      const cellen = Object.fromEntries(data!.kostenoverzicht.regels.filter((r) => r.bedrag).map((r) => [`${r.gemeente!.cbsCode}|${r.module!.code}`, r.bedrag]));
      const uit = (rijen: typeof lijst) => Object.fromEntries(rijen.filter((r) => r.Fase === fase).map((r) => [`${r['CBS-code']}|${r.Module}`, new Decimal(r.bedrag).toFixed(2)]));
      expect(uit(totalen), fase).toEqual(cellen);
      expect(uit(lijst), fase).toEqual(cellen);
    }
  });

  it('weigert zonder token, met te weinig rechten en bij onleesbare filters, met een JSON-fout', async () => {
    const zonder = await fetch(`${basis}/export/bijdragen.csv`);
    expect(zonder.status).toBe(401);
    const audit = await csv('audit-log.csv', {}, tokens.dashboard);
    expect(audit.status).toBe(403);
    expect(JSON.parse(audit.tekst).errors[0].extensions.code).toBe('FORBIDDEN');
    const kapot = await csv('bijdragen.csv', { where: '{jaar' });
    expect(kapot.status).toBe(400);
    const verkeerd = await csv('bijdragen.csv', { where: { jaar: { eq: 'twee' } } });
    expect(verkeerd.status).toBe(400);
    expect((await csv('bestaat-niet.csv', {})).status).toBe(404);
  });

  it('zet (OWASP) een enkel aanhalingsteken voor tekst die als formule begint, nooit voor een getal', async () => {
    await formulesInBestaandeGegevens(t);
    for (const getallen of ['', 'nl']) {
      const rijen = rijenVan((await csv('kostenoverzicht.csv', { jaar: 2025, getallen })).tekst, getallen ? ';' : ',');
      const rozendaal = rijen.filter((r) => r['CBS-code'] === 'GM0277');
      expect(rozendaal.length).toBeGreaterThan(0);
      expect(rozendaal.every((r) => r.Gemeente === `'${HYPERLINK}`)).toBe(true);
      // A negative difference stays a number (no quote), in both number styles.
      const negatief = rijen.filter((r) => r.Verschil.startsWith('-'));
      expect(negatief.length).toBeGreaterThan(0);
      expect(negatief.every((r) => /^-\d+[.,]\d\d$/.test(r.Verschil))).toBe(true);
      expect(rijen.some((r) => r.Gemeente.startsWith("'") && r['CBS-code'] !== 'GM0277')).toBe(false);
    }
    const toelichtingen = new Set(rijenVan((await csv('kpi-waarden.csv', { where: { module: { eq: 'RBL' } } })).tekst).map((r) => r.Toelichting));
    expect(toelichtingen).toEqual(new Set(FORMULE_TEKSTEN.map((tekst) => `'${tekst}`)));
  });
});
