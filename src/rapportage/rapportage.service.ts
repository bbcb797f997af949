import type { FilterQuery } from '@mikro-orm/core';
import type { Context } from '../context.js';
import { paginate, type ConnectionResult, type PageArgs } from '../core/connection.js';
import { groupByKey } from '../core/loaders.js';
import { KpiWaarde } from './kpi-waarde.entity.js';
import { Kwartaalrapportage } from './kwartaalrapportage.entity.js';
import { actueleKpiWaarden, zichtbareKpiWaarden, zichtbareRapportages } from './rapportage.access.js';
import { kpiWaardeOrder, kpiWaardeWhere, rapportageWhere, type KpiWaardeOrder, type KpiWaardeWhere, type RapportageWhere } from './rapportage.where.js';

const RAPPORTAGE_VOLGORDE = { jaar: 'asc', kwartaal: 'asc', versie: 'asc' } as const;

function periode(filter: { jaar?: number; kwartaal?: number }) {
  const where: { jaar?: number; kwartaal?: number } = {};
  if (filter.jaar !== undefined) where.jaar = filter.jaar;
  if (filter.kwartaal !== undefined) where.kwartaal = filter.kwartaal;
  return where;
}

/** Report versions visible to the caller, filtered and paged. */
export function zoekRapportages(ctx: Context, where: RapportageWhere | undefined, pagina: PageArgs): Promise<ConnectionResult<Kwartaalrapportage>> {
  const filter = { $and: [zichtbareRapportages(ctx.identity), rapportageWhere(where)] } as FilterQuery<Kwartaalrapportage>;
  return paginate(ctx.em, Kwartaalrapportage, filter, [{ module: { code: 'asc' } }, RAPPORTAGE_VOLGORDE, { id: 'asc' }], pagina);
}

/** KPI values the caller may see, filtered and paged; by default only from current report versions. */
export function zoekKpiWaarden(
  ctx: Context,
  where: KpiWaardeWhere | undefined,
  orderBy: KpiWaardeOrder[] | undefined,
  alleenActueel: boolean,
  pagina: PageArgs,
): Promise<ConnectionResult<KpiWaarde>> {
  const delen: FilterQuery<KpiWaarde>[] = [zichtbareKpiWaarden(ctx.identity), kpiWaardeWhere(where)];
  if (alleenActueel) delen.push(actueleKpiWaarden(ctx.identity));
  return paginate(ctx.em, KpiWaarde, { $and: delen } as FilterQuery<KpiWaarde>, kpiWaardeOrder(orderBy), pagina);
}

export function rapportagesVanModule(ctx: Context, filter: { jaar?: number }) {
  const where = { $and: [zichtbareRapportages(ctx.identity), periode(filter)] } as FilterQuery<Kwartaalrapportage>;
  return ctx.loaders.manyBy(Kwartaalrapportage, 'module', where, RAPPORTAGE_VOLGORDE);
}

export function waardenVanRapportage(ctx: Context, gemeente?: string) {
  const where = { $and: [zichtbareKpiWaarden(ctx.identity), gemeente ? { gemeente: { cbsCode: gemeente } } : {}] } as FilterQuery<KpiWaarde>;
  return ctx.loaders.manyBy(KpiWaarde, 'rapportage', where);
}

/** A gemeente's reported values in a module (a deelname's kpiWaarden), keyed "gemeenteId:moduleId". */
export function waardenVanDeelnemer(ctx: Context, filter: { jaar?: number; kwartaal?: number }) {
  const scope = zichtbareKpiWaarden(ctx.identity);
  const rapportage = periode(filter);
  return ctx.loaders.custom(`KpiWaarde#deelnemer#${JSON.stringify(rapportage)}`, async (keys: readonly string[]) => {
    const paren = keys.map((key) => key.split(':').map(Number));
    const rows = await ctx.em.find(
      KpiWaarde,
      {
        $and: [
          scope,
          { gemeente: { $in: paren.map(([g]) => g) }, rapportage: { ...rapportage, module: { $in: paren.map(([, m]) => m) } } },
        ],
      } as FilterQuery<KpiWaarde>,
      { populate: ['rapportage'], orderBy: { rapportage: RAPPORTAGE_VOLGORDE, id: 'asc' } },
    );
    return groupByKey(keys, rows, (w) => `${w.gemeente!.id}:${w.rapportage.module.id}`);
  });
}
