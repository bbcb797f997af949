import type { FilterQuery } from '@mikro-orm/core';
import type { Context } from '../context.js';
import { groupByKey } from '../core/loaders.js';
import { KpiWaarde } from './kpi-waarde.entity.js';
import { Kwartaalrapportage } from './kwartaalrapportage.entity.js';
import { zichtbareKpiWaarden, zichtbareRapportages } from './rapportage.access.js';

export interface RapportageFilter {
  module?: string;
  jaar?: number;
  kwartaal?: number;
}

const RAPPORTAGE_VOLGORDE = { jaar: 'asc', kwartaal: 'asc', versie: 'asc' } as const;

function periode(filter: { jaar?: number; kwartaal?: number }) {
  const where: { jaar?: number; kwartaal?: number } = {};
  if (filter.jaar !== undefined) where.jaar = filter.jaar;
  if (filter.kwartaal !== undefined) where.kwartaal = filter.kwartaal;
  return where;
}

/** Report versions visible to the caller, filtered. */
export function zoekRapportages(ctx: Context, filter: RapportageFilter): Promise<Kwartaalrapportage[]> {
  const where: FilterQuery<Kwartaalrapportage> = { $and: [zichtbareRapportages(ctx.identity), periode(filter)] };
  if (filter.module) where.module = { code: filter.module };
  return ctx.em.find(Kwartaalrapportage, where, { orderBy: { module: { code: 'asc' }, ...RAPPORTAGE_VOLGORDE } });
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
