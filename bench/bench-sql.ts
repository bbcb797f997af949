import { KOSTENOVERZICHT_PARAMETERS, KOSTENOVERZICHT_SQL } from '../src/bijdrage/kostenoverzicht.service.js';

// The SQL that the baseline runs and that PostGraphile exposes as functions (schema bench), so both
// compute what the hub computes for the benchmark's controller token: the same current versions,
// norms, verdicts and totals. bench.ts checks before measuring that the three answers agree.

/**
 * The dashboard statement with PostgreSQL placeholders: $1 = year, $2 = the phase of per_inwoner
 * (the hub's `fase` argument); no module, gemeente or taakveld filter. The hub's own statement (which
 * computes the amount per inhabitant of every phase), with gemeente and module joined.
 */
export function dashboardSql(): string {
  const waarden = KOSTENOVERZICHT_PARAMETERS.map((p) => (p === 'van' || p === 'tot' ? '$1::int' : 'NULL'));
  let i = 0;
  const kern = KOSTENOVERZICHT_SQL.replace(/\?/g, () => waarden[i++]);
  return `select k.jaar::int as jaar, k.gemeente_id, k.module_id, k.alle_gemeenten::int as alle_gemeenten,
                 k.alle_modules::int as alle_modules, k.begroot::numeric as begroot, k.gewijzigd::numeric as gewijzigd,
                 k.gerealiseerd::numeric as gerealiseerd, k.inwoners::numeric as inwoners,
                 (case $2::text when 'BEGROOT' then k.begroot_per_inwoner when 'GEWIJZIGD' then k.gewijzigd_per_inwoner
                                else k.gerealiseerd_per_inwoner end)::numeric as per_inwoner,
                 g.cbs_code, m.code as module_code
          from (${kern}) k left join gemeente g on g.id = k.gemeente_id left join module m on m.id = k.module_id`;
}

/**
 * A KPI's series as the hub's kpiReeks computes it for a controller (src/rapportage/kpi-reeks.service.ts):
 * $1 module code, $2 KPI code, $3 CBS code (NULL: the regional value), $4–$5 the years (all four quarters).
 * One row per quarter in which the KPI reports (a yearly figure: the fourth quarter only), also without a
 * value; the value of the current report version (actuele_rapportage.laatste: a controller sees every
 * status, so the latest version of any status); the norm by kies_kpi_norm and the verdict by
 * kpi_waarde_beoordeling, the product's own rules.
 */
export const KPI_REEKS_SQL = `
  with k as (select k.id, k.periode from kpi k join module m on m.id = k.module_id where m.code = $1::text and k.code = $2::text),
  g as (select (select id from gemeente where cbs_code = $3::text) as id),
  waarde as (
    select r.jaar, r.kwartaal, w.id, w.waarde
    from kpi_waarde w join kwartaalrapportage r on r.id = w.rapportage_id
    where w.kpi_id = (select id from k) and r.jaar between $4::int and $5::int
      and case when $3::text is null then w.gemeente_id is null else w.gemeente_id = (select id from g) end
      and w.rapportage_id in (select id from actuele_rapportage where laatste)
  )
  select j.jaar::int as jaar, q.kwartaal::int as kwartaal, v.waarde, keuze.norm, b.gehaald
  from k
  cross join generate_series($4::int, $5::int) as j(jaar)
  cross join generate_series(1, 4) as q(kwartaal)
  left join waarde v on v.jaar = j.jaar and v.kwartaal = q.kwartaal
  left join lateral kies_kpi_norm(k.id, j.jaar, q.kwartaal, (select id from g)) keuze on true
  left join kpi_waarde_beoordeling b on b.kpi_waarde_id = v.id
  where k.periode <> 'JAAR' or q.kwartaal = 4
  order by j.jaar, q.kwartaal`;

/**
 * The controller page as the hub's `bijdragen` computes it (alleenActueel defaults to true): contributions
 * of the current budget versions in the years $1–$2, by amount descending then id, with the total count.
 */
export const BIJDRAGEN_IN_JAREN_SQL = `
  select * from public.bijdrage where jaar between $1::int and $2::int and begroting_id in (select id from public.actuele_begroting)
  order by bedrag desc, id`;

/**
 * Functions in a schema of their own through which PostGraphile answers the same questions: that is
 * PostGraphile's way to offer custom aggregates, range filters and the product's rules. Only for the
 * benchmark database.
 */
export function postgraphileFuncties(): string[] {
  return [
    'create schema if not exists bench',
    `create type bench.kosten_regel as (jaar int, gemeente_id int, module_id int, alle_gemeenten int, alle_modules int,
       begroot numeric, gewijzigd numeric, gerealiseerd numeric, inwoners numeric, per_inwoner numeric, cbs_code text, module_code text)`,
    `create function bench.kostenoverzicht(jaar int, fase text) returns setof bench.kosten_regel language sql stable as $$ ${dashboardSql()} $$`,
    `create type bench.kpi_reeks_punt as (jaar int, kwartaal int, waarde numeric, norm numeric, gehaald boolean)`,
    `create function bench.kpi_reeks(module_code text, kpi_code text, cbs_code text, van_jaar int, tot_jaar int)
       returns setof bench.kpi_reeks_punt language sql stable as $$ ${KPI_REEKS_SQL} $$`,
    `create function bench.bijdragen_in_jaren(van int, tot int) returns setof public.bijdrage language sql stable as $$ ${BIJDRAGEN_IN_JAREN_SQL} $$`,
  ];
}
