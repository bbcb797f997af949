import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maakApiToken } from '../src/api-token/api-token.service.js';
import { Rol } from '../src/auth/identity.js';
import { InwonersImporterenDocument, KostenoverzichtDocument } from './generated/graphql.js';
import { ALS } from './helpers/identities.js';
import { NU } from './helpers/scenario.js';
import { startTestHub, type TestHub } from './helpers/test-hub.js';

// Inhabitants from CBS StatLine (xlsx and CSV) for the beheerder: dry run, import, every problem at once.

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let t: TestHub;
let basis: string;
const tokens = { beheerder: '', controller: '' };

beforeAll(async () => {
  t = await startTestHub({ now: NU });
  basis = (await t.listen()).replace('/graphql', '');
  tokens.beheerder = (await maakApiToken(t.orm.em.fork(), { naam: 'inwoners beheerder', rol: Rol.BEHEERDER }, 'test')).geheim;
  tokens.controller = (await maakApiToken(t.orm.em.fork(), { naam: 'inwoners controller', rol: Rol.CONTROLLER }, 'test')).geheim;
});
afterAll(() => t.close());

/** A workbook as StatLine exports it: title rows, the header, data rows, an empty row and the footnote block. */
async function statlineWerkmap(rijen: Array<[string, string | number, string | number]>, kop = ['Regio\'s', 'Perioden', 'Bevolking op 1 januari (aantal)']): Promise<Buffer> {
  const werkmap = new ExcelJS.Workbook();
  const blad = werkmap.addWorksheet('Regionale kerncijfers');
  blad.addRow(['Regionale kerncijfers Nederland']);
  blad.addRow(['Tabel 70072ned, gewijzigd op 1 oktober 2026']);
  blad.addRow([]);
  blad.addRow(kop);
  for (const rij of rijen) blad.addRow(rij);
  blad.addRow([]);
  blad.addRow(['Bron: CBS']);
  blad.addRow(['* Voorlopige cijfers']);
  return Buffer.from(await werkmap.xlsx.writeBuffer());
}

const importeer = (bestand: Buffer, proefdraai: boolean, als = ALS.beheerder, bestandsnaam?: string) =>
  t.execute(InwonersImporterenDocument, { bestand: bestand.toString('base64'), proefdraai, bestandsnaam }, als);

const inwoners = async (cbsCode: string, jaar: number) =>
  (await t.sql<{ aantal: number }>('select i.aantal from inwonertal i join gemeente g on g.id = i.gemeente_id where g.cbs_code = ? and i.jaar = ?', [cbsCode, jaar]))[0]?.aantal ?? null;

/** Everything an import could change: the inhabitants and the audit log. */
const databaseStand = async () => ({
  inwonertal: await t.sql('select gemeente_id, jaar, aantal, bron from inwonertal order by gemeente_id, jaar'),
  audit: await t.sql('select count(*)::int as n from audit_log'),
});

const post = (soort: 'xlsx' | 'csv', body: Buffer | string, token: string, query = '') =>
  fetch(`${basis}/import/inwoners.${soort}${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': soort === 'xlsx' ? XLSX : 'text/csv' },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });

describe('Inwoners importeren uit CBS StatLine', () => {
  it('proefdraai toont per gemeente en jaar wat er verandert zonder te schrijven; de import schrijft het, met audit, en de kosten per inwoner volgen', async () => {
    const doesburg2025 = (await inwoners('GM0221', 2025))!;
    const arnhem2025 = (await inwoners('GM0202', 2025))!;
    const duiven2024 = (await inwoners('GM0226', 2024))!;
    expect(await inwoners('GM0226', 2019)).toBeNull();
    const bestand = await statlineWerkmap([
      ['Arnhem', '2025*', 170_000],
      ['GM0221', '2025*', doesburg2025],
      ['Duiven', 2019, '25.750'],
      ['GM0226', '2024', String(duiven2024 + 100)],
    ]);
    const verwacht = [
      { rij: 5, cbsCode: 'GM0202', gemeente: 'Arnhem', jaar: 2025, voorlopig: true, soort: 'GEWIJZIGD', oud: arnhem2025, nieuw: 170_000 },
      { rij: 6, cbsCode: 'GM0221', gemeente: 'Doesburg', jaar: 2025, voorlopig: true, soort: 'GELIJK', oud: doesburg2025, nieuw: doesburg2025 },
      { rij: 7, cbsCode: 'GM0226', gemeente: 'Duiven', jaar: 2019, voorlopig: false, soort: 'NIEUW', oud: null, nieuw: 25_750 },
      { rij: 8, cbsCode: 'GM0226', gemeente: 'Duiven', jaar: 2024, voorlopig: false, soort: 'GEWIJZIGD', oud: duiven2024, nieuw: duiven2024 + 100 },
    ];

    // The cost overview is cached; it is read before, so the import must make the cache see the new data.
    const perInwoner = async () => {
      const { data, errors } = await t.execute(KostenoverzichtDocument, { jaar: 2025, gemeenten: ['GM0202'] }, ALS.controller);
      expect(errors).toBeUndefined();
      return data!.kostenoverzicht.perGemeente[0];
    };
    const kostenVoor = await perInwoner();
    expect(kostenVoor.inwoners).toBe(arnhem2025);

    const voor = await databaseStand();
    const proef = await importeer(bestand, true);
    expect(proef.errors).toBeUndefined();
    expect(proef.data!.inwonersImporteren).toEqual({
      proefdraai: true,
      tabel: '70072ned',
      bron: 'CBS StatLine 70072ned, bevolking op 1 januari',
      nieuw: 1,
      gewijzigd: 2,
      gelijk: 1,
      voorlopig: 2,
      wijzigingen: verwacht,
    });
    expect(await databaseStand()).toEqual(voor);

    const echt = await importeer(bestand, false);
    expect(echt.errors).toBeUndefined();
    expect(echt.data!.inwonersImporteren).toMatchObject({ proefdraai: false, nieuw: 1, gewijzigd: 2, gelijk: 1, wijzigingen: verwacht });
    expect([await inwoners('GM0202', 2025), await inwoners('GM0221', 2025), await inwoners('GM0226', 2019), await inwoners('GM0226', 2024)]).toEqual([
      170_000,
      doesburg2025,
      25_750,
      duiven2024 + 100,
    ]);
    const audit = await t.sql<{ entiteit_id: string; wie: string; voor: { aantal: number } | null; na: { aantal: number; bron: string } }>(
      `select entiteit_id, wie, voor, na from audit_log where actie = 'INWONERTAL_VASTGELEGD' order by id`,
    );
    expect(audit.map((a) => [a.voor?.aantal ?? null, a.na.aantal, a.na.bron])).toEqual([
      [arnhem2025, 170_000, 'CBS StatLine 70072ned, bevolking op 1 januari (voorlopig)'],
      [null, 25_750, 'CBS StatLine 70072ned, bevolking op 1 januari'],
      [duiven2024, duiven2024 + 100, 'CBS StatLine 70072ned, bevolking op 1 januari'],
    ]);
    expect(audit.every((a) => a.wie.includes('beheerder'))).toBe(true);

    const kostenNa = await perInwoner();
    expect(kostenNa.inwoners).toBe(170_000);
    expect(kostenNa.bedrag).toBe(kostenVoor.bedrag);
    expect(kostenNa.perInwoner).not.toBe(kostenVoor.perInwoner);
    expect(Number(kostenNa.perInwoner)).toBeCloseTo(Number(kostenNa.bedrag) / 170_000, 2);

    // The same file again changes nothing: every row is GELIJK, and no audit row is added.
    const nogmaals = await importeer(bestand, false);
    expect(nogmaals.data!.inwonersImporteren).toMatchObject({ nieuw: 0, gewijzigd: 0, gelijk: 4 });
    expect(await t.sql(`select id from audit_log where actie = 'INWONERTAL_VASTGELEGD'`)).toHaveLength(3);
  });

  it('meldt alle problemen tegelijk met blad, rij en kolom, en schrijft dan niets', async () => {
    const bestand = await statlineWerkmap([
      ['Rheden', 2023, 44_000],
      ['Amsterdam', 2023, 931_000],
      ['Renkum', 2023, 'abc'],
      ['GM0275', '2023', '44.100'],
    ]);
    const voor = await databaseStand();
    const { errors } = await importeer(bestand, false);
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0].message).toMatch(/^Het bestand is niet opgeslagen; er is niets gewijzigd\. 3 problemen/);
    const blad = 'Regionale kerncijfers';
    expect(errors?.[0].extensions?.problemen).toEqual([
      { blad, rij: 6, kolom: 'A', kolomnaam: "Regio's", melding: 'gemeente "Amsterdam" is niet bekend in de hub; gebruik de naam zoals in de hub of de CBS-code (GM0202)' },
      { blad, rij: 7, kolom: 'C', kolomnaam: 'Bevolking op 1 januari (aantal)', melding: 'geen geheel positief getal: "abc"; schrijf bijvoorbeeld 166000 of 166.000' },
      { blad, rij: 8, kolom: 'A', kolomnaam: "Regio's", melding: 'dubbele regel: Rheden 2023 staat ook in rij 5' },
    ]);
    expect(await databaseStand()).toEqual(voor);

    // A year out of range and a missing header column, each named where it is.
    const jaar = await importeer(await statlineWerkmap([['Rheden', '1899*', 40_000]]), true);
    expect(jaar.errors?.[0].extensions?.problemen).toEqual([{ blad, rij: 5, kolom: 'B', kolomnaam: 'Perioden', melding: 'Jaar moet tussen 2000 en 2200 liggen (nu: 1899*).' }]);
    const kop = await importeer(await statlineWerkmap([['Rheden', 2023, 40_000]], ["Regio's", 'Perioden', 'Huishoudens']), true);
    expect(kop.errors?.[0].extensions?.problemen).toEqual([
      { blad, rij: 4, kolom: null, kolomnaam: null, melding: 'de kopregel mist de kolom "Bevolking op 1 januari (aantal)"' },
    ]);
  });

  it('leest StatLine-CSV (puntkomma, aanhalingstekens) over HTTP: proefdraai met ?proefdraai=ja, dan de import', async () => {
    const csv = [
      '\ufeff"Bevolkingsontwikkeling; regio per maand"',
      '"03759ned"',
      '',
      '"Regio\'s";"Perioden";"Totale bevolking (aantal)"',
      '"Wageningen";"2026*";"42100"',
      '"GM0293";"2026";"15300"',
      '',
      '"Bron: CBS"',
    ].join('\r\n');
    const voor = await databaseStand();
    const proef = await post('csv', csv, tokens.beheerder, '?proefdraai=ja');
    expect(proef.status).toBe(200);
    const { data } = (await proef.json()) as { data: { inwonersImporteren: { proefdraai: boolean; tabel: string; wijzigingen: Array<{ rij: number; cbsCode: string; soort: string; nieuw: number; voorlopig: boolean }> } } };
    expect(data.inwonersImporteren).toMatchObject({ proefdraai: true, tabel: '03759ned' });
    expect(data.inwonersImporteren.wijzigingen.map(({ rij, cbsCode, soort, nieuw, voorlopig }) => ({ rij, cbsCode, soort, nieuw, voorlopig }))).toEqual([
      { rij: 5, cbsCode: 'GM0289', soort: 'GEWIJZIGD', nieuw: 42_100, voorlopig: true },
      { rij: 6, cbsCode: 'GM0293', soort: 'GEWIJZIGD', nieuw: 15_300, voorlopig: false },
    ]);
    expect(await databaseStand()).toEqual(voor);

    const echt = await post('csv', csv, tokens.beheerder);
    expect(echt.status).toBe(200);
    expect([await inwoners('GM0289', 2026), await inwoners('GM0293', 2026)]).toEqual([42_100, 15_300]);

    // A problem in a CSV file names the file as the sheet, with line and column.
    const fout = await post('csv', '"Regio\'s";"Perioden";"Totale bevolking (aantal)"\n"Rozendaal";"2026";"1,5"\n', tokens.beheerder, '?proefdraai=ja');
    expect(fout.status).toBe(400);
    const body = (await fout.json()) as { errors: Array<{ extensions: { code: string; problemen: unknown[] } }> };
    expect(body.errors[0].extensions.problemen).toEqual([
      { blad: 'inwoners.csv', rij: 2, kolom: 'C', kolomnaam: 'Totale bevolking (aantal)', melding: 'geen geheel positief getal: "1,5"; schrijf bijvoorbeeld 166000 of 166.000' },
    ]);

    // The xlsx route over HTTP, the same operation.
    const xlsx = await post('xlsx', await statlineWerkmap([['Rozendaal', 2026, 1_750]]), tokens.beheerder, '?proefdraai=ja');
    expect(xlsx.status).toBe(200);
  });

  it('is alleen voor de beheerder: anders FORBIDDEN, over HTTP 403', async () => {
    const bestand = await statlineWerkmap([['Arnhem', 2026, 180_000]]);
    const voor = await databaseStand();
    for (const als of [ALS.controller, ALS.gemeenteArnhem, ALS.modulemanagerWgsw, ALS.dashboardRegio]) {
      const { errors } = await importeer(bestand, false, als);
      expect(errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const http = await post('xlsx', bestand, tokens.controller);
    expect(http.status).toBe(403);
    expect(((await http.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe('FORBIDDEN');
    expect(await databaseStand()).toEqual(voor);
  });

  // Last: it adds a gemeente, which the other tests do not expect.
  it('weigert een naam die bij meer gemeenten past en vraagt dan de CBS-code; met de code gaat het goed', async () => {
    await t.sql(`insert into gemeente (cbs_code, naam) values ('GM9901', 'Rheden')`);
    const dubbel = await importeer(await statlineWerkmap([['rheden (gemeente)', 2026, 44_000]]), true);
    expect(dubbel.errors?.[0].extensions?.problemen).toEqual([
      { blad: 'Regionale kerncijfers', rij: 5, kolom: 'A', kolomnaam: "Regio's", melding: 'de naam "rheden (gemeente)" past bij meer gemeenten (GM0275, GM9901); gebruik de CBS-code' },
    ]);
    const metCode = await importeer(await statlineWerkmap([['GM0275', 2026, 44_000]]), true);
    expect(metCode.data!.inwonersImporteren.wijzigingen.map((w) => [w.cbsCode, w.gemeente, w.soort])).toEqual([['GM0275', 'Rheden', 'GEWIJZIGD']]);
  });
});
