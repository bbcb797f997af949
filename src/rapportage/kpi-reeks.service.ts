import type { EntityManager } from '@mikro-orm/postgresql';
import type { Identity } from '../auth/identity.js';
import type { Context } from '../context.js';
import { Decimal } from '../core/decimal.js';
import { ErrorCode, hubError, notFound } from '../core/errors.js';
import { KpiWaarde } from './kpi-waarde.entity.js';
import type { RapportageStatus } from './kwartaalrapportage.entity.js';
import { actueleKpiWaarden, vereisKpiWaardenVanGemeente, zichtbareKpiWaarden } from './rapportage.access.js';
import { rapporteertIn } from './rapportage-validatie.service.js';
import { KpiReeksPunt, type KwartaalInvoer } from './kpi-reeks.types.js';
import { KpiNiveau, type Kpi, type KpiPeriode } from '../kpi/kpi.entity.js';

const MAX_KWARTALEN = 80;

function kwartalen(van: KwartaalInvoer, tot: KwartaalInvoer): Array<{ jaar: number; kwartaal: number }> {
  const geldig = (k: KwartaalInvoer) => k.kwartaal >= 1 && k.kwartaal <= 4;
  const index = (k: KwartaalInvoer) => k.jaar * 4 + k.kwartaal - 1;
  if (!geldig(van) || !geldig(tot) || index(tot) < index(van) || index(tot) - index(van) >= MAX_KWARTALEN) {
    throw hubError(ErrorCode.BAD_USER_INPUT, `Kies een reeks van 1 tot ${MAX_KWARTALEN} kwartalen (kwartaal 1–4), met "tot" niet vóór "van".`);
  }
  return Array.from({ length: index(tot) - index(van) + 1 }, (_, i) => {
    const k = index(van) + i;
    return { jaar: Math.floor(k / 4), kwartaal: (k % 4) + 1 };
  });
}

interface Scope {
  sql: string;
  params: unknown[];
}

// Rendering the scope rules through MikroORM's query builder costs 0.5–1 ms of CPU, more than the
// whole rest of a request, while the SQL depends only on the identity's scope. So it is rendered once
// per scope (role, gemeente, modules: the fields of Identity that say what it may see) and kept.
const SCOPES_MAX = 1000;
const scopes = new Map<string, Scope>();

/**
 * The KPI values the identity may see, of the current report versions (rapportage.access.ts), as a
 * subquery with the columns the series needs.
 */
function zichtbareActueleWaarden(em: EntityManager, identity: Identity): Scope {
  const sleutel = JSON.stringify([identity.rol, identity.gemeente, identity.modules]);
  let scope = scopes.get(sleutel);
  if (!scope) {
    const { sql, bindings } = em
      .createQueryBuilder(KpiWaarde, 'w')
      // Column names, not relations: a relation whose table the rules join would be selected from that join.
      .select(['w.id', 'w.kpi_id', 'w.gemeente_id', 'w.waarde', 'r.jaar', 'r.kwartaal', 'r.versie', 'r.status'])
      .join('w.rapportage', 'r')
      .where({ $and: [zichtbareKpiWaarden(identity), actueleKpiWaarden(identity)] })
      .getKnexQuery()
      .toSQL();
    scope = { sql, params: [...bindings] };
    if (scopes.size >= SCOPES_MAX) scopes.delete(scopes.keys().next().value!);
    scopes.set(sleutel, scope);
  }
  return scope;
}

interface Rij {
  niveau: KpiNiveau;
  periode: KpiPeriode;
  jaar: number;
  kwartaal: number;
  waarde: string | null;
  versie: number | null;
  status: RapportageStatus | null;
  norm: string | null;
  gehaald: boolean | null;
}

/**
 * A KPI's quarterly values for one gemeente (or the region) with the DVO targets, in one statement:
 * the KPI, its visible current values, and per quarter the norm and whether the value met it from
 * beoordeel_kpi_waarde, the database's one definition of both (also behind kpi_waarde_beoordeling).
 */
export async function kpiReeks(
  ctx: Context,
  args: { module: string; kpi: string; gemeente?: string | null; van: KwartaalInvoer; tot: KwartaalInvoer },
): Promise<KpiReeksPunt[]> {
  const reeks = kwartalen(args.van, args.tot);
  const gemeente = args.gemeente ?? null;
  const zichtbaar = zichtbareActueleWaarden(ctx.em, ctx.identity);
  // No row at all means no such KPI: the series has at least one quarter. The access check comes after
  // the statement, in the order the checks always had; the values are scoped in SQL regardless.
  // The values are materialized so they are read once, not once per quarter of the join.
  const rijen = await ctx.em.getConnection().execute<Rij[]>(
    `with kpi as (select k.id, k.niveau, k.periode from kpi k join module m on m.id = k.module_id where m.code = ? and k.code = ?),
          gem as (select (select g.id from gemeente g where g.cbs_code = ?) as id),
          waarde as materialized (
            select v.jaar, v.kwartaal, v.waarde, v.versie, v.status
            from (${zichtbaar.sql}) v, kpi, gem
            where v.kpi_id = kpi.id and ${gemeente ? 'v.gemeente_id = gem.id' : 'v.gemeente_id is null'} and v.jaar between ? and ?)
     select kpi.niveau, kpi.periode, q.jaar, q.kwartaal, w.waarde, w.versie, w.status, b.norm, b.gehaald
     from kpi
     cross join gem
     cross join unnest(?::int[], ?::int[]) with ordinality as q(jaar, kwartaal, volgorde)
     left join waarde w on w.jaar = q.jaar and w.kwartaal = q.kwartaal
     cross join lateral beoordeel_kpi_waarde(kpi.id, q.jaar, q.kwartaal, gem.id, w.waarde, w.status) b
     order by q.volgorde`,
    [
      args.module,
      args.kpi,
      gemeente,
      ...zichtbaar.params,
      reeks[0].jaar,
      reeks.at(-1)!.jaar,
      `{${reeks.map((k) => k.jaar).join(',')}}`,
      `{${reeks.map((k) => k.kwartaal).join(',')}}`,
    ],
  );
  if (rijen.length === 0) throw notFound('KPI', `${args.module}/${args.kpi}`);
  const { niveau, periode } = rijen[0];
  if (niveau === KpiNiveau.GEMEENTE && !gemeente) {
    throw hubError(ErrorCode.BAD_USER_INPUT, `KPI ${args.kpi} wordt per gemeente gerapporteerd; geef een gemeente op.`);
  }
  if (niveau === KpiNiveau.REGIO && gemeente) {
    throw hubError(ErrorCode.BAD_USER_INPUT, `KPI ${args.kpi} is regionaal; vraag de reeks zonder gemeente op.`);
  }
  vereisKpiWaardenVanGemeente(ctx.identity, gemeente);
  // rapporteertIn reads only the period; the series needs no more of the KPI.
  const kpi = { periode } as Kpi;
  return rijen
    .filter((r) => rapporteertIn(kpi, r.kwartaal))
    .map((r) =>
      Object.assign(new KpiReeksPunt(), {
        jaar: r.jaar,
        kwartaal: r.kwartaal,
        waarde: r.waarde === null ? null : new Decimal(r.waarde),
        norm: r.norm === null ? null : new Decimal(r.norm),
        gehaald: r.gehaald,
        versie: r.versie,
        status: r.status,
      }),
    );
}
