import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Decimal } from '../src/core/decimal.js';
import { iv3Vertaling } from '../src/realisatie/iv3-codelijsten.js';
import { Iv3AanleveringDocument, RealisatieDocument, RealisatieVastleggenDocument } from './generated/graphql.js';
import { exportCsv, exportXlsx, rijenVan, tokenVoor } from './helpers/export-csv.js';
import { ALS } from './helpers/identities.js';
import { NU } from './helpers/scenario.js';
import { startTestHub, type TestHub } from './helpers/test-hub.js';

let t: TestHub;
let basis: string;
let controller: string;
let arnhem: string;
beforeAll(async () => {
  t = await startTestHub({ now: NU });
  basis = (await t.listen()).replace('/graphql', '');
  controller = await tokenVoor(t, ALS.controller);
  arnhem = await tokenVoor(t, ALS.gemeenteArnhem);
});
afterAll(() => t.close());

const AANLEVERDER = {
  overheidsnummer: '0000',
  overheidsnaam: 'MGR Sociaal Domein Centraal Gelderland (demodata)',
  contactNaam: 'Controller MGR (demodata)',
  contactEmail: 'controller@mgr.example.nl',
  contactTelefoon: '0260000000',
};

async function iv3Json(params: Record<string, unknown>, token = controller) {
  const { status, type, tekst } = await exportCsv(basis, 'iv3.json', { ...AANLEVERDER, ...params }, token);
  return { status, type, json: JSON.parse(tekst) as Record<string, any> };
}

// The structure of "Iv3 data schema versie 2.1" (statistiekcbs/iv3_definities, iv3_data_schema_v2_1_1.json),
// written out field by field: required properties, no others where the schema says additionalProperties
// false, the JSON types, the code lists and the patterns of email and datum.
const EMAIL = /^([a-zA-Z0-9_\-.]+)@((\[[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.)|(([a-zA-Z0-9-]+\.)+))([a-zA-Z]{2,4}|[0-9]{1,3})(\]?)$/;
const DATUM = /(2[0-3]|[01][0-9]):([0-5][0-9]):([0-5][0-9])(\\[0-9]+)?(Z|[+-](?:2[0-3]|[01][0-9]):[0-5][0-9])?$/;

function schemaProblemen(doc: Record<string, any>): string[] {
  const p: string[] = [];
  const precies = (waar: string, obj: unknown, verplicht: string[], toegestaan = verplicht) => {
    if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return p.push(`${waar} is geen object`);
    for (const k of verplicht) if (!(k in obj)) p.push(`${waar}.${k} ontbreekt`);
    for (const k of Object.keys(obj)) if (!toegestaan.includes(k)) p.push(`${waar}.${k} is niet toegestaan`);
  };
  const type = (waar: string, waarde: unknown, soort: 'string' | 'number' | 'boolean') => typeof waarde !== soort && p.push(`${waar} is geen ${soort}`);
  precies('document', doc, ['metadata', 'contact', 'data'], ['metadata', 'contact', 'data', 'opmerkingen']);
  const m = doc.metadata;
  const metadata = ['overheidslaag', 'overheidsnummer', 'overheidsnaam', 'boekjaar', 'periode', 'status', 'datum', 'details_openbaar', 'financieel_pakket', 'export_software'];
  precies('metadata', m, metadata);
  for (const k of ['overheidslaag', 'overheidsnummer', 'overheidsnaam', 'status', 'datum', 'financieel_pakket', 'export_software']) type(`metadata.${k}`, m?.[k], 'string');
  type('metadata.boekjaar', m?.boekjaar, 'number');
  type('metadata.periode', m?.periode, 'number');
  type('metadata.details_openbaar', m?.details_openbaar, 'boolean');
  if (!['Gemeente', 'Provincie', 'GR'].includes(m?.overheidslaag)) p.push('metadata.overheidslaag buiten de codelijst');
  if (![0, 1, 2, 3, 4, 5].includes(m?.periode)) p.push('metadata.periode buiten de codelijst');
  if (!['Begroting', 'Realisatie'].includes(m?.status)) p.push('metadata.status buiten de codelijst');
  if (!DATUM.test(m?.datum ?? '')) p.push('metadata.datum past niet op het patroon');
  precies('contact', doc.contact, ['naam', 'email', 'telefoon']);
  for (const k of ['naam', 'email', 'telefoon']) type(`contact.${k}`, doc.contact?.[k], 'string');
  if (!/\S/.test(doc.contact?.naam ?? '')) p.push('contact.naam is leeg');
  if (!EMAIL.test(doc.contact?.email ?? '')) p.push('contact.email past niet op het patroon');
  const secties = ['lasten', 'baten', 'balans_baten', 'balans_lasten', 'balans_standen'];
  precies('data', doc.data, secties, [...secties, 'kengetallen', 'beleidsindicatoren']);
  for (const sectie of secties) if (!Array.isArray(doc.data?.[sectie])) p.push(`data.${sectie} is geen lijst`);
  for (const sectie of ['lasten', 'baten']) {
    for (const [i, cel] of (doc.data?.[sectie] ?? []).entries()) {
      for (const k of ['taakveld', 'categorie']) type(`data.${sectie}[${i}].${k}`, cel[k], 'string');
      type(`data.${sectie}[${i}].bedrag`, cel.bedrag, 'number');
    }
  }
  return p;
}

/**
 * Per Iv3 cell the sum of the hub's realisation over all modules (from 1 January up to and including the
 * quarter, or the year), exact, on CBS's taakveld code of the year (which code that is,
 * tests/iv3-codes.test.ts pins down).
 */
async function somUitRealisatie(jaar: number, kwartaal: number | null) {
  const { data } = await t.execute(RealisatieDocument, { jaar }, ALS.controller);
  const cbs = new Map(iv3Vertaling(jaar));
  const som = new Map<string, Decimal>();
  for (const r of data!.realisatie.filter((r) => kwartaal === null || r.kwartaal <= kwartaal)) {
    const sleutel = `${r.kant === 'LASTEN' ? 'lasten' : 'baten'} ${cbs.get(r.taakveld) ?? r.taakveld} ${r.categorie}`;
    som.set(sleutel, (som.get(sleutel) ?? new Decimal(0)).plus(r.bedrag));
  }
  return som;
}

/** The cells of an iv3-JSON document as exact decimals (the number prints back as the hub's text). */
function cellenUitJson(doc: Record<string, any>) {
  const cellen = new Map<string, Decimal>();
  for (const sectie of ['lasten', 'baten']) {
    for (const c of doc.data[sectie]) cellen.set(`${sectie} ${c.taakveld} ${c.categorie}`, new Decimal(String(c.bedrag)));
  }
  return cellen;
}

const alsTekst = (m: Map<string, Decimal>) => Object.fromEntries([...m].filter(([, v]) => !v.isZero()).map(([k, v]) => [k, v.toFixed(2)]));
const totaal = (m: Map<string, Decimal>, sectie: string) => [...m].filter(([k]) => k.startsWith(sectie)).reduce((s, [, v]) => s.plus(v), new Decimal(0)).toFixed(2);

describe('Iv3-aanlevering als iv3-JSON', () => {
  it('volgt de structuur van het CBS-schema 2.1: GR, periode = kwartaal, Realisatie, lege balanssecties', async () => {
    const { status, type, json } = await iv3Json({ jaar: 2026, kwartaal: 3 });
    expect(status).toBe(200);
    expect(type).toContain('application/json');
    expect(schemaProblemen(json)).toEqual([]);
    expect(json.metadata).toMatchObject({ overheidslaag: 'GR', boekjaar: 2026, periode: 3, status: 'Realisatie', datum: '2026-11-23T10:00:00Z' });
    expect(json.data.balans_lasten).toEqual([]);
    expect(json.data.balans_standen).toEqual([]);
    expect(json.data.lasten.length).toBeGreaterThan(0);
    // The check itself finds a wrong document.
    expect(schemaProblemen({ ...json, extra: 1, metadata: { ...json.metadata, periode: 6 }, contact: { ...json.contact, email: 'geen' } })).toEqual([
      'document.extra is niet toegestaan',
      'metadata.periode buiten de codelijst',
      'contact.email past niet op het patroon',
    ]);
  });

  it('levert een kwartaal cumulatief: periode 2 is de realisatie van 1 januari tot en met kwartaal 2, niet kwartaal 2 alleen', async () => {
    const { json } = await iv3Json({ jaar: 2026, kwartaal: 2 });
    expect(json.metadata.periode).toBe(2);
    const cellen = cellenUitJson(json);
    expect(alsTekst(cellen)).toEqual(alsTekst(await somUitRealisatie(2026, 2)));
    // Both quarters count: the cumulative amount is more than the second quarter's own.
    const alleenK2 = (await t.execute(RealisatieDocument, { jaar: 2026, kwartaal: 2 }, ALS.controller)).data!.realisatie;
    const lastenK2 = alleenK2.filter((r) => r.kant === 'LASTEN').reduce((s, r) => s.plus(r.bedrag), new Decimal(0));
    expect(new Decimal(totaal(cellen, 'lasten')).greaterThan(lastenK2)).toBe(true);
  });

  it('telt per taakveld × categorie en in totaal exact op tot de realisatie van de hub, tot op de cent (kwartaal en jaar)', async () => {
    // A quarter with amounts whose cents do not add up trivially, on two modules' shared cells.
    const { errors } = await t.execute(
      RealisatieVastleggenDocument,
      {
        invoer: {
          module: 'RBL',
          jaar: 2026,
          kwartaal: 3,
          regels: [
            { taakveld: '4.3', categorie: '1.1', kant: 'LASTEN', bedrag: '0.10' },
            { taakveld: '4.3', categorie: '3.8', kant: 'LASTEN', bedrag: '0.20' },
            { taakveld: '6.5', categorie: '3.8', kant: 'LASTEN', bedrag: '1234567890123.01' },
            { taakveld: '4.3', categorie: '4.3.2', kant: 'BATEN', bedrag: '0.33' },
          ],
        },
      },
      ALS.beheerder,
    );
    expect(errors).toBeUndefined();
    for (const kwartaal of [3, null]) {
      const hub = await somUitRealisatie(2026, kwartaal);
      const { json } = await iv3Json(kwartaal ? { jaar: 2026, kwartaal } : { jaar: 2026 });
      expect(json.metadata.periode).toBe(kwartaal ?? 5);
      const cellen = cellenUitJson(json);
      expect(alsTekst(cellen)).toEqual(alsTekst(hub));
      const graaf = (await t.execute(Iv3AanleveringDocument, { jaar: 2026, kwartaal }, ALS.controller)).data!.iv3Aanlevering;
      expect(graaf.totaalLasten).toBe(totaal(hub, 'lasten'));
      expect(graaf.totaalBaten).toBe(totaal(hub, 'baten'));
      expect(totaal(cellen, 'lasten')).toBe(graaf.totaalLasten);
      expect(totaal(cellen, 'baten')).toBe(graaf.totaalBaten);
    }
  });

  it('vraagt de gegevens van de aanleverder, en is er alleen voor beheerder en controller', async () => {
    const zonder = await exportCsv(basis, 'iv3.json', { jaar: 2026, kwartaal: 3 }, controller);
    expect(zonder.status).toBe(400);
    expect(JSON.parse(zonder.tekst).errors[0]).toMatchObject({
      message: expect.stringContaining('overheidsnummer, overheidsnaam, contactNaam, contactEmail'),
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const vijfde = await exportCsv(basis, 'iv3.json', { ...AANLEVERDER, jaar: 2026, kwartaal: 5 }, controller);
    expect(vijfde.status).toBe(400);
    expect(JSON.parse(vijfde.tekst).errors[0]).toMatchObject({ message: 'Kwartaal moet 1, 2, 3 of 4 zijn (nu: 5).', extensions: { code: 'BAD_USER_INPUT' } });
    const gemeente = await exportCsv(basis, 'iv3.json', { ...AANLEVERDER, jaar: 2026, kwartaal: 3 }, arnhem);
    expect(gemeente.status).toBe(403);
    expect(JSON.parse(gemeente.tekst).errors[0].extensions.code).toBe('FORBIDDEN');
  });
});

describe('Iv3 als CSV en Excel', () => {
  it('de platte tweeling opent en geeft dezelfde cellen en bedragen als de iv3-JSON', async () => {
    const { json } = await iv3Json({ jaar: 2026, kwartaal: 2 });
    const csv = await exportCsv(basis, 'iv3.csv', { jaar: 2026, kwartaal: 2 }, controller);
    expect(csv.status).toBe(200);
    const rijen = rijenVan(csv.tekst);
    expect(Object.keys(rijen[0])).toEqual(['Boekjaar', 'Periode', 'Sectie', 'Taakveld', 'Categorie', 'Bedrag']);
    expect(Object.fromEntries(rijen.map((r) => [`${r.Sectie} ${r.Taakveld} ${r.Categorie}`, r.Bedrag]))).toEqual(alsTekst(cellenUitJson(json)));
    expect(rijen.every((r) => r.Boekjaar === '2026' && r.Periode === '2')).toBe(true);

    const { status, boek } = await exportXlsx(basis, 'iv3.xlsx', { jaar: 2026, kwartaal: 2 }, controller);
    expect(status).toBe(200);
    const blad = boek!.worksheets[0];
    expect(blad.rowCount - 1).toBe(rijen.length);
    const bedragen = Array.from({ length: rijen.length }, (_, i) => blad.getRow(i + 2).getCell(6));
    expect(bedragen.every((c) => c.type === ExcelJS.ValueType.Number)).toBe(true);
    expect(bedragen.map((c) => new Decimal(String(c.value)).toFixed(2))).toEqual(rijen.map((r) => r.Bedrag));
  });
});
