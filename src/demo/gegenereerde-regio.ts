import type { EntityManager } from '@mikro-orm/postgresql';

export interface RegioOmvang {
  gemeenten: number;
  modules: number;
  van: number;
  tot: number;
  kpisPerModule: number;
}

/**
 * Fills an empty database with a synthetic region of any size, entirely inside PostgreSQL
 * (generate_series), for load tests and benchmarks. Names and figures are generated, not real:
 * gemeenten get codes from GM5000 up. Contributions are split from each budget's net cost by
 * inhabitants with largest-remainder rounding, so they add up to the cent as real ones do.
 */
export async function genereerRegio(em: EntityManager, omvang: RegioOmvang): Promise<void> {
  await em.transactional(async (tx) => {
    const sql = (query: string, params: unknown[] = []) => tx.getConnection().execute(query, params, 'run', tx.getTransactionContext());
    // A national-size region takes minutes to generate; the per-request timeout is not meant for that.
    await sql('set local statement_timeout = 0');
    await sql(
      `insert into gemeente (cbs_code, naam) select 'GM' || (5000 + i), 'Gegenereerde gemeente ' || i from generate_series(1, ?) i`,
      [omvang.gemeenten],
    );
    await sql(
      `insert into inwonertal (gemeente_id, jaar, aantal, bron)
       select g.id, j, 5000 + (g.id * 7919) % 150000 + (j - ?) * 50, 'gegenereerd'
       from gemeente g cross join generate_series(?::int, ?::int) j`,
      [omvang.van, omvang.van, omvang.tot],
    );
    await sql(`insert into programma (code, naam, vanaf) values ('GEN', 'Gegenereerd programma', '2000-01-01')`);
    await sql(
      `insert into module (code, naam, omschrijving, programma_id, startdatum, taakveld)
       select 'GEN-' || lpad(i::text, 3, '0'), 'Gegenereerde module ' || i, 'gegenereerd', (select id from programma where code = 'GEN'),
              '2000-01-01', (array['6.1', '6.2', '6.3', '6.4', '6.5', '6.6', '4.3', '7.1'])[1 + i % 8]
       from generate_series(1, ?) i`,
      [omvang.modules],
    );
    await sql(`insert into deelname (gemeente_id, module_id, vanaf) select g.id, m.id, '2000-01-01' from gemeente g cross join module m`);
    await sql(
      `insert into begroting (module_id, jaar, soort, volgnummer, lasten, baten, vastgesteld_op, omschrijving)
       select m.id, j, v.soort, v.volgnummer, round((100000 + m.id * 12345.67) * v.factor, 2), round(5000 * v.factor, 2),
              make_date(j + v.jaarVerschil, 7, 1), 'gegenereerd'
       from module m cross join generate_series(?::int, ?::int) j
       cross join (values ('PRIMITIEF', 0, 1.00, -1), ('WIJZIGING', 1, 1.02, 0)) as v(soort, volgnummer, factor, jaarVerschil)`,
      [omvang.van, omvang.tot],
    );
    await sql(
      `insert into jaarrekening (module_id, jaar, lasten, baten, vastgesteld_op, omschrijving)
       select m.id, j, round((100000 + m.id * 12345.67) * 0.99, 2), round(5000 * 0.99, 2), make_date(j + 1, 7, 1), 'gegenereerd'
       from module m cross join generate_series(?::int, ?::int) j`,
      [omvang.van, omvang.tot],
    );
    await sql(
      `insert into verdeelsleutel (module_id, jaar, grondslag, omschrijving)
       select m.id, j, 'INWONERS', 'gegenereerd' from module m cross join generate_series(?::int, ?::int) j`,
      [omvang.van, omvang.tot],
    );
    await sql(
      `insert into verdeelsleutel_eenheid (verdeelsleutel_id, gemeente_id, eenheden, bron)
       select v.id, i.gemeente_id, i.aantal, 'gegenereerd' from verdeelsleutel v join inwonertal i on i.jaar = v.jaar`,
    );
    // Largest remainder in SQL: whole cents down, then one cent each to the largest remainders; the
    // budget versions and the jaarrekeningen (realised) alike, each split is one bron.
    await sql(`
      with bron as (
        select 'B' || id as bron, id as begroting_id, null::int as jaarrekening_id, module_id, jaar,
               case soort when 'PRIMITIEF' then 'BEGROOT' else 'GEWIJZIGD' end as fase, lasten, baten
        from begroting
        union all
        select 'J' || id, null, id, module_id, jaar, 'GEREALISEERD', lasten, baten from jaarrekening
      ), basis as (
        select b.bron, b.begroting_id, b.jaarrekening_id, b.module_id, b.jaar, b.fase, (b.lasten - b.baten) * 100 as centen,
               e.gemeente_id, e.eenheden, v.id as verdeelsleutel_id, m.taakveld,
               (b.lasten - b.baten) * 100 * e.eenheden / sum(e.eenheden) over (partition by b.bron) as exact,
               e.eenheden / sum(e.eenheden) over (partition by b.bron) as aandeel, g.cbs_code
        from bron b
        join verdeelsleutel v on v.module_id = b.module_id and v.jaar = b.jaar
        join verdeelsleutel_eenheid e on e.verdeelsleutel_id = v.id
        join gemeente g on g.id = e.gemeente_id
        join module m on m.id = b.module_id
      ), gerangschikt as (
        select *, floor(exact) as onder,
               centen - sum(floor(exact)) over (partition by bron) as over,
               row_number() over (partition by bron order by exact - floor(exact) desc, cbs_code) as rang
        from basis
      )
      insert into bijdrage (gemeente_id, module_id, jaar, fase, bedrag, taakveld, begroting_id, jaarrekening_id, verdeelsleutel_id, eenheden, deelname_dagen, aandeel)
      select gemeente_id, module_id, jaar, fase,
             (onder + case when rang <= over then 1 else 0 end) / 100, taakveld, begroting_id, jaarrekening_id, verdeelsleutel_id, eenheden,
             extract(doy from make_date(jaar, 12, 31))::int, round(aandeel, 10)
      from gerangschikt`);
    await sql(
      `insert into kpi (module_id, code, naam, eenheid, richting, niveau, ondergrens, actief_vanaf)
       select m.id, 'KPI_' || lpad(k::text, 2, '0'), 'Gegenereerde KPI ' || k, 'AANTAL',
              case when k % 2 = 0 then 'HOGER_IS_BETER' else 'LAGER_IS_BETER' end,
              case when k % 2 = 0 then 'GEMEENTE' else 'REGIO' end, 0, '2000-01-01'
       from module m cross join generate_series(1, ?) k`,
      [omvang.kpisPerModule],
    );
    await sql(
      `insert into kwartaalrapportage (module_id, jaar, kwartaal, versie, status, ingediend_op, goedgekeurd_op)
       select m.id, j, q, 1, 'GOEDGEKEURD', make_date(j, q * 3, 28), make_date(j, q * 3, 28)
       from module m cross join generate_series(?::int, ?::int) j cross join generate_series(1, 4) q`,
      [omvang.van, omvang.tot],
    );
    await sql(`
      insert into kpi_waarde (rapportage_id, kpi_id, gemeente_id, waarde)
      select r.id, k.id, g.id, (r.id * 31 + k.id * 17 + coalesce(g.id, 0) * 7) % 1000
      from kwartaalrapportage r
      join kpi k on k.module_id = r.module_id
      left join gemeente g on k.niveau = 'GEMEENTE'`);
    await sql(
      `insert into dvo (kenmerk, omschrijving, module_id, gemeente_id, ingangsdatum, status)
       select 'DVO-' || m.code || '-' || g.cbs_code, 'gegenereerd', m.id, g.id, '2000-01-01', 'ACTIEF' from module m cross join gemeente g`,
    );
    await sql(
      `insert into dvo_norm (dvo_id, kpi_id, jaar, periode, norm)
       select d.id, k.id, j, k.periode, 500 from dvo d join kpi k on k.module_id = d.module_id cross join generate_series(?::int, ?::int) j`,
      [omvang.van, omvang.tot],
    );
  });
  await em.getConnection().execute('analyze', [], 'run');
}
