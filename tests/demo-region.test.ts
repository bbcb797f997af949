import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Decimal } from '../src/core/decimal.js';
import { ARNHEM_BIJDRAGE_2025, GEMEENTEN, MODULES } from '../src/demo/regio.js';
import { KostenoverzichtDocument } from './generated/graphql.js';
import { connect, createTestDatabase } from './helpers/database.js';
import { ALS } from './helpers/identities.js';
import { startTestHub, type TestHub } from './helpers/test-hub.js';
import { OVERBETUWE_IN_INBURGERING } from './helpers/scenario.js';
import { sql } from './helpers/sql.js';

let orm: MikroORM;

beforeAll(async () => {
  orm = await connect({ url: await createTestDatabase() });
});
afterAll(() => orm.close(true));

describe('demoregio MGR Sociaal Domein Centraal Gelderland', () => {
  it('heeft de elf deelnemende gemeenten met hun CBS-codes', async () => {
    const rows = await sql<{ cbs_code: string; naam: string }>(orm, 'select cbs_code, naam from gemeente order by cbs_code');
    expect(rows.map((r) => `${r.cbs_code} ${r.naam}`)).toEqual([
      'GM0202 Arnhem',
      'GM0221 Doesburg',
      'GM0226 Duiven',
      'GM0274 Renkum',
      'GM0275 Rheden',
      'GM0277 Rozendaal',
      'GM0289 Wageningen',
      'GM0293 Westervoort',
      'GM0299 Zevenaar',
      'GM1705 Lingewaard',
      'GM1734 Overbetuwe',
    ]);
  });

  it('heeft drie programma’s met zes modules, een beheerorganisatie, en submodules onder Inkoop', async () => {
    const rows = await sql<{ programma: string | null; module: string; hoofdmodule: string | null; startdatum: string }>(orm, `
      select p.code as programma, m.code as module, h.code as hoofdmodule, to_char(m.startdatum, 'YYYY-MM-DD') as startdatum
      from module m left join programma p on p.id = m.programma_id left join module h on h.id = m.hoofdmodule_id
      order by m.code`);
    const hoofdmodules = rows.filter((r) => !r.hoofdmodule);
    expect(hoofdmodules.map((r) => `${r.programma ?? '-'}/${r.module}`)).toEqual([
      '-/BEHEER',
      'PARTICIPATIE/INBURGERING',
      'ZORG/INKOOP',
      'ONDERWIJS/RBL',
      'ZORG/RFZ',
      'PARTICIPATIE/WGSW',
      'PARTICIPATIE/WSP',
    ]);
    // Start dates of the Uitvoeringsplan MGR 2020–2023: Inkoop 1 April 2017, RBL and WSP 2018, WgSW 2019.
    const start = Object.fromEntries(hoofdmodules.map((r) => [r.module, r.startdatum]));
    expect([start.INKOOP, start.RBL, start.WSP, start.WGSW]).toEqual(['2017-04-01', '2018-01-01', '2018-01-01', '2019-01-01']);
    expect(rows.filter((r) => r.hoofdmodule === 'INKOOP').map((r) => r.module)).toEqual(['INKOOP-BW', 'INKOOP-JEUGD', 'INKOOP-WMO']);
  });

  it('laat niet elke gemeente aan elke module deelnemen', async () => {
    const rows = await sql<{ code: string; n: string }>(orm, `
      select m.code, count(*) as n from deelname d join module m on m.id = d.module_id
      where d.vanaf <= '2025-06-30' and (d.tot is null or d.tot > '2025-06-30') group by m.code order by m.code`);
    expect(Object.fromEntries(rows.map((r) => [r.code, Number(r.n)]))).toEqual({
      BEHEER: 11,
      INBURGERING: 8,
      INKOOP: 11,
      'INKOOP-BW': 11,
      'INKOOP-JEUGD': 11,
      'INKOOP-WMO': 10,
      RBL: 10,
      // Public: the WSP is a partnership of nine gemeenten and the UWV; WgSW serves nine gemeenten.
      WGSW: 9,
      WSP: 9,
    });
  });

  it('heeft per begrotingsversie en per jaarrekening bijdragen die exact, tot op de cent, optellen tot de netto lasten', async () => {
    const versies = await sql<{ id: number; netto_lasten: string; som: string; n: string }>(orm, `
      select b.id, b.lasten - b.baten as netto_lasten, sum(bd.bedrag) as som, count(bd.id) as n
      from begroting b join bijdrage bd on bd.begroting_id = b.id group by b.id`);
    const budgeted = MODULES.filter((m) => m.begroting).length;
    expect(versies.length).toBeGreaterThan(budgeted * 5 * 2);
    for (const v of versies) expect(v.som).toBe(v.netto_lasten);
    const jaarrekeningen = await sql<{ netto_lasten: string; som: string; fasen: string }>(orm, `
      select j.lasten - j.baten as netto_lasten, sum(bd.bedrag) as som, string_agg(distinct bd.fase, ',') as fasen
      from jaarrekening j join bijdrage bd on bd.jaarrekening_id = j.id group by j.id`);
    expect(jaarrekeningen.length).toBeGreaterThan(budgeted * 5);
    for (const j of jaarrekeningen) expect([j.som, j.fasen]).toEqual([j.netto_lasten, 'GEREALISEERD']);
    const zonderBijdragen = await sql<{ n: string }>(
      orm,
      `select (select count(*) from begroting b where not exists (select 1 from bijdrage where begroting_id = b.id))
            + (select count(*) from jaarrekening j where not exists (select 1 from bijdrage where jaarrekening_id = j.id)) as n`,
    );
    expect(Number(zonderBijdragen[0].n)).toBe(0);
  });

  it('heeft begrotingen en verdeelsleutels voor 2020–2026 en jaarrekeningen tot en met 2025', async () => {
    const rows = await sql<{ soort: string; min: number; max: number }>(orm, 
      "select soort, min(jaar) as min, max(jaar) as max from begroting join module m on m.id = module_id where m.code = 'WGSW' group by soort order by soort",
    );
    expect(rows).toEqual([
      { soort: 'PRIMITIEF', min: 2020, max: 2026 },
      { soort: 'WIJZIGING', min: 2020, max: 2026 },
    ]);
    const jaarrekeningen = await sql<{ min: number; max: number }>(orm,
      "select min(jaar) as min, max(jaar) as max from jaarrekening join module m on m.id = module_id where m.code = 'WGSW'",
    );
    expect(jaarrekeningen).toEqual([{ min: 2020, max: 2025 }]);
    const sleutels = await sql<{ n: string }>(orm, 'select count(distinct (module_id, jaar)) as n from verdeelsleutel');
    expect(Number(sleutels[0].n)).toBeGreaterThanOrEqual(8 * 3);
  });

  it('rekent een gemeente die halverwege het jaar toetreedt pro rata (Overbetuwe, Inburgering 2024)', async () => {
    const { cbsCode, dagen2024 } = OVERBETUWE_IN_INBURGERING;
    const rows = await sql<{ deelname_dagen: number; fase: string }>(
      orm,
      `select deelname_dagen, fase from bijdrage b join gemeente g on g.id = b.gemeente_id join module m on m.id = b.module_id
       where g.cbs_code = ? and m.code = 'INBURGERING' and b.jaar = 2024 order by fase`,
      [cbsCode],
    );
    expect(rows).toEqual([
      { deelname_dagen: dagen2024, fase: 'BEGROOT' },
      { deelname_dagen: dagen2024, fase: 'GEREALISEERD' },
      { deelname_dagen: dagen2024, fase: 'GEWIJZIGD' },
    ]);
  });

  it('heeft de DVO van WgSW met Scalabor en twee jaar kwartaalrapportages', async () => {
    const dvo = await sql<{ kenmerk: string; naam: string; status: string }>(orm, `
      select d.kenmerk, o.naam, d.status from dvo d join organisatie o on o.id = d.organisatie_id
      join module m on m.id = d.module_id where m.code = 'WGSW' order by d.ingangsdatum`);
    expect(dvo).toEqual([
      { kenmerk: 'DVO-WGSW-SCALABOR-2019', naam: 'Scalabor B.V.', status: 'BEEINDIGD' },
      { kenmerk: 'DVO-WGSW-SCALABOR-2023', naam: 'Scalabor B.V.', status: 'ACTIEF' },
    ]);
    const kwartalen = await sql<{ code: string; n: string }>(orm, `
      select m.code, count(distinct (r.jaar, r.kwartaal)) as n from kwartaalrapportage r join module m on m.id = r.module_id
      group by m.code order by m.code`);
    expect(Object.fromEntries(kwartalen.map((r) => [r.code, Number(r.n)]))).toEqual({
      INBURGERING: 8,
      INKOOP: 8,
      RBL: 8,
      // RFZ starts in 2026 and its Q3 2026 report is late.
      RFZ: 2,
      WGSW: 8,
      WSP: 8,
    });
  });

  it('heeft inwonertallen voor elk jaar van elke gemeente', async () => {
    const rows = await sql<{ n: string }>(orm, 'select count(*) as n from inwonertal');
    expect(Number(rows[0].n)).toBe(GEMEENTEN.length * 7);
  });
});

// Where public figures exist, the demo agrees with them (sources in src/demo/regio.ts and the README).
describe('demoregio en het publieke verslag', () => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub();
  });
  afterAll(() => t.close());

  it('Arnhem draagt in de primitieve begroting 2025 binnen 0,5 % van € 31.022.919 bij (begroting 2025 van Arnhem)', async () => {
    const { data } = await t.execute(KostenoverzichtDocument, { jaar: 2025, fase: 'BEGROOT', gemeenten: ['GM0202'] }, ALS.gemeenteArnhem);
    const bedrag = new Decimal(data!.kostenoverzicht.perGemeente[0].bedrag!);
    const publiek = new Decimal(ARNHEM_BIJDRAGE_2025);
    expect(bedrag.minus(publiek).abs().dividedBy(publiek).toNumber()).toBeLessThan(0.005);
  });

  it('had in 2025 een beheerorganisatie en vijf modules; de zesde (RFZ) kwam daarna', async () => {
    const rows = await sql<{ code: string }>(orm, `
      select distinct m.code from deelname d join module m on m.id = d.module_id
      where m.hoofdmodule_id is null and d.vanaf <= '2025-12-31' and (d.tot is null or d.tot > '2025-01-01') order by m.code`);
    expect(rows.map((r) => r.code)).toEqual(['BEHEER', 'INBURGERING', 'INKOOP', 'RBL', 'WGSW', 'WSP']);
  });

  it('RBL verdeelt over zo’n 62.000 leerlingen', async () => {
    const [{ leerlingen }] = await sql<{ leerlingen: string }>(orm, `
      select sum(e.eenheden) as leerlingen from verdeelsleutel v join verdeelsleutel_eenheid e on e.verdeelsleutel_id = v.id
      join module m on m.id = v.module_id where m.code = 'RBL' and v.jaar = 2025`);
    expect(Math.abs(Number(leerlingen) - 62_000)).toBeLessThan(62_000 * 0.02);
  });

  it('het WSP werkt met het UWV onder een samenwerkingsovereenkomst', async () => {
    const rows = await sql<{ kenmerk: string; omschrijving: string }>(orm, `
      select d.kenmerk, d.omschrijving from dvo d join organisatie o on o.id = d.organisatie_id join module m on m.id = d.module_id
      where m.code = 'WSP' and o.naam = 'UWV'`);
    expect(rows).toHaveLength(1);
    expect(rows[0].omschrijving).toMatch(/^Samenwerkingsovereenkomst/);
  });

  it('de SW-arbeidsjaren van de WgSW-sleutel zijn dezelfde cijfers als de KPI SW_ARBEIDSJAREN', async () => {
    const sleutel = await sql<{ cbs_code: string; jaar: number; eenheden: string }>(orm, `
      select g.cbs_code, v.jaar, e.eenheden from verdeelsleutel v join verdeelsleutel_eenheid e on e.verdeelsleutel_id = v.id
      join gemeente g on g.id = e.gemeente_id join module m on m.id = v.module_id where m.code = 'WGSW' and v.jaar in (2025, 2026)`);
    const kpi = await sql<{ cbs_code: string; jaar: number; waarde: string }>(orm, `
      select g.cbs_code, r.jaar, w.waarde from kpi_waarde w join kpi k on k.id = w.kpi_id join kwartaalrapportage r on r.id = w.rapportage_id
      join gemeente g on g.id = w.gemeente_id where k.code = 'SW_ARBEIDSJAREN' and r.kwartaal = 4 and r.jaar in (2024, 2025)`);
    expect(sleutel).toHaveLength(18);
    // The key of year t holds the staff years on 1 January t: the KPI value at the end of Q4 t-1.
    for (const s of sleutel) {
      const eindVorigJaar = kpi.find((k) => k.cbs_code === s.cbs_code && k.jaar === s.jaar - 1)!;
      expect(new Decimal(eindVorigJaar.waarde).equals(s.eenheden), `${s.cbs_code} ${s.jaar}`).toBe(true);
    }
  });

  it('WgSW krimpt: minder arbeidsjaren en lagere kosten, met een kostprijs per arbeidsjaar die gematigd stijgt', async () => {
    const rows = await sql<{ jaar: number; lasten: string; arbeidsjaren: string }>(orm, `
      select b.jaar, b.lasten, (select sum(e.eenheden) from verdeelsleutel v join verdeelsleutel_eenheid e on e.verdeelsleutel_id = v.id
                                where v.module_id = b.module_id and v.jaar = b.jaar) as arbeidsjaren
      from begroting b join module m on m.id = b.module_id where m.code = 'WGSW' and b.soort = 'PRIMITIEF' order by b.jaar`);
    for (const [i, r] of rows.slice(1).entries()) {
      const vorig = rows[i];
      expect(Number(r.arbeidsjaren)).toBeLessThan(Number(vorig.arbeidsjaren));
      expect(Number(r.lasten)).toBeLessThan(Number(vorig.lasten));
      const stijging = Number(r.lasten) / Number(r.arbeidsjaren) / (Number(vorig.lasten) / Number(vorig.arbeidsjaren)) - 1;
      expect(stijging).toBeGreaterThan(0);
      expect(stijging).toBeLessThan(0.06);
    }
  });

  it('VSV is een jaarcijfer: alleen in de rapportages van het vierde kwartaal', async () => {
    const rows = await sql<{ kwartaal: number; periode: string }>(orm, `
      select distinct r.kwartaal, k.periode from kpi_waarde w join kpi k on k.id = w.kpi_id join kwartaalrapportage r on r.id = w.rapportage_id
      where k.code = 'VSV_PERCENTAGE'`);
    expect(rows).toEqual([{ kwartaal: 4, periode: 'JAAR' }]);
  });

  it('markeert verzonnen cijfers als demodata in hun bron', async () => {
    const bronnen = await sql<{ bron: string }>(orm, `
      select bron from inwonertal union select bron from verdeelsleutel_eenheid union select omschrijving from begroting`);
    expect(bronnen.filter((b) => !/demodata|Gelijke delen/.test(b.bron))).toEqual([]);
  });
});
