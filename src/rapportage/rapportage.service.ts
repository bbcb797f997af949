import type { FilterQuery } from '@mikro-orm/core';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context.js';
import { paginateRead, type ConnectionResult, type JoinedRef, type PageArgs } from '../core/connection.js';
import { gemeenteLezen } from '../gemeente/gemeente.types.js';
import { kpiLezen } from '../kpi/kpi.types.js';
import { moduleLezen } from '../module/module.types.js';
import { groupByKey } from '../core/loaders.js';
import type { KpiWaarde } from './kpi-waarde.entity.js';
import { kpiWaardeLezen, type KpiWaardeType } from './kpi-waarde.types.js';
import type { Kwartaalrapportage } from './kwartaalrapportage.entity.js';
import { kwartaalrapportageLezen, type KwartaalrapportageType } from './kwartaalrapportage.types.js';
import { actueleKpiWaarden, zichtbareKpiWaarden, zichtbareRapportages } from './rapportage.access.js';
import { kpiWaardeOrder, kpiWaardeWhere, rapportageWhere, type KpiWaardeOrder, type KpiWaardeWhere, type RapportageWhere } from './rapportage.where.js';

const RAPPORTAGE_VOLGORDE = { jaar: 'asc', kwartaal: 'asc', versie: 'asc' } as const;

function periode(filter: { jaar?: number; kwartaal?: number }) {
  const where: { jaar?: number; kwartaal?: number } = {};
  if (filter.jaar !== undefined) where.jaar = filter.jaar;
  if (filter.kwartaal !== undefined) where.kwartaal = filter.kwartaal;
  return where;
}

/** What a page of reports or values reads along when the client asks for it (see JoinedRef). */
const RAPPORTAGE_VERWIJZINGEN: JoinedRef<KwartaalrapportageType>[] = [{ field: 'module', key: 'moduleId', column: 'e.module_id', model: moduleLezen }];
const KPI_WAARDE_VERWIJZINGEN: JoinedRef<KpiWaardeType>[] = [
  { field: 'kpi', key: 'kpiId', column: 'e.kpi_id', model: kpiLezen },
  { field: 'gemeente', key: 'gemeenteId', column: 'e.gemeente_id', model: gemeenteLezen },
  { field: 'rapportage', key: 'rapportageId', column: 'e.rapportage_id', model: kwartaalrapportageLezen },
];

/** Report versions visible to the caller, filtered and paged. */
export function zoekRapportages(
  ctx: Context,
  info: GraphQLResolveInfo,
  where: RapportageWhere | undefined,
  pagina: PageArgs,
): Promise<ConnectionResult<KwartaalrapportageType>> {
  const filter = () => ({ $and: [zichtbareRapportages(ctx.identity), rapportageWhere(where)] }) as FilterQuery<Kwartaalrapportage>;
  const volgorde = [{ module: { code: 'asc' } }, RAPPORTAGE_VOLGORDE, { id: 'asc' }] as const;
  return paginateRead(ctx.em, kwartaalrapportageLezen, filter, [...volgorde], pagina, { info, loaders: ctx.loaders, refs: RAPPORTAGE_VERWIJZINGEN });
}

/** KPI values the caller may see, filtered and paged; by default only from current report versions. */
export function zoekKpiWaarden(
  ctx: Context,
  info: GraphQLResolveInfo,
  where: KpiWaardeWhere | undefined,
  orderBy: KpiWaardeOrder[] | undefined,
  alleenActueel: boolean,
  pagina: PageArgs,
): Promise<ConnectionResult<KpiWaardeType>> {
  // The current-version and gehaald conditions are raw fragments, which a statement consumes: built anew per statement.
  const filter = () => {
    const delen: FilterQuery<KpiWaarde>[] = [zichtbareKpiWaarden(ctx.identity), kpiWaardeWhere(where)];
    if (alleenActueel) delen.push(actueleKpiWaarden(ctx.identity));
    return { $and: delen } as FilterQuery<KpiWaarde>;
  };
  return paginateRead(ctx.em, kpiWaardeLezen, filter, kpiWaardeOrder(orderBy), pagina, { info, loaders: ctx.loaders, refs: KPI_WAARDE_VERWIJZINGEN });
}

/** A module's visible report versions, per module id. */
export function rapportagesVanModule(ctx: Context, filter: { jaar?: number }) {
  const where = { $and: [zichtbareRapportages(ctx.identity), periode(filter)] } as FilterQuery<Kwartaalrapportage>;
  return ctx.loaders.readManyBy(kwartaalrapportageLezen, { relation: 'module', key: 'moduleId' }, where, RAPPORTAGE_VOLGORDE);
}

/** A report's visible values, optionally of one gemeente, per report id. */
export function waardenVanRapportage(ctx: Context, gemeente?: string) {
  const where = { $and: [zichtbareKpiWaarden(ctx.identity), gemeente ? { gemeente: { cbsCode: gemeente } } : {}] } as FilterQuery<KpiWaarde>;
  return ctx.loaders.readManyBy(kpiWaardeLezen, { relation: 'rapportage', key: 'rapportageId' }, where);
}

/** A gemeente's reported values in a module (a deelname's kpiWaarden), keyed "gemeenteId:moduleId". */
export function waardenVanDeelnemer(ctx: Context, filter: { jaar?: number; kwartaal?: number }) {
  const scope = zichtbareKpiWaarden(ctx.identity);
  const rapportage = periode(filter);
  return ctx.loaders.custom(`KpiWaarde#read#deelnemer#${JSON.stringify(rapportage)}`, async (keys: readonly string[]) => {
    const paren = keys.map((key) => key.split(':').map(Number));
    // The module a value belongs to is its report's; the read type has no column for it, so it comes
    // as an extra select item for the grouping only.
    const rows = await kpiWaardeLezen.findWith(
      ctx.em,
      {
        $and: [
          scope,
          { gemeente: { $in: paren.map(([g]) => g) }, rapportage: { ...rapportage, module: { $in: paren.map(([, m]) => m) } } },
        ],
      } as FilterQuery<KpiWaarde>,
      { moduleId: '(select r.module_id from kwartaalrapportage r where r.id = e.rapportage_id)' },
      { orderBy: { rapportage: RAPPORTAGE_VOLGORDE, id: 'asc' } },
    );
    return groupByKey(keys, rows, ({ row, extra }) => `${row.gemeenteId}:${extra.moduleId}`).map((groep) => groep.map(({ row }) => row));
  });
}
