import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maakApiToken } from '../src/api-token/api-token.service.js';
import { Rol } from '../src/auth/identity.js';
import { ExcelSjabloonDocument, ExcelUploadenDocument, ExcelWaardenDocument, RapportageOpslaanDocument } from './generated/graphql.js';
import { haalSjabloon, KOLOM, wgswConcept, type Sjabloon } from './helpers/excel.js';
import { ALS } from './helpers/identities.js';
import { CBS_CODES, NU } from './helpers/scenario.js';
import { startTestHub, type TestHub } from './helpers/test-hub.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let t: TestHub;
let basis: string;
const tokens: Record<'wgsw' | 'controller', string> = { wgsw: '', controller: '' };

beforeAll(async () => {
  t = await startTestHub({ now: NU });
  basis = (await t.listen()).replace('/graphql', '');
  tokens.wgsw = (await maakApiToken(t.orm.em.fork(), { naam: 'excel WgSW', rol: Rol.MODULEMANAGER, modules: ['WGSW'] }, 'test')).geheim;
  tokens.controller = (await maakApiToken(t.orm.em.fork(), { naam: 'excel controller', rol: Rol.CONTROLLER }, 'test')).geheim;
});
afterAll(() => t.close());

const upload = (bytes: Buffer, token: string, query = '') =>
  fetch(`${basis}/import/kwartaalrapportage.xlsx${query}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': XLSX }, body: new Uint8Array(bytes) });

const waardenVan = async (sleutel: { module: string; jaar: number; kwartaal: number }) => {
  const versies = (await t.execute(ExcelWaardenDocument, sleutel, ALS.modulemanagerWgsw)).data!.kwartaalrapportages.nodes;
  const actueel = versies.at(-1)!;
  const perSleutel = Object.fromEntries(actueel.waarden.map((w) => [`${w.kpi.code}|${w.gemeente?.cbsCode ?? ''}`, { waarde: w.waarde, toelichting: w.toelichting }]));
  return { versie: actueel.versie, status: actueel.status, revisie: actueel.revisie, perSleutel };
};

/** Everything the upload could change: the report's row, its values and the audit log. */
const databaseStand = async (jaar: number, kwartaal: number) => ({
  rapportages: await t.sql(
    `select r.id, r.versie, r.status, r.revisie, r.gewijzigd_op::text from kwartaalrapportage r join module m on m.id = r.module_id
     where m.code = 'WGSW' and r.jaar = ? and r.kwartaal = ? order by r.versie`,
    [jaar, kwartaal],
  ),
  waarden: await t.sql(
    `select w.id, w.kpi_id, w.gemeente_id, w.waarde::text, w.toelichting from kpi_waarde w join kwartaalrapportage r on r.id = w.rapportage_id
     join module m on m.id = r.module_id where m.code = 'WGSW' and r.jaar = ? and r.kwartaal = ? order by w.id`,
    [jaar, kwartaal],
  ),
  audit: await t.sql('select count(*)::int as n from audit_log'),
});

const overWaarde = (s: Sjabloon, label: string) => {
  let waarde: ExcelJS.CellValue = null;
  s.over.eachRow((rij) => {
    if (rij.getCell(1).value === label) waarde = rij.getCell(2).value;
  });
  return waarde;
};

describe('Excel-sjabloon van de kwartaalrapportage', () => {
  it('geeft per KPI en deelnemende gemeente een regel met het concept, het vorige kwartaal en de norm; ingevuld en geüpload slaat het de waarden op', async () => {
    const Q3 = { module: 'WGSW', jaar: 2026, kwartaal: 3 };
    await wgswConcept(t, 2026, 3);
    const concept = await waardenVan(Q3);
    expect(concept).toMatchObject({ versie: 2, status: 'CONCEPT', revisie: 1 });
    const vorig = await waardenVan({ ...Q3, kwartaal: 2 });

    const s = await haalSjabloon(t, Q3);
    expect(s.werkmap.worksheets.map((b) => b.name)).toEqual(['Waarden', 'Over dit bestand']);
    expect(s.waarden.getRow(1).values).toEqual([
      undefined, 'KPI-code', 'KPI-naam', 'eenheid', 'CBS-code', 'gemeente', 'waarde', 'toelichting', 'vorig kwartaal', 'norm', 'grenzen',
    ]);
    // Nine gemeenten take part in WgSW; the two regional KPIs have one row without gemeente.
    const deelnemers = s.gemeenten('SW_ARBEIDSJAREN');
    expect(deelnemers).toHaveLength(9);
    expect(s.waarden.rowCount).toBe(1 + 9 + 2);
    expect(s.rij('ZIEKTEVERZUIM')).toBeGreaterThan(1);
    // Codes are text cells in text format, so Excel never turns them into numbers or dates.
    const cbsCel = s.waarden.getRow(s.rij('SW_ARBEIDSJAREN', deelnemers[0])).getCell(KOLOM.cbs);
    expect([cbsCel.type, cbsCel.numFmt]).toEqual([ExcelJS.ValueType.String, '@']);
    // Every row carries the concept's value, and the current value of the quarter before.
    for (const [sleutel, { waarde }] of Object.entries(concept.perSleutel)) {
      const [kpi, gemeente] = sleutel.split('|');
      const rij = s.waarden.getRow(s.rij(kpi, gemeente || null));
      expect(String(rij.getCell(KOLOM.waarde).value), sleutel).toBe(waarde);
      expect(String(rij.getCell(KOLOM.vorig).value), sleutel).toBe(vorig.perSleutel[sleutel].waarde);
    }
    expect(Object.keys(concept.perSleutel)).toHaveLength(11);
    const ziekteverzuim = s.waarden.getRow(s.rij('ZIEKTEVERZUIM'));
    expect(typeof ziekteverzuim.getCell(KOLOM.norm).value).toBe('number');
    expect(ziekteverzuim.getCell(KOLOM.grenzen).value).toBe('van 0 tot en met 100');
    expect((s.waarden as unknown as { sheetProtection: unknown }).sheetProtection).toMatchObject({ sheet: true });
    // Only waarde and toelichting can be changed; the reference columns are grey.
    const eerste2 = s.waarden.getRow(2);
    expect([KOLOM.kpi, KOLOM.cbs, KOLOM.waarde, KOLOM.toelichting, KOLOM.norm].map((k) => eerste2.getCell(k).protection?.locked)).toEqual([
      undefined, undefined, false, false, undefined,
    ]);
    const kleur = (rij: number, kolom: number) => (s.waarden.getRow(rij).getCell(kolom).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
    expect([kleur(1, KOLOM.waarde), kleur(2, KOLOM.waarde), kleur(2, KOLOM.kpi), kleur(2, KOLOM.vorig)]).toEqual(['FFFFF2CC', undefined, undefined, 'FFE7E6E6']);
    expect([overWaarde(s, 'module'), overWaarde(s, 'jaar'), overWaarde(s, 'kwartaal'), overWaarde(s, 'revisie')]).toEqual(['WGSW', 2026, 3, 1]);

    // Filled in as people do: a decimal comma in text, a number typed as a number, a percentage, a note.
    const [eerste, tweede] = deelnemers;
    s.zet(s.rij('SW_ARBEIDSJAREN', eerste), KOLOM.waarde, '12,5');
    s.zet(s.rij('SW_ARBEIDSJAREN', tweede), KOLOM.waarde, 30.25);
    s.zet(s.rij('SW_ARBEIDSJAREN', tweede), KOLOM.toelichting, 'herteld na controle');
    // "7,4%" typed in Excel: stored as 0.074 with a percentage format.
    s.zet(s.rij('ZIEKTEVERZUIM'), KOLOM.waarde, 0.074);
    // A style of its own: cells loaded from a file share the style object of their format.
    const procent = s.waarden.getRow(s.rij('ZIEKTEVERZUIM')).getCell(KOLOM.waarde);
    procent.style = { ...procent.style, numFmt: '0.0%' };
    const antwoord = await upload(await s.bytes(), tokens.wgsw, '?module=WGSW&jaar=2026&kwartaal=3');
    expect(antwoord.status, JSON.stringify(await antwoord.clone().json())).toBe(200);
    expect((await antwoord.json()).data.kwartaalrapportageUploaden).toMatchObject({ module: { code: 'WGSW' }, versie: 2, status: 'CONCEPT', revisie: 2 });

    const na = await waardenVan(Q3);
    expect(na.perSleutel).toEqual({
      ...concept.perSleutel,
      [`SW_ARBEIDSJAREN|${eerste}`]: { ...concept.perSleutel[`SW_ARBEIDSJAREN|${eerste}`], waarde: '12.5' },
      [`SW_ARBEIDSJAREN|${tweede}`]: { waarde: '30.25', toelichting: 'herteld na controle' },
      'ZIEKTEVERZUIM|': { ...concept.perSleutel['ZIEKTEVERZUIM|'], waarde: '7.4' },
    });
  });

  it('meldt drie fouten tegelijk met rij en kolom (geen getal, buiten de grenzen, geen deelnemer) en slaat niets op', async () => {
    const Q2 = { module: 'WGSW', jaar: 2026, kwartaal: 2 };
    await wgswConcept(t, 2026, 2);
    const s = await haalSjabloon(t, Q2);
    const deelnemers = s.gemeenten('SW_ARBEIDSJAREN');
    const buitenstaander = CBS_CODES.find((c) => !deelnemers.includes(c))!;
    const geenGetal = s.rij('SW_ARBEIDSJAREN', deelnemers[0]);
    const teHoog = s.rij('ZIEKTEVERZUIM');
    const geenDeelnemer = s.rij('SW_ARBEIDSJAREN', deelnemers[1]);
    s.zet(geenGetal, KOLOM.waarde, 'twaalf');
    s.zet(teHoog, KOLOM.waarde, 120);
    s.zet(geenDeelnemer, KOLOM.cbs, buitenstaander);
    // A correct change beside them: it must not be saved either.
    s.zet(s.rij('SW_ARBEIDSJAREN', deelnemers[2]), KOLOM.waarde, '99');
    const bytes = await s.bytes();
    const voor = await databaseStand(2026, 2);

    const { data, errors } = await t.execute(ExcelUploadenDocument, { bestand: bytes.toString('base64') }, ALS.modulemanagerWgsw);
    expect(data).toBeNull();
    expect(errors!.map((e) => e.extensions!.code)).toEqual(['BAD_USER_INPUT']);
    const verwacht = [
      { blad: 'Waarden', rij: geenGetal, kolom: 'F', kolomnaam: 'waarde', melding: 'geen getal: "twaalf"; schrijf bijvoorbeeld 12,5 of 12.5' },
      { blad: 'Waarden', rij: teHoog, kolom: 'F', kolomnaam: 'waarde', melding: 'een percentage ligt tussen 0 en 100' },
      {
        blad: 'Waarden',
        rij: geenDeelnemer,
        kolom: 'D',
        kolomnaam: 'CBS-code',
        melding: `gemeente neemt dit kwartaal niet deel aan de module (${buitenstaander} in 2026-K2)`,
      },
    ].sort((a, b) => a.rij - b.rij);
    expect(errors![0].extensions!.problemen).toEqual(verwacht);
    expect(errors![0].message).toMatch(/^Het bestand is niet opgeslagen; er is niets gewijzigd\. 3 problemen: Waarden rij \d+, kolom [DF]/);

    // Over HTTP: 400 and the same problems.
    const antwoord = await upload(bytes, tokens.wgsw);
    expect(antwoord.status).toBe(400);
    const body = await antwoord.json();
    expect(body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', problemen: verwacht });

    expect(await databaseStand(2026, 2)).toEqual(voor);
  });

  it('meldt een verkeerde kop, een dubbele regel en een bestand voor een ander kwartaal; een ander bestand is geen werkmap', async () => {
    const Q3 = { module: 'WGSW', jaar: 2026, kwartaal: 3 };
    const s = await haalSjabloon(t, Q3);
    const rij = s.rij('GEDETACHEERD');
    s.waarden.addRow(s.waarden.getRow(rij).values as ExcelJS.CellValue[]);
    const dubbel = s.waarden.rowCount;
    const uploaden = async (bytes: Buffer, verwacht?: { module: string; jaar: number; kwartaal: number }) =>
      (await t.execute(ExcelUploadenDocument, { bestand: bytes.toString('base64'), verwacht }, ALS.modulemanagerWgsw)).errors![0].extensions!.problemen;

    // Only the sheet is wrong, the save would take the rest: still nothing is saved.
    s.zet(s.rij('ZIEKTEVERZUIM'), KOLOM.waarde, 8);
    const voor = await databaseStand(2026, 3);
    const fout = { blad: 'Waarden', rij: dubbel, kolom: 'A', kolomnaam: 'KPI-code', melding: `dubbele regel: GEDETACHEERD staat ook in rij ${rij}` };
    expect(await uploaden(await s.bytes())).toEqual([fout]);
    expect(await databaseStand(2026, 3)).toEqual(voor);

    expect(await uploaden(await s.bytes(), { ...Q3, kwartaal: 4 })).toEqual([
      { blad: 'Over dit bestand', rij: 4, kolom: 'B', kolomnaam: 'kwartaal', melding: 'dit bestand is voor 2026-K3, niet voor 2026-K4' },
      fout,
    ]);
    s.zet(1, KOLOM.waarde, 'bedrag');
    expect(await uploaden(await s.bytes())).toEqual([
      {
        blad: 'Waarden',
        rij: 1,
        kolom: 'F',
        kolomnaam: 'waarde',
        melding: 'kop "bedrag" gevonden; verwacht "waarde" (kolommen niet verplaatsen, toevoegen of hernoemen)',
      },
    ]);
    // A note that a spreadsheet would run as a formula is refused here as in the mutation (one input rule).
    const formule = await haalSjabloon(t, Q3);
    formule.zet(formule.rij('ZIEKTEVERZUIM'), KOLOM.toelichting, '=HYPERLINK("http://x.invalid","klik")');
    expect(await uploaden(await formule.bytes())).toEqual([
      expect.objectContaining({ blad: 'Waarden', rij: formule.rij('ZIEKTEVERZUIM'), kolom: 'G', kolomnaam: 'toelichting', melding: expect.stringContaining('Toelichting') }),
    ]);
    expect(await databaseStand(2026, 3)).toEqual(voor);

    expect(await uploaden(Buffer.from('KPI-code;waarde\nGEDETACHEERD;12,5\n'))).toEqual([
      { blad: null, rij: null, kolom: null, kolomnaam: null, melding: expect.stringMatching(/^het bestand is geen Excel-werkmap \(\.xlsx\)/) },
    ]);
  });
});

describe('toegang en gelijktijdigheid', () => {
  it('weigert andere rollen en andere modules met FORBIDDEN, ook over HTTP', async () => {
    const rapportage = { module: 'WGSW', jaar: 2026, kwartaal: 3 };
    const controller = await t.execute(ExcelSjabloonDocument, { rapportage }, ALS.controller);
    expect(controller.errors!.map((e) => e.extensions!.code)).toEqual(['FORBIDDEN']);
    const wsp = await t.execute(ExcelSjabloonDocument, { rapportage }, ALS.modulemanagerWsp);
    expect(wsp.errors!.map((e) => e.extensions!.code)).toEqual(['FORBIDDEN']);

    const http = await fetch(`${basis}/import/kwartaalrapportage/sjabloon.xlsx?module=WGSW&jaar=2026&kwartaal=3`, { headers: { authorization: `Bearer ${tokens.controller}` } });
    expect(http.status).toBe(403);
    expect((await http.json()).errors).toEqual([{ message: 'Uw rol (controller) mag kwartaalrapportages opstellen niet.', extensions: { code: 'FORBIDDEN', rol: 'CONTROLLER' } }]);

    const bytes = await (await haalSjabloon(t, rapportage)).bytes();
    for (const als of [ALS.gemeenteArnhem, ALS.controller, ALS.modulemanagerWsp]) {
      const { errors } = await t.execute(ExcelUploadenDocument, { bestand: bytes.toString('base64') }, als);
      expect(errors!.map((e) => e.extensions!.code), als.id).toEqual(['FORBIDDEN']);
    }
    expect((await upload(bytes, tokens.controller)).status).toBe(403);
    expect((await upload(bytes, 'rh_onbekend')).status).toBe(401);
  });

  it('geeft het sjabloon over HTTP als xlsx, en weigert een te groot bestand met 413', async () => {
    const http = await fetch(`${basis}/import/kwartaalrapportage/sjabloon.xlsx?module=WGSW&jaar=2026&kwartaal=4`, { headers: { authorization: `Bearer ${tokens.wgsw}` } });
    expect(http.status).toBe(200);
    expect(http.headers.get('content-type')).toBe(XLSX);
    expect(http.headers.get('content-disposition')).toBe('attachment; filename="kwartaalrapportage-WGSW-2026-K4.xlsx"');
    const werkmap = new ExcelJS.Workbook();
    await werkmap.xlsx.load(await http.arrayBuffer());
    expect(werkmap.getWorksheet('Waarden')!.rowCount).toBe(12);

    const groot = await upload(Buffer.alloc(5 * 1024 * 1024 + 1), tokens.wgsw);
    expect(groot.status).toBe(413);
    expect((await groot.json()).errors[0]).toMatchObject({ message: expect.stringContaining('maximaal 5 MB'), extensions: { code: 'PAYLOAD_TOO_LARGE' } });
  });

  it('weigert een bestand van een verouderde revisie met CONFLICT en verandert niets', async () => {
    const Q1 = { module: 'WGSW', jaar: 2026, kwartaal: 1 };
    await wgswConcept(t, 2026, 1);
    const s = await haalSjabloon(t, Q1);
    // Someone saves through the API after the template was made.
    const tussendoor = await t.execute(RapportageOpslaanDocument, { invoer: { ...Q1, revisie: 1, waarden: [{ kpi: 'GEDETACHEERD', waarde: '33' }] } }, ALS.modulemanagerWgsw);
    expect(tussendoor.errors).toBeUndefined();
    s.zet(s.rij('GEDETACHEERD'), KOLOM.waarde, 35);
    const voor = await databaseStand(2026, 1);

    const { errors } = await t.execute(ExcelUploadenDocument, { bestand: (await s.bytes()).toString('base64') }, ALS.modulemanagerWgsw);
    expect(errors!.map((e) => e.extensions!.code)).toEqual(['CONFLICT']);
    expect(errors![0].message).toMatch(/intussen gewijzigd \(revisie 2\)/);
    const http = await upload(await s.bytes(), tokens.wgsw);
    expect(http.status).toBe(409);
    expect((await http.json()).errors[0].extensions.code).toBe('CONFLICT');
    expect(await databaseStand(2026, 1)).toEqual(voor);
    expect((await waardenVan(Q1)).perSleutel['GEDETACHEERD|'].waarde).toBe('33');
  });
});
