import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maakApiToken } from '../src/api-token/api-token.service.js';
import { Rol } from '../src/auth/identity.js';
import { EURO_FORMAAT, TEKST_FORMAAT } from '../src/core/spreadsheet-sjabloon.js';
import { BegrotingenImporterenDocument, VerdeelsleutelsImporterenDocument, VerdeelsleutelsSjabloonDocument } from './generated/graphql.js';
import { importRoutes, rijenVan, werkmapVan } from './helpers/excel.js';
import { ALS } from './helpers/identities.js';
import { NU } from './helpers/scenario.js';
import { startTestHub, type TestHub } from './helpers/test-hub.js';

// The MGR-bureau's spreadsheets: budget versions and allocation keys, each with a template per year,
// a dry run that checks everything and writes nothing, an all-or-nothing import, and every problem at
// once with its sheet, row and column.

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let t: TestHub;
let basis: string;
let beheerder = '';

beforeAll(async () => {
  t = await startTestHub({ now: NU });
  basis = (await t.listen()).replace('/graphql', '');
  beheerder = (await maakApiToken(t.orm.em.fork(), { naam: 'mgr-bureau', rol: Rol.BEHEERDER }, 'test')).geheim;
});
afterAll(() => t.close());

const { haal, post } = importRoutes(() => basis, () => beheerder);

/** A workbook with one sheet of rows, as someone builds it in Excel. */
async function werkmap(blad: string, rijen: unknown[][]): Promise<Buffer> {
  const boek = new ExcelJS.Workbook();
  const ws = boek.addWorksheet(blad);
  for (const rij of rijen) ws.addRow(rij);
  return Buffer.from(await boek.xlsx.writeBuffer());
}

/** Everything these imports could change. */
const databaseStand = async () => ({
  begroting: await t.sql('select * from begroting order by id'),
  sleutels: await t.sql('select s.*, e.gemeente_id, e.eenheden, e.bron from verdeelsleutel s join verdeelsleutel_eenheid e on e.verdeelsleutel_id = s.id order by s.id, e.gemeente_id'),
  audit: await t.sql('select count(*)::int as n from audit_log'),
});

const BEGROTING_KOP = ['Module', 'Modulenaam', 'Jaar', 'Soort', 'Volgnummer', 'Lasten', 'Baten', 'Vastgesteld op', 'Omschrijving', 'Lasten t+1', 'Baten t+1', 'Lasten t+2', 'Baten t+2', 'Lasten t+3', 'Baten t+3'];

describe('Begrotingsversies importeren', () => {
  it('het sjabloon van een jaar bevat de versies van de hub met echte bedragen, datums en keuzelijsten', async () => {
    const antwoord = await haal('/import/begrotingen/sjabloon.xlsx?jaar=2026');
    expect(antwoord.status).toBe(200);
    expect(antwoord.headers.get('content-type')).toContain(XLSX);
    const boek = await werkmapVan(await antwoord.arrayBuffer());
    const blad = boek.getWorksheet('Begrotingsversies')!;
    const rijen = rijenVan(blad);
    expect(rijen[0]).toEqual(BEGROTING_KOP);
    const inHub = await t.sql<{ n: number }>(`select count(*)::int as n from begroting where jaar = 2026`);
    expect(rijen).toHaveLength(inHub[0].n + 1);
    const wgsw = rijen.find((r) => r[0] === 'WGSW' && r[3] === 'WIJZIGING')!;
    expect(wgsw.slice(2, 8)).toEqual([2026, 'WIJZIGING', 1, 56507950.98, 847619.26, new Date('2026-07-02T00:00:00Z')]);
    const rij = rijen.indexOf(wgsw) + 1;
    expect(blad.getCell(rij, 6).numFmt).toBe(EURO_FORMAAT);
    expect(blad.getCell(rij, 1).numFmt).toBe(TEKST_FORMAAT);
    expect(blad.getCell(rij, 4).dataValidation).toMatchObject({ type: 'list', formulae: ['"PRIMITIEF,WIJZIGING"'] });
    expect(boek.getWorksheet('Over dit bestand')).toBeDefined();

    // Only the beheerder gets it.
    const controller = (await maakApiToken(t.orm.em.fork(), { naam: 'controller', rol: Rol.CONTROLLER }, 'test')).geheim;
    expect((await haal('/import/begrotingen/sjabloon.xlsx?jaar=2026', controller)).status).toBe(403);
    expect((await haal('/import/begrotingen/sjabloon.xlsx?jaar=twee')).status).toBe(400);
  });

  it('proefdraai toont wat er verandert zonder te schrijven; de import legt nieuwe versies vast; nogmaals uploaden verandert niets', async () => {
    const boek = await werkmapVan(await (await haal('/import/begrotingen/sjabloon.xlsx?jaar=2026')).arrayBuffer());
    const blad = boek.getWorksheet('Begrotingsversies')!;
    const bestaand = rijenVan(blad).length - 1;
    // Typed below the versions, as in Excel: a new amendment without a number (it gets the next one), with
    // a decimal comma as text and a Dutch date; and next year's budget with Excel numbers and an Excel date.
    blad.getRow(bestaand + 2).values = ['wgsw', null, 2026, 'Wijziging', null, '57000000,12', 850000, '20-11-2026', 'Tweede begrotingswijziging 2026 WGSW'];
    blad.getRow(bestaand + 3).values = ['WGSW', null, '2027', 'PRIMITIEF', null, 58000000.5, 870000, new Date('2026-07-01T00:00:00Z'), 'Primitieve begroting 2027 WGSW', 59000000, 880000, '60000000,00', 890000, 61000000, 900000];
    const bestand = Buffer.from(await boek.xlsx.writeBuffer());

    const voor = await databaseStand();
    const proef = await t.execute(BegrotingenImporterenDocument, { bestand: bestand.toString('base64'), proefdraai: true }, ALS.beheerder);
    expect(proef.errors).toBeUndefined();
    const nieuw = [
      { rij: bestaand + 2, module: 'WGSW', jaar: 2026, soort: 'WIJZIGING', volgnummer: 2, lasten: '57000000.12', baten: '850000.00', vastgesteldOp: '2026-11-20', omschrijving: 'Tweede begrotingswijziging 2026 WGSW', wijziging: 'NIEUW' },
      { rij: bestaand + 3, module: 'WGSW', jaar: 2027, soort: 'PRIMITIEF', volgnummer: 0, lasten: '58000000.50', baten: '870000.00', vastgesteldOp: '2026-07-01', omschrijving: 'Primitieve begroting 2027 WGSW', wijziging: 'NIEUW' },
    ];
    expect(proef.data!.begrotingenImporteren).toMatchObject({ proefdraai: true, nieuw: 2, gelijk: bestaand });
    expect(proef.data!.begrotingenImporteren.versies.filter((v) => v.wijziging === 'NIEUW')).toEqual(nieuw);
    expect(await databaseStand()).toEqual(voor);

    const echt = await post('/import/begrotingen.xlsx', bestand);
    expect(echt.status).toBe(200);
    const { data } = (await echt.json()) as { data: { begrotingenImporteren: { proefdraai: boolean; nieuw: number; versies: unknown[] } } };
    expect(data.begrotingenImporteren).toMatchObject({ proefdraai: false, nieuw: 2 });
    expect(data.begrotingenImporteren.versies).toEqual(proef.data!.begrotingenImporteren.versies);
    expect(
      await t.sql(`select b.jaar, b.soort, b.volgnummer, b.lasten::text, b.vastgesteld_op::text from begroting b join module m on m.id = b.module_id
                   where m.code = 'WGSW' and b.id > ? order by b.id`, [Math.max(...voor.begroting.map((b) => (b as { id: number }).id))]),
    ).toEqual([
      { jaar: 2026, soort: 'WIJZIGING', volgnummer: 2, lasten: '57000000.12', vastgesteld_op: '2026-11-20' },
      { jaar: 2027, soort: 'PRIMITIEF', volgnummer: 0, lasten: '58000000.50', vastgesteld_op: '2026-07-01' },
    ]);
    expect(await t.sql(`select count(*)::int as n from audit_log where actie = 'BEGROTING_VASTGELEGD'`)).toEqual([{ n: 2 }]);
    // The meerjarenraming of the new budget came along.
    expect(
      await t.sql(`select r.jaar, r.lasten::text, r.baten::text from begroting_raming r join begroting b on b.id = r.begroting_id join module m on m.id = b.module_id
                   where m.code = 'WGSW' and b.jaar = 2027 order by r.jaar`),
    ).toEqual([
      { jaar: 2028, lasten: '59000000.00', baten: '880000.00' },
      { jaar: 2029, lasten: '60000000.00', baten: '890000.00' },
      { jaar: 2030, lasten: '61000000.00', baten: '900000.00' },
    ]);

    const nogmaals = await t.execute(BegrotingenImporterenDocument, { bestand: bestand.toString('base64') }, ALS.beheerder);
    expect(nogmaals.data!.begrotingenImporteren).toMatchObject({ nieuw: 0, gelijk: bestaand + 2 });
  });

  it('meldt alle problemen tegelijk met blad, rij en kolom (ook die van de regels van begrotingVastleggen) en schrijft dan niets', async () => {
    const bestand = await werkmap('Begrotingsversies', [
      ['Module', 'Jaar', 'Soort', 'Lasten', 'Baten', 'Vastgesteld op', 'Omschrijving'],
      ['XYZ', 2027, 'PRIMITIEF', 1, 0, '2026-07-01', 'Onbekende module'],
      ['WSP', 2027, 'Jaarrekening', 1, 0, '2026-07-01', 'Geen begroting'],
      ['WSP', 2027, 'PRIMITIEF', '12,345', 0, '31-02-2026', '=HYPERLINK("http://x.invalid")'],
      ['WSP', 2027, 'PRIMITIEF', 2500000, 430000, '2027-01-05', 'Te vroeg vastgelegd'],
      ['WSP', 2025, 'WIJZIGING', 2400000, 410000, '2025-12-01', 'Jaar is afgesloten'],
      ['RBL', 2027, 'PRIMITIEF', 4500000, 1170000, '2026-07-01', 'Goed, maar de rest niet'],
    ]);
    // A version the hub has under the same number with other figures is not overwritten.
    const conflict = await werkmap('Begrotingsversies', [
      ['Module', 'Jaar', 'Soort', 'Volgnummer', 'Lasten', 'Baten', 'Vastgesteld op', 'Omschrijving'],
      ['RFZ', 2026, 'WIJZIGING', 1, 1, 0, '2026-07-02', 'Begrotingswijziging 1 2026 Regionale Facilitering Zorg (demodata)'],
    ]);
    const voor = await databaseStand();
    const { errors } = await t.execute(BegrotingenImporterenDocument, { bestand: bestand.toString('base64') }, ALS.beheerder);
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0].message).toMatch(/^Het bestand is niet opgeslagen; er is niets gewijzigd\. 7 problemen/);
    const blad = 'Begrotingsversies';
    expect(errors?.[0].extensions?.problemen).toEqual([
      expect.objectContaining({ blad, rij: 2, kolom: 'A', kolomnaam: 'Module', melding: expect.stringContaining('module XYZ is niet bekend') }),
      expect.objectContaining({ blad, rij: 3, kolom: 'C', kolomnaam: 'Soort', melding: expect.stringContaining('een jaarrekening is geen begrotingsversie; leg die vast met jaarrekeningVastleggen') }),
      expect.objectContaining({ blad, rij: 4, kolom: 'D', kolomnaam: 'Lasten', melding: '12.345 heeft meer dan twee decimalen; een bedrag is in hele centen' }),
      expect.objectContaining({ blad, rij: 4, kolom: 'F', kolomnaam: 'Vastgesteld op', melding: 'geen datum: "31-02-2026"; schrijf bijvoorbeeld 2026-07-03 of 3-7-2026' }),
      expect.objectContaining({ blad, rij: 4, kolom: 'G', kolomnaam: 'Omschrijving', melding: expect.stringContaining('mag niet beginnen met =') }),
      expect.objectContaining({ blad, rij: 5, kolom: 'F', kolomnaam: 'Vastgesteld op', melding: expect.stringContaining('de vaststellingsdatum 2027-01-05 ligt in de toekomst') }),
      expect.objectContaining({ blad, rij: 6, kolom: 'B', kolomnaam: 'Jaar', melding: expect.stringMatching(/2025.*afgesloten/) }),
    ]);
    expect(await databaseStand()).toEqual(voor);

    const tweede = await t.execute(BegrotingenImporterenDocument, { bestand: conflict.toString('base64'), proefdraai: true }, ALS.beheerder);
    expect(tweede.errors?.[0].extensions?.problemen).toEqual([
      {
        blad,
        rij: 2,
        kolom: 'E',
        kolomnaam: 'Lasten',
        melding:
          'begrotingswijziging 1 2026 van RFZ bestaat al met andere gegevens (lasten € 962762.47 in de hub; een andere meerjarenraming in de hub); versies worden niet overschreven: leg een nieuwe begrotingswijziging vast',
      },
    ]);
    expect(await databaseStand()).toEqual(voor);
  });
});

describe('Verdeelsleutels importeren', () => {
  const sjabloon = async (jaar: number) => {
    const { data, errors } = await t.execute(VerdeelsleutelsSjabloonDocument, { jaar }, ALS.beheerder);
    expect(errors).toBeUndefined();
    return werkmapVan(Buffer.from(data!.verdeelsleutelsSjabloon, 'base64'));
  };
  const importeer = async (boek: ExcelJS.Workbook | Buffer, proefdraai = false) => {
    const bytes = Buffer.isBuffer(boek) ? boek : Buffer.from(await boek.xlsx.writeBuffer());
    return t.execute(VerdeelsleutelsImporterenDocument, { bestand: bytes.toString('base64'), proefdraai }, ALS.beheerder);
  };
  const KOP = ['Module', 'Jaar', 'Grondslag', 'Omschrijving', 'CBS-code', 'Gemeente', 'Eenheden', 'Bron', 'Vorig jaar'];

  it('het sjabloon voor een nieuw jaar biedt per module de deelnemers met de grondslag en eenheden van vorig jaar; alleen ingevulde sleutels worden vastgelegd', async () => {
    const boek = await sjabloon(2027);
    const blad = boek.getWorksheet('Verdeelsleutels')!;
    const rijen = rijenVan(blad);
    expect(rijen[0]).toEqual(KOP);
    const wgsw = rijen.filter((r) => r[0] === 'WGSW');
    expect(wgsw).toHaveLength(9);
    expect(wgsw[0]).toEqual(['WGSW', 2027, 'SW_ARBEIDSJAREN', 'Verdeling Werkgeverschap SW 2026 naar sw arbeidsjaren (demodata)', 'GM0202', 'Arnhem', null, null, 581.2]);
    expect(blad.getCell(2, 3).dataValidation).toMatchObject({ type: 'list' });

    // The beheerder fills in WGSW's units for 2027 (last year's + 1) and leaves the other modules empty.
    const voor = await databaseStand();
    blad.eachRow((rij, nummer) => {
      if (nummer === 1 || rij.getCell(1).value !== 'WGSW') return;
      rij.getCell(4).value = 'Verdeling WGSW 2027 naar SW-arbeidsjaren';
      rij.getCell(7).value = Number(rij.getCell(9).value) + 1;
      rij.getCell(8).value = 'Scalabor, 1 januari 2027';
    });
    const proef = await importeer(boek, true);
    expect(proef.errors).toBeUndefined();
    const uitkomst = proef.data!.verdeelsleutelsImporteren;
    expect(uitkomst).toMatchObject({ proefdraai: true, nieuw: 1, gewijzigd: 0, gelijk: 0 });
    expect(uitkomst.overgeslagen.length).toBe(new Set(rijen.slice(1).map((r) => r[0])).size - 1);
    expect(uitkomst.sleutels[0]).toMatchObject({ module: 'WGSW', jaar: 2027, grondslag: 'SW_ARBEIDSJAREN', oudeGrondslag: null, wijziging: 'NIEUW' });
    expect(uitkomst.sleutels[0].eenheden[0]).toEqual({ rij: 2 + rijen.slice(1).findIndex((r) => r[0] === 'WGSW'), cbsCode: 'GM0202', gemeente: 'Arnhem', oud: null, nieuw: '582.2', bron: 'Scalabor, 1 januari 2027' });
    expect(await databaseStand()).toEqual(voor);

    const echt = await importeer(boek);
    expect(echt.data!.verdeelsleutelsImporteren).toMatchObject({ proefdraai: false, nieuw: 1 });
    expect(
      await t.sql(`select g.cbs_code, trim_scale(e.eenheden)::text as eenheden from verdeelsleutel s join module m on m.id = s.module_id
                   join verdeelsleutel_eenheid e on e.verdeelsleutel_id = s.id join gemeente g on g.id = e.gemeente_id
                   where m.code = 'WGSW' and s.jaar = 2027 and g.cbs_code in ('GM0202', 'GM0277') order by 1`),
    ).toEqual([
      { cbs_code: 'GM0202', eenheden: '582.2' },
      { cbs_code: 'GM0277', eenheden: '3.8' },
    ]);
    expect(await t.sql(`select count(*)::int as n from audit_log where actie = 'VERDEELSLEUTEL_VASTGELEGD'`)).toEqual([{ n: 1 }]);
  });

  it('een gewijzigde sleutel vervangt de oude (oud en nieuw per gemeente); ongewijzigde sleutels blijven ongemoeid', async () => {
    const boek = await sjabloon(2026);
    const blad = boek.getWorksheet('Verdeelsleutels')!;
    const rijen = rijenVan(blad);
    const [{ n: sleutels }] = await t.sql<{ n: number }>('select count(*)::int as n from verdeelsleutel where jaar = 2026');
    const zonderSleutel = [...new Set(rijen.slice(1).filter((r) => (r[6] ?? null) === null).map((r) => r[0]))];
    expect(zonderSleutel.length).toBeGreaterThan(0);
    const rij = 1 + rijen.findIndex((r) => r[0] === 'RBL' && r[4] === 'GM0202');
    const oud = String(blad.getCell(rij, 7).value);
    blad.getCell(rij, 7).value = '12345,5';
    const uitkomst = (await importeer(boek)).data!.verdeelsleutelsImporteren;
    expect(uitkomst).toMatchObject({ nieuw: 0, gewijzigd: 1, gelijk: sleutels - 1 });
    // A module that participates without a key for the year is offered with empty units, and skipped.
    expect(uitkomst.overgeslagen.map((o) => o.split(' ')[0])).toEqual(zonderSleutel);
    const rbl = uitkomst.sleutels.find((s) => s.module === 'RBL')!;
    expect(rbl).toMatchObject({ wijziging: 'GEWIJZIGD', grondslag: 'LEERLINGEN', oudeGrondslag: 'LEERLINGEN' });
    expect(rbl.eenheden.find((e) => e.cbsCode === 'GM0202')).toMatchObject({ rij, oud, nieuw: '12345.5' });
    expect(rbl.eenheden.filter((e) => e.oud !== e.nieuw)).toHaveLength(1);
  });

  it('meldt alle problemen tegelijk (ook som van percentages en afgesloten jaar) en schrijft dan niets; CSV over HTTP met proefdraai', async () => {
    const bestand = await werkmap('Verdeelsleutels', [
      ['Module', 'Jaar', 'Grondslag', 'Omschrijving', 'Gemeente', 'Eenheden', 'Bron'],
      ['INBURGERING', 2027, 'Vaste percentages', 'Percentages 2027', 'Arnhem', 60, 'AB-besluit'],
      ['INBURGERING', 2027, null, null, 'Duiven', 30, 'AB-besluit'],
      ['WSP', 2025, 'INWONERS', 'Andere sleutel 2025', 'GM0202', 1, 'CBS'],
      ['RBL', 2027, 'Per hoofd', 'Onbekende grondslag', 'Amsterdam', -3, 'CBS'],
      ['WGSW', 2028, 'SW_ARBEIDSJAREN', 'Deels ingevuld', 'GM0202', 10, 'Scalabor'],
      ['WGSW', 2028, 'INWONERS', 'Deels ingevuld', 'Arnhem', null, 'Scalabor'],
      ['WGSW', 2028, null, null, 'GM0221', null, null],
    ]);
    const voor = await databaseStand();
    const { errors } = await importeer(bestand);
    const blad = 'Verdeelsleutels';
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0].extensions?.problemen).toEqual([
      expect.objectContaining({ blad, rij: 2, kolom: 'F', kolomnaam: 'Eenheden', melding: 'verdeelsleutel INBURGERING 2027: de percentages tellen op tot 90 in plaats van 100' }),
      expect.objectContaining({ blad, rij: 4, kolom: 'B', kolomnaam: 'Jaar', melding: expect.stringMatching(/2025.*afgesloten/) }),
      expect.objectContaining({ blad, rij: 5, kolom: 'C', kolomnaam: 'Grondslag', melding: expect.stringContaining('grondslag "Per hoofd" bestaat niet') }),
      expect.objectContaining({ blad, rij: 5, kolom: 'E', kolomnaam: 'Gemeente', melding: expect.stringContaining('gemeente "Amsterdam" is niet bekend') }),
      expect.objectContaining({ blad, rij: 5, kolom: 'F', kolomnaam: 'Eenheden', melding: '-3 is negatief; eenheden zijn 0 of meer' }),
      expect.objectContaining({ blad, rij: 7, kolom: 'C', kolomnaam: 'Grondslag', melding: 'WGSW 2028 heeft in rij 6 grondslag SW_ARBEIDSJAREN; een sleutel heeft één grondslag' }),
      expect.objectContaining({ blad, rij: 7, kolom: 'E', kolomnaam: 'Gemeente', melding: 'Arnhem staat ook in rij 6 van WGSW 2028' }),
      expect.objectContaining({ blad, rij: 8, kolom: 'F', kolomnaam: 'Eenheden', melding: expect.stringContaining('de eenheden van Doesburg ontbreken') }),
      expect.objectContaining({ blad, rij: 8, kolom: 'G', kolomnaam: 'Bron', melding: expect.stringContaining('de bron ontbreekt') }),
    ]);
    expect(await databaseStand()).toEqual(voor);

    const csv = ['Module;Jaar;Grondslag;Omschrijving;CBS-code;Eenheden;Bron', 'RFZ;2027;Gelijke delen;Gelijke delen 2027;GM0202;1;AB-besluit', 'RFZ;2027;Gelijke delen;Gelijke delen 2027;gm0221;1;AB-besluit'].join('\r\n');
    const proef = await post('/import/verdeelsleutels.csv?proefdraai=ja', csv, 'csv');
    expect(proef.status).toBe(200);
    const { data } = (await proef.json()) as { data: { verdeelsleutelsImporteren: { proefdraai: boolean; nieuw: number; sleutels: Array<{ eenheden: Array<{ cbsCode: string; rij: number }> }> } } };
    expect(data.verdeelsleutelsImporteren).toMatchObject({ proefdraai: true, nieuw: 1 });
    expect(data.verdeelsleutelsImporteren.sleutels[0].eenheden.map((e) => [e.cbsCode, e.rij])).toEqual([['GM0202', 2], ['GM0221', 3]]);
    expect(await databaseStand()).toEqual(voor);
  });
});
