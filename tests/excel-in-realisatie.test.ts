import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maakApiToken } from '../src/api-token/api-token.service.js';
import { Rol } from '../src/auth/identity.js';
import { EURO_FORMAAT, TEKST_FORMAAT } from '../src/core/spreadsheet-sjabloon.js';
import { RealisatieImporterenDocument, RealisatieSjabloonDocument } from './generated/graphql.js';
import { importRoutes, rijenVan, werkmapVan } from './helpers/excel.js';
import { ALS } from './helpers/identities.js';
import { NU } from './helpers/scenario.js';
import { startTestHub, type TestHub } from './helpers/test-hub.js';

// The quarterly realisation as a spreadsheet: a template per module and quarter, a dry run that checks
// everything and writes nothing, an all-or-nothing import through the rules of realisatieVastleggen,
// every problem at its sheet, row and column, and the same file twice changes nothing. The demo region
// has realised figures for 2026 quarters 1–3 (src/demo/demo-realisatie.ts); the clock is November 2026.

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

const token = async (rol: Rol, modules: string[] = []) => (await maakApiToken(t.orm.em.fork(), { naam: `${rol}-${modules.join('-')}`, rol, modules }, 'test')).geheim;
const { haal, post } = importRoutes(() => basis, () => beheerder);

const sjabloon = async (module: string, jaar: number, kwartaal: number, als = ALS.beheerder) => {
  const { data, errors } = await t.execute(RealisatieSjabloonDocument, { module, jaar, kwartaal }, als);
  expect(errors).toBeUndefined();
  return werkmapVan(Buffer.from(data!.realisatieSjabloon, 'base64'));
};
const bytes = async (boek: ExcelJS.Workbook) => Buffer.from(await boek.xlsx.writeBuffer());
const importeer = async (boek: ExcelJS.Workbook | Buffer, proefdraai = false, als = ALS.beheerder) =>
  t.execute(RealisatieImporterenDocument, { bestand: (Buffer.isBuffer(boek) ? boek : await bytes(boek)).toString('base64'), proefdraai }, als);

/** Everything the import could change. */
const databaseStand = async () => ({
  realisatie: await t.sql('select module_id, jaar, kwartaal, taakveld, categorie, kant, bedrag::text from realisatie order by module_id, jaar, kwartaal, kant, taakveld, categorie'),
  prognose: await t.sql('select module_id, jaar, kwartaal, lasten::text, baten::text, toelichting from realisatie_prognose order by module_id, jaar, kwartaal'),
  audit: await t.sql('select count(*)::int as n from audit_log'),
});

const cellen = (module: string, jaar: number, kwartaal: number) =>
  t.sql<{ taakveld: string; categorie: string; kant: string; bedrag: string }>(
    `select r.taakveld, r.categorie, r.kant, r.bedrag::text as bedrag from realisatie r join module m on m.id = r.module_id
     where m.code = ? and r.jaar = ? and r.kwartaal = ? order by r.kant, r.taakveld, r.categorie`,
    [module, jaar, kwartaal],
  );

const KOP = ['Module', 'Jaar', 'Kwartaal', 'Taakveld', 'Taakveldnaam', 'Categorie', 'Categorienaam', 'Kant', 'Bedrag', 'Vorig kwartaal'];

describe('het sjabloon van de realisatie', () => {
  it('heeft de cellen van de module met de bedragen van het kwartaal, het vorige kwartaal grijs, euro-opmaak, keuzelijst Kant en het prognoseblok', async () => {
    const antwoord = await haal('/import/realisatie/sjabloon.xlsx?module=wgsw&jaar=2026&kwartaal=3');
    expect(antwoord.status).toBe(200);
    expect(antwoord.headers.get('content-type')).toContain(XLSX);
    expect(antwoord.headers.get('content-disposition')).toContain('realisatie-WGSW-2026-K3.xlsx');
    const boek = await werkmapVan(await antwoord.arrayBuffer());
    expect(boek.worksheets.map((b) => b.name)).toEqual(['Realisatie', 'Prognose', 'Over dit bestand']);
    const blad = boek.getWorksheet('Realisatie')!;
    const rijen = rijenVan(blad);
    expect(rijen[0]).toEqual(KOP);
    const q3 = await cellen('WGSW', 2026, 3);
    const q2 = await cellen('WGSW', 2026, 2);
    // Lasten first, then by taakveld and categorie; the amounts are the hub's, as Excel numbers.
    expect(rijen.slice(1).map((r) => [r[3], r[5], r[7]])).toEqual([
      ['6.4', '1.1', 'LASTEN'],
      ['6.4', '3.8', 'LASTEN'],
      ['6.4', '3.5.2', 'BATEN'],
      ['6.4', '4.3.2', 'BATEN'],
    ]);
    for (const rij of rijen.slice(1)) {
      const zoek = (lijst: typeof q3) => Number(lijst.find((c) => c.categorie === rij[5] && c.kant === rij[7])!.bedrag);
      expect(rij.slice(0, 3)).toEqual(['WGSW', 2026, 3]);
      expect([rij[8], rij[9]]).toEqual([zoek(q3), zoek(q2)]);
    }
    expect(rijen[1][4]).toBe('WSW en beschut werk');
    expect(rijen[1][6]).toBe('Salarissen en sociale lasten');
    expect(blad.getCell(2, 9).numFmt).toBe(EURO_FORMAAT);
    expect(blad.getCell(2, 10).numFmt).toBe(EURO_FORMAAT);
    expect(blad.getCell(2, 4).numFmt).toBe(TEKST_FORMAAT);
    expect(blad.getCell(2, 10).fill).toMatchObject({ type: 'pattern', fgColor: { argb: 'FFE7E6E6' } });
    expect(blad.getCell(2, 8).dataValidation).toMatchObject({ type: 'list', formulae: ['"LASTEN,BATEN"'] });
    // Rows people add get the list too.
    expect(blad.getCell(50, 8).dataValidation).toMatchObject({ type: 'list' });

    const [prognose] = await t.sql<{ lasten: string; baten: string; toelichting: string }>(
      `select p.lasten::text, p.baten::text, p.toelichting from realisatie_prognose p join module m on m.id = p.module_id where m.code = 'WGSW' and p.jaar = 2026 and p.kwartaal = 3`,
    );
    const prognoseBlad = boek.getWorksheet('Prognose')!;
    expect(rijenVan(prognoseBlad)).toEqual([
      ['Module', 'Jaar', 'Kwartaal', 'Lasten', 'Baten', 'Toelichting'],
      ['WGSW', 2026, 3, Number(prognose.lasten), Number(prognose.baten), prognose.toelichting],
    ]);
    expect(prognoseBlad.getCell(2, 4).numFmt).toBe(EURO_FORMAAT);
  });

  it('zonder eerdere cijfers: het eigen taakveld met de gebruikelijke categorieën en lege bedragen; alleen beheerder en de eigen modulemanager', async () => {
    const boek = await sjabloon('WGSW', 2027, 1, ALS.modulemanagerWgsw);
    expect(rijenVan(boek.getWorksheet('Realisatie')!).slice(1)).toEqual([
      ['WGSW', 2027, 1, '6.4', 'WSW en beschut werk', '1.1', 'Salarissen en sociale lasten', 'LASTEN'],
      ['WGSW', 2027, 1, '6.4', 'WSW en beschut werk', '3.8', 'Overige goederen en diensten', 'LASTEN'],
      ['WGSW', 2027, 1, '6.4', 'WSW en beschut werk', '3.8', 'Overige goederen en diensten', 'BATEN'],
      ['WGSW', 2027, 1, '6.4', 'WSW en beschut werk', '4.3.2', 'Inkomensoverdrachten - gemeenten', 'BATEN'],
    ]);
    expect((await haal('/import/realisatie/sjabloon.xlsx?module=WGSW&jaar=2026&kwartaal=3', await token(Rol.MODULEMANAGER, ['RBL']))).status).toBe(403);
    expect((await haal('/import/realisatie/sjabloon.xlsx?module=WGSW&jaar=2026&kwartaal=3', await token(Rol.CONTROLLER))).status).toBe(403);
    expect((await haal('/import/realisatie/sjabloon.xlsx?module=WGSW&jaar=2026')).status).toBe(400);
    expect((await haal('/import/realisatie/sjabloon.xlsx?module=XYZ&jaar=2026&kwartaal=3')).status).toBe(404);
    const { errors } = await t.execute(RealisatieSjabloonDocument, { module: 'WGSW', jaar: 2026, kwartaal: 5 }, ALS.beheerder);
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('de realisatie importeren', () => {
  it('proefdraai verandert niets; de import vervangt de kwartalen van het bestand; nogmaals uploaden is GELIJK', async () => {
    // The module manager of WGSW takes the Q3 template, corrects an amount, adds a cell, gives a new
    // forecast, and adds Q4 below (several quarters in one file).
    const boek = await sjabloon('WGSW', 2026, 3, ALS.modulemanagerWgsw);
    const blad = boek.getWorksheet('Realisatie')!;
    const rijen = rijenVan(blad);
    blad.getCell(2, 9).value = '12345678,90'; // 1.1 lasten, as text with a decimal comma
    blad.getRow(rijen.length + 1).values = ['WGSW', 2026, 3, '6.4', null, '3.5.1', null, 'lasten', 1000.5];
    blad.getRow(rijen.length + 2).values = ['WGSW', 2026, 'K4', '6.4', null, '1.1', null, 'LASTEN', 4000000];
    blad.getRow(rijen.length + 3).values = ['WGSW', 2026, 4, '6.4', null, '4.3.2', null, 'BATEN', '3900000'];
    blad.getRow(rijen.length + 4).values = ['WGSW', 2026, 4, '6.4', null, '3.8', null, 'BATEN', null]; // empty amount: no cell
    const prognose = boek.getWorksheet('Prognose')!;
    prognose.getRow(2).values = ['WGSW', 2026, 3, 57000000, '850000,00', '- minder uitstroom dan begroot (demodata)'];
    prognose.getRow(3).values = ['WGSW', 2026, 4, 57100000, 850000, null];
    const bestand = await bytes(boek);

    const q3 = await cellen('WGSW', 2026, 3);
    const oudLasten = q3.filter((c) => c.kant === 'LASTEN').reduce((s, c) => s + Math.round(Number(c.bedrag) * 100), 0);
    const voor = await databaseStand();
    const proef = await importeer(bestand, true, ALS.modulemanagerWgsw);
    expect(proef.errors).toBeUndefined();
    const uitkomst = proef.data!.realisatieImporteren;
    expect(uitkomst).toMatchObject({ proefdraai: true, nieuw: 1, gewijzigd: 1, gelijk: 0 });
    const [k3, k4] = uitkomst.kwartalen;
    const lasten3 = (1234567890 + 100050 + Math.round(Number(q3.find((c) => c.categorie === '3.8' && c.kant === 'LASTEN')!.bedrag) * 100)) / 100;
    expect(k3).toMatchObject({ module: 'WGSW', jaar: 2026, kwartaal: 3, regels: 5, wijziging: 'GEWIJZIGD', lasten: lasten3.toFixed(2), oudeLasten: (oudLasten / 100).toFixed(2) });
    expect(k3).toMatchObject({ prognoseLasten: '57000000.00', prognoseBaten: '850000.00', prognoseUitBestand: true });
    expect(k4).toEqual({
      module: 'WGSW',
      jaar: 2026,
      kwartaal: 4,
      rijen: [rijen.length + 2, rijen.length + 3],
      regels: 2,
      lasten: '4000000.00',
      baten: '3900000.00',
      oudeLasten: null,
      oudeBaten: null,
      prognoseLasten: '57100000.00',
      prognoseBaten: '850000.00',
      prognoseUitBestand: true,
      wijziging: 'NIEUW',
    });
    expect(uitkomst.totaalLasten).toBe((lasten3 + 4000000).toFixed(2));
    // The dry run did the import and rolled it back: not one row of any table it touches changed.
    expect(await databaseStand()).toEqual(voor);

    const echt = await importeer(bestand, false, ALS.modulemanagerWgsw);
    expect(echt.errors).toBeUndefined();
    expect(echt.data!.realisatieImporteren).toEqual({ ...uitkomst, proefdraai: false });
    expect(await cellen('WGSW', 2026, 4)).toEqual([
      { taakveld: '6.4', categorie: '4.3.2', kant: 'BATEN', bedrag: '3900000.00' },
      { taakveld: '6.4', categorie: '1.1', kant: 'LASTEN', bedrag: '4000000.00' },
    ]);
    expect((await cellen('WGSW', 2026, 3)).find((c) => c.categorie === '1.1')!.bedrag).toBe('12345678.90');
    expect(
      await t.sql(`select p.lasten::text, p.toelichting from realisatie_prognose p join module m on m.id = p.module_id where m.code = 'WGSW' and p.jaar = 2026 and p.kwartaal = 3`),
    ).toEqual([{ lasten: '57000000.00', toelichting: '- minder uitstroom dan begroot (demodata)' }]);
    // One audit line per quarter, by the module manager, through realisatieVastleggen's own audit.
    expect(await t.sql(`select entiteit_id, wie from audit_log where actie = 'REALISATIE_VASTGELEGD' order by id`)).toEqual([
      { entiteit_id: 'WGSW/2026/3', wie: expect.stringContaining('manager-wgsw') },
      { entiteit_id: 'WGSW/2026/4', wie: expect.stringContaining('manager-wgsw') },
    ]);

    const na = await databaseStand();
    const nogmaals = await importeer(bestand, false, ALS.modulemanagerWgsw);
    expect(nogmaals.data!.realisatieImporteren).toMatchObject({ nieuw: 0, gewijzigd: 0, gelijk: 2 });
    expect(nogmaals.data!.realisatieImporteren.kwartalen.map((k) => k.wijziging)).toEqual(['GELIJK', 'GELIJK']);
    expect(await databaseStand()).toEqual(na);

    // An untouched template of another quarter is GELIJK too.
    const q2 = await importeer(await sjabloon('WGSW', 2026, 2), false);
    expect(q2.data!.realisatieImporteren).toMatchObject({ nieuw: 0, gewijzigd: 0, gelijk: 1 });
    expect(await databaseStand()).toEqual(na);
  });

  it('meldt alle problemen tegelijk met blad, rij en kolom, ook de regels van realisatieVastleggen, en schrijft dan niets', async () => {
    const boek = new ExcelJS.Workbook();
    const blad = boek.addWorksheet('Realisatie');
    for (const rij of [
      ['Module', 'Jaar', 'Kwartaal', 'Taakveld', 'Categorie', 'Kant', 'Bedrag'],
      ['WGSW', 2026, 4, '6.72', '1.1', 'LASTEN', 10], // 2: taakveld not in the 2026 list
      ['WGSW', 2026, 4, '6.4', '7.1', 'LASTEN', 10], // 3: forbidden combination (grey cell)
      ['WGSW', 2026, 4, '6.4', '3.8', 'LASTEN', '12,345'], // 4: three decimals
      ['WGSW', 2026, 4, '6.4', '=1+1', 'LASTEN', 5], // 5: formula text
      ['WGSW', 2026, 4, 0.1, '7.1', 'LASTEN', 5], // 6: Excel's number 0,1: 0.1 or 0.10?
      ['WGSW', 2026, 4, '6.4', '1.1', 'opbrengst', 5], // 7: no kant
      ['WGSW', 2027, 1, '6.4', '1.1', 'LASTEN', 5], // 8: quarter not begun
      ['WGSW', 2025, 2, '6.4', '1.1', 'LASTEN', 5], // 9: closed year
      ['XYZ', 2026, 4, '6.4', '1.1', 'LASTEN', 5], // 10: unknown module
    ]) {
      blad.addRow(rij);
    }
    const prognose = boek.addWorksheet('Prognose');
    prognose.addRow(['Module', 'Jaar', 'Kwartaal', 'Lasten', 'Baten', 'Toelichting']);
    prognose.addRow(['WGSW', 2026, 4, 100, 0, '=HYPERLINK("http://x.invalid")']);
    prognose.addRow(['WGSW', 2026, 3, 100, null, null]);
    const voor = await databaseStand();
    const { errors } = await importeer(boek, false, ALS.beheerder);
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0].message).toMatch(/^Het bestand is niet opgeslagen; er is niets gewijzigd\. 11 problemen: Realisatie rij 2, kolom D \(Taakveld\): taakveld 6\.72/);
    const r = 'Realisatie';
    const p = 'Prognose';
    expect(errors?.[0].extensions?.problemen).toEqual([
      { blad: r, rij: 2, kolom: 'D', kolomnaam: 'Taakveld', melding: 'taakveld 6.72 staat in 2026 niet in de BBV-lijst van taakvelden (query taakvelden)' },
      { blad: r, rij: 3, kolom: 'E', kolomnaam: 'Categorie', melding: 'categorie 7.1 (Mutatie reserves) hoort alleen op taakveld 0.10 of 0.11, niet op 6.4' },
      { blad: r, rij: 4, kolom: 'G', kolomnaam: 'Bedrag', melding: '12.345 heeft meer dan twee decimalen; een bedrag is in hele centen' },
      { blad: r, rij: 5, kolom: 'E', kolomnaam: 'Categorie', melding: expect.stringContaining('Categorie mag niet beginnen met =') },
      { blad: r, rij: 6, kolom: 'D', kolomnaam: 'Taakveld', melding: expect.stringContaining('dat kan 0.1 of 0.10 zijn') },
      { blad: r, rij: 7, kolom: 'F', kolomnaam: 'Kant', melding: 'kant "opbrengst" bestaat niet; kies LASTEN of BATEN' },
      { blad: r, rij: 8, kolom: 'C', kolomnaam: 'Kwartaal', melding: expect.stringContaining('Kwartaal 1 van 2027 begint pas op 2027-01-01') },
      { blad: r, rij: 9, kolom: 'B', kolomnaam: 'Jaar', melding: expect.stringMatching(/2025 van WGSW is afgesloten/) },
      { blad: r, rij: 10, kolom: 'A', kolomnaam: 'Module', melding: expect.stringContaining('module XYZ is niet bekend') },
      { blad: p, rij: 2, kolom: 'F', kolomnaam: 'Toelichting', melding: expect.stringContaining('Toelichting mag niet beginnen met =') },
      { blad: p, rij: 3, kolom: 'E', kolomnaam: 'Baten', melding: expect.stringContaining('een prognose heeft lasten en baten') },
    ]);
    expect(await databaseStand()).toEqual(voor);
  });

  it('het blad Prognose: een kopregel zonder Baten, en een prognose voor een kwartaal dat niet op het blad Realisatie staat', async () => {
    const boek = async (prognoseKop: string[], prognoseRij: unknown[]) => {
      const b = new ExcelJS.Workbook();
      b.addWorksheet('Realisatie').addRows([['Module', 'Jaar', 'Kwartaal', 'Taakveld', 'Categorie', 'Kant', 'Bedrag'], ['WGSW', 2026, 4, '6.4', '1.1', 'LASTEN', 10]]);
      b.addWorksheet('Prognose').addRows([prognoseKop, prognoseRij]);
      return b;
    };
    const zonderBaten = await importeer(await boek(['Module', 'Jaar', 'Kwartaal', 'Lasten', 'Toelichting'], ['WGSW', 2026, 4, 100, 'x']), true);
    expect(zonderBaten.errors?.[0].extensions?.problemen).toEqual([{ blad: 'Prognose', rij: 1, kolom: null, kolomnaam: null, melding: 'de kopregel mist de kolom "Baten"' }]);
    const anderKwartaal = await importeer(await boek(['Module', 'Jaar', 'Kwartaal', 'Lasten', 'Baten'], ['WSP', 2026, 4, 100, 0]), true);
    expect(anderKwartaal.errors?.[0].extensions?.problemen).toEqual([
      { blad: 'Prognose', rij: 2, kolom: 'C', kolomnaam: 'Kwartaal', melding: expect.stringContaining('WSP 2026-K4 staat niet op het blad Realisatie') },
    ]);
  });

  it('een modulemanager die cijfers van een andere module uploadt: FORBIDDEN, gemeld bij die rij, en er verandert niets', async () => {
    const csv = ['Module;Jaar;Kwartaal;Taakveld;Categorie;Kant;Bedrag', 'WGSW;2026;4;6.4;1.1;LASTEN;10', 'RBL;2026;4;4.3;1.1;LASTEN;10'].join('\n');
    const voor = await databaseStand();
    const { errors } = await t.execute(RealisatieImporterenDocument, { bestand: Buffer.from(csv).toString('base64'), bestandsnaam: 'kwartaal.csv' }, ALS.modulemanagerWgsw);
    expect(errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(errors?.[0].extensions?.problemen).toEqual([
      { blad: 'kwartaal.csv', rij: 3, kolom: 'A', kolomnaam: 'Module', melding: 'U bent geen modulemanager van RBL en kunt de realisatie van die module niet vastleggen.' },
    ]);
    expect(await databaseStand()).toEqual(voor);
  });

  it('een bestand met meer rijen dan de hub leest wordt geweigerd, niet afgekapt (een kwartaal wordt als geheel vervangen)', async () => {
    const csv = ['Module;Jaar;Kwartaal;Taakveld;Categorie;Kant;Bedrag', ...Array.from({ length: 10_000 }, () => 'WGSW;2026;4;6.4;1.1;LASTEN;1')].join('\n');
    const { errors } = await t.execute(RealisatieImporterenDocument, { bestand: Buffer.from(csv).toString('base64'), bestandsnaam: 'groot.csv', proefdraai: true }, ALS.beheerder);
    expect(errors?.[0].extensions?.problemen).toEqual([{ blad: 'groot.csv', rij: 10_001, kolom: null, kolomnaam: null, melding: 'meer dan 10000 rijen; splits het bestand per module of kwartaal' }]);
  });

  it('CSV over HTTP: proefdraai, dan vastleggen; een CSV zonder prognose laat de prognose van de hub staan', async () => {
    const csv = [
      'Module;Jaar;Kwartaal;Taakveld;Categorie;Kant;Bedrag',
      'WSP;2026;3;6.5;1.1;LASTEN;310000,10',
      'WSP;2026;3;6.5;3.8;LASTEN;120000,05',
      'WSP;2026;3;6.5;4.3.2;BATEN;400000',
    ].join('\r\n');
    const [oud] = await t.sql<{ lasten: string; baten: string }>(
      `select p.lasten::text, p.baten::text from realisatie_prognose p join module m on m.id = p.module_id where m.code = 'WSP' and p.jaar = 2026 and p.kwartaal = 3`,
    );
    const voor = await databaseStand();
    const proef = await post('/import/realisatie.csv?proefdraai=ja', csv, 'csv');
    expect(proef.status).toBe(200);
    const { data } = (await proef.json()) as { data: { realisatieImporteren: { proefdraai: boolean; gewijzigd: number; kwartalen: Array<Record<string, unknown>> } } };
    expect(data.realisatieImporteren).toMatchObject({ proefdraai: true, gewijzigd: 1 });
    expect(data.realisatieImporteren.kwartalen[0]).toMatchObject({
      module: 'WSP',
      rijen: [2, 3, 4],
      lasten: '430000.15',
      baten: '400000.00',
      prognoseUitBestand: false,
      prognoseLasten: oud.lasten,
      prognoseBaten: oud.baten,
      wijziging: 'GEWIJZIGD',
    });
    expect(await databaseStand()).toEqual(voor);

    const echt = await post('/import/realisatie.csv', csv, 'csv', await token(Rol.MODULEMANAGER, ['WSP']));
    expect(echt.status).toBe(200);
    expect(await cellen('WSP', 2026, 3)).toEqual([
      { taakveld: '6.5', categorie: '4.3.2', kant: 'BATEN', bedrag: '400000.00' },
      { taakveld: '6.5', categorie: '1.1', kant: 'LASTEN', bedrag: '310000.10' },
      { taakveld: '6.5', categorie: '3.8', kant: 'LASTEN', bedrag: '120000.05' },
    ]);
    expect(await t.sql(`select p.lasten::text, p.baten::text from realisatie_prognose p join module m on m.id = p.module_id where m.code = 'WSP' and p.jaar = 2026 and p.kwartaal = 3`)).toEqual([oud]);

    // Over HTTP a file with problems is 400 with the problems; a module manager out of scope 403.
    const fout = await post('/import/realisatie.csv', 'Module;Jaar;Kwartaal;Taakveld;Categorie;Kant;Bedrag\nWSP;2026;3;6.5;1.1;LASTEN;-1\n', 'csv');
    expect(fout.status).toBe(400);
    const buiten = await post('/import/realisatie.csv', csv, 'csv', await token(Rol.MODULEMANAGER, ['RBL']));
    expect(buiten.status).toBe(403);
    expect((await post('/import/realisatie.csv', csv, 'csv', await token(Rol.CONTROLLER))).status).toBe(403);
  });
});
