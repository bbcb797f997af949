import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Decimal } from '../src/core/decimal.js';
import { neutraliseFormula } from '../src/core/spreadsheet-text.js';
import { EXPORTS, type Soort } from '../src/export/export-definities.js';
import { XLSX_MIME } from '../src/core/spreadsheet-in.js';
import { TIJDSTIP_FORMAAT } from '../src/export/export-xlsx.js';
import { EURO_FORMAAT, GETAL_FORMAAT, TEKST_FORMAAT } from '../src/core/spreadsheet-sjabloon.js';
import { KostenoverzichtDocument } from './generated/graphql.js';
import { exportCsv, exportXlsx, formulesInBestaandeGegevens, rijenVan, tokenVoor } from './helpers/export-csv.js';
import { ALS } from './helpers/identities.js';
import { FORMULE_TEKSTEN, HYPERLINK, NU } from './helpers/scenario.js';
import { startTestHub, type TestHub } from './helpers/test-hub.js';

let t: TestHub;
let basis: string;
const tokens: Record<'controller' | 'arnhem' | 'dashboard', string> = { controller: '', arnhem: '', dashboard: '' };

beforeAll(async () => {
  t = await startTestHub({ now: NU });
  basis = (await t.listen()).replace('/graphql', '');
  tokens.controller = await tokenVoor(t, ALS.controller);
  tokens.arnhem = await tokenVoor(t, ALS.gemeenteArnhem);
  tokens.dashboard = await tokenVoor(t, ALS.dashboardRegio);
  await formulesInBestaandeGegevens(t);
});
afterAll(() => t.close());

const xlsx = (naam: string, params: Record<string, unknown>, token = tokens.controller) => exportXlsx(basis, `${naam}.xlsx`, params, token);
const csv = (naam: string, params: Record<string, unknown>, token = tokens.controller) => exportCsv(basis, `${naam}.csv`, params, token);

/** The data sheet as rows of cells (without the header), by column header. */
function rijenUit(boek: ExcelJS.Workbook): Array<Record<string, ExcelJS.Cell>> {
  const blad = boek.worksheets[0];
  const koppen = (blad.getRow(1).values as unknown[]).slice(1) as string[];
  const rijen: Array<Record<string, ExcelJS.Cell>> = [];
  for (let r = 2; r <= blad.rowCount; r++) {
    const rij = blad.getRow(r);
    rijen.push(Object.fromEntries(koppen.map((kop, i) => [kop, rij.getCell(i + 1)])));
  }
  return rijen;
}

const filtersUit = (boek: ExcelJS.Workbook): Record<string, string> => {
  const uit: Record<string, string> = {};
  boek.getWorksheet('Filters')!.eachRow((rij, nummer) => {
    if (nummer > 1) uit[String(rij.getCell(1).value)] = String(rij.getCell(2).value);
  });
  return uit;
};

/** Dutch wall-clock time as exceljs reads an Excel date back: in the Date's UTC fields. */
const wandklok = (tekst: string) => new Date(`${tekst}Z`);

const PARAMETERS: Record<string, Record<string, unknown>> = {
  bijdragen: { where: { jaar: { eq: 2025 }, module: { in: ['WGSW', 'RBL'] } } },
  'bijdrage-totalen': { groupBy: 'GEMEENTE,TAAKVELD', where: { jaar: { eq: 2025 } } },
  kostenoverzicht: { jaar: 2025 },
  'kpi-waarden': { where: { module: { eq: 'RBL' } } },
  'kpi-totalen': { groupBy: 'KPI,JAAR' },
  kwartaalrapportages: {},
  iv3: { jaar: 2026, kwartaal: 3 },
  'audit-log': {},
};

describe('Excel-export (.xlsx)', () => {
  it('geeft elke CSV-export ook als werkmap: zelfde rijen, echte getallen, bedragen in euro, tekst als tekst, tijdstippen als datum', async () => {
    expect(Object.keys(PARAMETERS)).toEqual(Object.keys(EXPORTS));
    const gezien = new Set<Soort>();
    for (const [naam, params] of Object.entries(PARAMETERS)) {
      const { status, type, bijlage, boek } = await xlsx(naam, params);
      expect(status, naam).toBe(200);
      expect(type).toBe(XLSX_MIME);
      expect(bijlage).toBe(`attachment; filename="${naam}.xlsx"`);
      expect(boek!.worksheets.map((w) => w.name)).toEqual([naam, 'Filters']);
      const blad = boek!.worksheets[0];
      const { kolommen } = EXPORTS[naam];
      expect((blad.getRow(1).values as unknown[]).slice(1)).toEqual(kolommen.map((k) => k.kop));
      expect(kolommen.every((_, i) => blad.getRow(1).getCell(i + 1).font?.bold)).toBe(true);
      expect(blad.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(blad.autoFilter).toBe(`A1:${blad.getColumn(kolommen.length).letter}1`);
      for (let i = 1; i <= kolommen.length; i++) expect(blad.getColumn(i).width).toBeGreaterThanOrEqual(Math.min(60, kolommen[i - 1].kop.length));

      const lijst = rijenVan((await csv(naam, params)).tekst);
      const rijen = rijenUit(boek!);
      expect(rijen.length, naam).toBe(lijst.length);
      expect(rijen.length, naam).toBeGreaterThan(0);
      rijen.forEach((rij, r) => {
        for (const { kop, soort } of kolommen) {
          const cel = rij[kop];
          const verwacht = lijst[r][kop];
          const waar = `${naam} rij ${r + 2} ${kop}`;
          if (verwacht === '') {
            expect(cel.type, waar).toBe(ExcelJS.ValueType.Null);
            continue;
          }
          gezien.add(soort);
          if (soort === 'getal' || soort === 'bedrag') {
            expect(cel.type, waar).toBe(ExcelJS.ValueType.Number);
            // Excel's General is format 0, which a reader sees as no format at all.
            expect(cel.numFmt ?? 'General', waar).toBe(soort === 'bedrag' ? EURO_FORMAAT : GETAL_FORMAAT);
            // The double in the cell gives back the exact decimal text of the graph.
            expect(new Decimal(String(cel.value)).equals(new Decimal(verwacht)), waar).toBe(true);
          } else if (soort === 'tijdstip') {
            expect(cel.type, waar).toBe(ExcelJS.ValueType.Date);
            expect(cel.numFmt, waar).toBe(TIJDSTIP_FORMAAT);
            const moment = new Date(verwacht);
            const nederlands = wandklok(moment.toLocaleString('sv-SE', { timeZone: 'Europe/Amsterdam' }).replace(' ', 'T'));
            expect(cel.value, waar).toEqual(new Date(nederlands.getTime() + moment.getUTCMilliseconds()));
          } else {
            expect(cel.type, waar).toBe(ExcelJS.ValueType.String);
            expect(cel.numFmt, waar).toBe(TEKST_FORMAAT);
            expect(neutraliseFormula(cel.value as string), waar).toBe(verwacht);
          }
        }
      });
    }
    expect([...gezien].sort()).toEqual(['bedrag', 'getal', 'janee', 'tekst', 'tijdstip']);
  });

  it('houdt taakvelden en CBS-codes tekst: taakveld 0.10 blijft "0.10", nooit 0,1', async () => {
    const [{ id }] = await t.sql<{ id: number }>(
      `update bijdrage set taakveld = '0.10' where id = (select min(b.id) from bijdrage b join begroting g on g.id = b.begroting_id where g.jaar = 2026) returning id`,
    );
    expect(id).toBeDefined();
    const { boek } = await xlsx('bijdragen', { where: { taakveld: { eq: '0.10' } } });
    const rijen = rijenUit(boek!);
    expect(rijen).toHaveLength(1);
    expect(rijen[0].Taakveld.type).toBe(ExcelJS.ValueType.String);
    expect(rijen[0].Taakveld.value).toBe('0.10');
    expect(rijen[0]['CBS-code'].type).toBe(ExcelJS.ValueType.String);
    expect(rijen[0]['CBS-code'].value).toMatch(/^GM\d{4}$/);
    const totalen = rijenUit((await xlsx('bijdrage-totalen', { groupBy: 'TAAKVELD', where: { jaar: { eq: 2026 } } })).boek!);
    expect(totalen.map((r) => r.Taakveld.value)).toContain('0.10');
    expect(totalen.every((r) => r.Taakveld.type === ExcelJS.ValueType.String)).toBe(true);
  });

  it('schrijft tijdstippen als Excel-datum in Nederlandse tijd, in winter- en zomertijd', async () => {
    const lijst = rijenVan((await csv('kwartaalrapportages', {})).tekst);
    const rijen = rijenUit((await xlsx('kwartaalrapportages', {})).boek!);
    const winter = lijst.findIndex((r) => r['Ingediend op'] === '2025-01-28T00:00:00.000Z');
    const zomer = lijst.findIndex((r) => r['Goedgekeurd op'] === '2025-08-10T00:00:00.000Z');
    expect(winter).toBeGreaterThanOrEqual(0);
    expect(zomer).toBeGreaterThanOrEqual(0);
    expect(rijen[winter]['Ingediend op'].value).toEqual(wandklok('2025-01-28T01:00:00'));
    expect(rijen[zomer]['Goedgekeurd op'].value).toEqual(wandklok('2025-08-10T02:00:00'));
    expect(rijen[zomer]['Goedgekeurd op'].numFmt).toBe(TIJDSTIP_FORMAAT);
  });

  it('legt op het blad Filters vast wat is gevraagd, door wie en wanneer (de klok van de hub)', async () => {
    const where = { module: { eq: 'RBL' }, jaar: { eq: 2025 } };
    const { boek } = await xlsx('kpi-waarden', { where, alleenActueel: 'false', getallen: 'nl' }, tokens.arnhem);
    const filters = filtersUit(boek!);
    expect(filters).toMatchObject({
      Export: 'kpi-waarden',
      'Moment van export (UTC)': '2026-11-23T10:00:00.000Z',
      'Moment van export': '23 november 2026 om 11:00:00 (Europe/Amsterdam)',
      Gebruiker: 'test arnhem',
      Rol: 'GEMEENTE',
      Gemeente: 'GM0202',
      'Parameter where': JSON.stringify(where),
      'Parameter alleenActueel': 'false',
      'Parameter getallen': 'nl',
    });
    // The same authorization as the graph: Arnhem sees its own and the regional values only.
    const rijen = rijenUit(boek!);
    expect(filters.Rijen).toBe(String(rijen.length));
    expect(new Set(rijen.map((r) => r['CBS-code'].value ?? ''))).toEqual(new Set(['GM0202', '']));
    expect(Object.values(filters).join(' ')).not.toContain(tokens.arnhem);
  });

  it('schrijft tekst die als formule begint als gewone tekst (stringcel), letterlijk en zonder aanhalingsteken', async () => {
    const rijen = rijenUit((await xlsx('kostenoverzicht', { jaar: 2025 })).boek!).filter((r) => r['CBS-code'].value === 'GM0277');
    expect(rijen.length).toBeGreaterThan(0);
    for (const rij of rijen) {
      expect(rij.Gemeente.type).toBe(ExcelJS.ValueType.String);
      expect(rij.Gemeente.formula).toBeUndefined();
      expect(rij.Gemeente.value).toBe(HYPERLINK);
    }
    const waarden = rijenUit((await xlsx('kpi-waarden', { where: { module: { eq: 'RBL' } } })).boek!);
    expect(waarden.every((r) => r.Toelichting.type === ExcelJS.ValueType.String)).toBe(true);
    expect(new Set(waarden.map((r) => r.Toelichting.value))).toEqual(new Set(FORMULE_TEKSTEN));
    // Text that looks like an OOXML escape stays literal too.
    await t.sql(`update gemeente set naam = 'Wester_x0041_voort' where cbs_code = 'GM0293'`);
    const westervoort = rijenUit((await xlsx('kostenoverzicht', { jaar: 2025, gemeenten: 'GM0293' })).boek!);
    expect(westervoort.length).toBeGreaterThan(0);
    expect(westervoort.every((r) => r.Gemeente.value === 'Wester_x0041_voort')).toBe(true);
  });

  it('telt de bedragkolommen op tot de totalen van de graaf, exact in centen', async () => {
    for (const fase of ['BEGROOT', 'GEWIJZIGD', 'GEREALISEERD'] as const) {
      const { data } = await t.execute(KostenoverzichtDocument, { jaar: 2025, fase });
      const regio = data!.kostenoverzicht.regio!;
      const rijen = rijenUit((await xlsx('kostenoverzicht', { jaar: 2025, fase })).boek!);
      const centen = (kop: string) => rijen.reduce((som, r) => som + BigInt(new Decimal(String(r[kop].value ?? 0)).times(100).toFixed(0)), 0n);
      const graaf = (bedrag: string | null | undefined) => BigInt(new Decimal(bedrag ?? 0).times(100).toFixed(0));
      expect(centen('Bedrag (gevraagde fase)'), fase).toBe(graaf(regio.bedrag));
      expect(centen('Begroot'), fase).toBe(graaf(regio.begroot));
      expect(centen('Gerealiseerd'), fase).toBe(graaf(regio.gerealiseerd));
      // What Excel's SUM over the doubles shows, rounded to cents, is the same total.
      const excelSom = rijen.reduce((som, r) => som + Number(r['Bedrag (gevraagde fase)'].value ?? 0), 0);
      expect(BigInt(Math.round(excelSom * 100)), fase).toBe(graaf(regio.bedrag));
    }
  });

  it('geeft met het .xlsx-voorbeeld uit de README de bedragen van het kostenoverzicht, met de parameters op het blad Filters', async () => {
    const readme = readFileSync(path.join(import.meta.dirname, '..', 'README.md'), 'utf8');
    const paden = [...readme.matchAll(/"http:\/\/localhost:4000(\/export\/[^"?]+\.xlsx[^"]*)"/g)].map((m) => m[1]);
    expect(paden).toEqual(['/export/kostenoverzicht.xlsx?jaar=2025&fase=GEREALISEERD&modules=WGSW,RBL']);
    const response = await fetch(basis + paden[0], { headers: { authorization: `Bearer ${tokens.controller}` } });
    expect(response.status).toBe(200);
    const boek = new ExcelJS.Workbook();
    await boek.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);
    expect(filtersUit(boek)).toMatchObject({ 'Parameter jaar': '2025', 'Parameter fase': 'GEREALISEERD', 'Parameter modules': 'WGSW,RBL' });
    const { data } = await t.execute(KostenoverzichtDocument, { jaar: 2025, fase: 'GEREALISEERD', modules: ['WGSW', 'RBL'] });
    const verwacht = data!.kostenoverzicht.regels.map((r) => `${r.gemeente!.cbsCode}|${r.module!.code}|${new Decimal(r.bedrag ?? 0).toFixed(2)}`);
    const rijen = rijenUit(boek).map((r) => `${r['CBS-code'].value}|${r.Module.value}|${new Decimal(String(r['Bedrag (gevraagde fase)'].value ?? 0)).toFixed(2)}`);
    expect(rijen.length).toBeGreaterThan(0);
    expect(rijen).toEqual(verwacht);
  });

  it('geeft dezelfde fouten en statuscodes als de CSV-export', async () => {
    const gevallen: Array<[string, string, Record<string, unknown>, string | undefined, number, string]> = [
      ['zonder token', 'bijdragen', {}, undefined, 401, 'UNAUTHENTICATED'],
      ['onbekend token', 'bijdragen', {}, 'rh_bestaat_niet', 401, 'UNAUTHENTICATED'],
      ['te weinig rechten', 'audit-log', {}, tokens.dashboard, 403, 'FORBIDDEN'],
      ['onleesbaar filter', 'bijdragen', { where: '{jaar' }, tokens.controller, 400, 'BAD_USER_INPUT'],
      ['verkeerd filter', 'bijdragen', { where: { jaar: { eq: 'twee' } } }, tokens.controller, 400, 'BAD_USER_INPUT'],
      ['onbekende export', 'bestaat-niet', {}, tokens.controller, 404, 'NOT_FOUND'],
    ];
    for (const [geval, naam, params, token, status, code] of gevallen) {
      const uit = await exportXlsx(basis, `${naam}.xlsx`, params, token);
      expect(uit.status, geval).toBe(status);
      expect(uit.type, geval).toMatch(/^application\/json/);
      expect(uit.fout!.errors[0].extensions.code, geval).toBe(code);
      const alsCsv = await exportCsv(basis, `${naam}.csv`, params, token);
      expect(alsCsv.status, geval).toBe(status);
      expect(JSON.parse(alsCsv.tekst), geval).toEqual(uit.fout);
    }
    expect((await exportXlsx(basis, 'bijdragen.pdf', {}, tokens.controller)).status).toBe(404);
    expect((await exportXlsx(basis, 'bijdragen', {}, tokens.controller)).status).toBe(404);
  });
});
