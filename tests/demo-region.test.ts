import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GEMEENTEN, MODULES } from '../src/demo/regio.js';
import { connect, createTestDatabase } from './helpers/database.js';

let orm: MikroORM;
const sql = <T extends object>(query: string) => orm.em.getConnection().execute<T[]>(query);

beforeAll(async () => {
  orm = await connect({ url: await createTestDatabase() });
});
afterAll(() => orm.close(true));

describe('demoregio MGR Sociaal Domein Centraal Gelderland', () => {
  it('heeft de elf deelnemende gemeenten met hun CBS-codes', async () => {
    const rows = await sql<{ cbs_code: string; naam: string }>('select cbs_code, naam from gemeente order by cbs_code');
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

  it('heeft drie programma’s met zes hoofdmodules, en submodules onder Inkoop', async () => {
    const rows = await sql<{ programma: string; module: string; hoofdmodule: string | null }>(`
      select p.code as programma, m.code as module, h.code as hoofdmodule
      from module m join programma p on p.id = m.programma_id left join module h on h.id = m.hoofdmodule_id
      order by m.code`);
    const hoofdmodules = rows.filter((r) => !r.hoofdmodule);
    expect(hoofdmodules.map((r) => `${r.programma}/${r.module}`)).toEqual([
      'PARTICIPATIE/INBURGERING',
      'ZORG/INKOOP',
      'ONDERWIJS/RBL',
      'ZORG/RFZ',
      'PARTICIPATIE/WGSW',
      'PARTICIPATIE/WSP',
    ]);
    expect(rows.filter((r) => r.hoofdmodule === 'INKOOP').map((r) => r.module)).toEqual(['INKOOP-BW', 'INKOOP-JEUGD', 'INKOOP-WMO']);
  });

  it('laat niet elke gemeente aan elke module deelnemen', async () => {
    const rows = await sql<{ code: string; n: string }>(`
      select m.code, count(*) as n from deelname d join module m on m.id = d.module_id
      where d.vanaf <= '2025-06-30' and (d.tot is null or d.tot > '2025-06-30') group by m.code order by m.code`);
    expect(Object.fromEntries(rows.map((r) => [r.code, Number(r.n)]))).toEqual({
      INBURGERING: 8,
      INKOOP: 11,
      'INKOOP-BW': 11,
      'INKOOP-JEUGD': 11,
      'INKOOP-WMO': 10,
      RBL: 10,
      RFZ: 8,
      WGSW: 9,
      WSP: 11,
    });
  });

  it('heeft per begrotingsversie bijdragen die exact, tot op de cent, optellen tot het saldo', async () => {
    const versies = await sql<{ id: number; saldo: string; som: string; n: string }>(`
      select b.id, b.lasten - b.baten as saldo, sum(bd.bedrag) as som, count(bd.id) as n
      from begroting b join bijdrage bd on bd.begroting_id = b.id group by b.id`);
    const budgeted = MODULES.filter((m) => m.begroting).length;
    expect(versies.length).toBeGreaterThan(budgeted * 7 * 2);
    for (const v of versies) expect(v.som).toBe(v.saldo);
    const zonderBijdragen = await sql<{ n: string }>(
      'select count(*) as n from begroting b where not exists (select 1 from bijdrage where begroting_id = b.id)',
    );
    expect(Number(zonderBijdragen[0].n)).toBe(0);
  });

  it('heeft begrotingen en verdeelsleutels voor 2020–2026 en jaarrekeningen tot en met 2025', async () => {
    const rows = await sql<{ soort: string; min: number; max: number }>(
      "select soort, min(jaar) as min, max(jaar) as max from begroting join module m on m.id = module_id where m.code = 'WGSW' group by soort order by soort",
    );
    expect(rows).toEqual([
      { soort: 'PRIMITIEF', min: 2020, max: 2026 },
      { soort: 'REALISATIE', min: 2020, max: 2025 },
      { soort: 'WIJZIGING', min: 2020, max: 2026 },
    ]);
    const sleutels = await sql<{ n: string }>('select count(distinct (module_id, jaar)) as n from verdeelsleutel');
    expect(Number(sleutels[0].n)).toBeGreaterThanOrEqual(8 * 3);
  });

  it('rekent een gemeente die halverwege het jaar toetreedt pro rata (Overbetuwe, Inburgering 2024)', async () => {
    const rows = await sql<{ deelname_dagen: number; fase: string }>(`
      select deelname_dagen, fase from bijdrage b join gemeente g on g.id = b.gemeente_id join module m on m.id = b.module_id
      where g.cbs_code = 'GM1734' and m.code = 'INBURGERING' and b.jaar = 2024 order by fase`);
    expect(rows).toEqual([
      { deelname_dagen: 184, fase: 'BEGROOT' },
      { deelname_dagen: 184, fase: 'GEREALISEERD' },
      { deelname_dagen: 184, fase: 'GEWIJZIGD' },
    ]);
  });

  it('heeft de DVO van WgSW met Scalabor en twee jaar kwartaalrapportages', async () => {
    const dvo = await sql<{ kenmerk: string; naam: string; status: string }>(`
      select d.kenmerk, o.naam, d.status from dvo d join organisatie o on o.id = d.organisatie_id
      join module m on m.id = d.module_id where m.code = 'WGSW' order by d.ingangsdatum`);
    expect(dvo).toEqual([
      { kenmerk: 'DVO-WGSW-SCALABOR-2019', naam: 'Scalabor B.V.', status: 'BEEINDIGD' },
      { kenmerk: 'DVO-WGSW-SCALABOR-2023', naam: 'Scalabor B.V.', status: 'ACTIEF' },
    ]);
    const kwartalen = await sql<{ code: string; n: string }>(`
      select m.code, count(distinct (r.jaar, r.kwartaal)) as n from kwartaalrapportage r join module m on m.id = r.module_id
      group by m.code order by m.code`);
    expect(Object.fromEntries(kwartalen.map((r) => [r.code, Number(r.n)]))).toEqual({
      INBURGERING: 8,
      INKOOP: 8,
      RBL: 8,
      RFZ: 7,
      WGSW: 8,
      WSP: 8,
    });
  });

  it('heeft inwonertallen voor elk jaar van elke gemeente', async () => {
    const rows = await sql<{ n: string }>('select count(*) as n from inwonertal');
    expect(Number(rows[0].n)).toBe(GEMEENTEN.length * 7);
  });
});
