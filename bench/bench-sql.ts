import { KOSTENOVERZICHT_PARAMETERS, KOSTENOVERZICHT_SQL } from '../src/bijdrage/kostenoverzicht.service.js';

/** The dashboard statement with PostgreSQL placeholders: $1 = year, no module, gemeente or taakveld filter. */
export function dashboardSql(): string {
  const waarden = KOSTENOVERZICHT_PARAMETERS.map((p) => (p === 'van' || p === 'tot' ? '$1' : 'NULL'));
  let i = 0;
  const kern = KOSTENOVERZICHT_SQL.replace(/\?/g, () => waarden[i++]);
  return `select k.jaar::int as jaar, k.gemeente_id, k.module_id, k.alle_gemeenten::int as alle_gemeenten,
                 k.alle_modules::int as alle_modules, k.begroot::numeric as begroot, k.gewijzigd::numeric as gewijzigd,
                 k.gerealiseerd::numeric as gerealiseerd, k.inwoners::numeric as inwoners,
                 g.cbs_code, m.code as module_code
          from (${kern}) k left join gemeente g on g.id = k.gemeente_id left join module m on m.id = k.module_id`;
}

/**
 * Functions in a schema of their own through which PostGraphile answers the same questions: that is
 * PostGraphile's way to offer custom aggregates and range filters. Only for the benchmark database.
 */
export function postgraphileFuncties(): string[] {
  return [
    'create schema if not exists bench',
    `create type bench.kosten_regel as (jaar int, gemeente_id int, module_id int, alle_gemeenten int, alle_modules int,
       begroot numeric, gewijzigd numeric, gerealiseerd numeric, inwoners numeric, cbs_code text, module_code text)`,
    `create function bench.kostenoverzicht(jaar int) returns setof bench.kosten_regel language sql stable as $$ ${dashboardSql()} $$`,
    `create function bench.bijdragen_in_jaren(van int, tot int) returns setof public.bijdrage language sql stable as $$
       select * from public.bijdrage where jaar between van and tot and begroting_id in (select id from public.actuele_begroting)
       order by bedrag desc, id $$`,
  ];
}
