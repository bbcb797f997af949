import type { QBFilterQuery } from '@mikro-orm/postgresql';
import type { Context } from '../context.js';
import { groupColumns, totalsPerGroup } from '../core/totals.js';
import { KpiWaarde } from './kpi-waarde.entity.js';
import { actueleKpiWaarden, zichtbareKpiWaarden } from './rapportage.access.js';
import { kpiWaardeWhere, type KpiWaardeWhere } from './rapportage.where.js';
import { KpiGroepering, KpiTotaal } from './kpi-totalen.types.js';

const KOLOM: Record<KpiGroepering, string> = {
  KPI: 'w.kpi_id',
  GEMEENTE: 'w.gemeente_id',
  MODULE: 'r.module_id',
  JAAR: 'r.jaar',
  KWARTAAL: 'r.kwartaal',
};

interface Groep {
  kpi_id?: number;
  gemeente_id?: number | null;
  module_id?: number;
  jaar?: number;
  kwartaal?: number;
}

/**
 * Aggregates of the KPI values the caller may see (current versions), by PostgreSQL GROUP BY.
 * Always per KPI: values of different KPIs have different units and never add up.
 */
export async function kpiTotalen(ctx: Context, groepen: KpiGroepering[], where?: KpiWaardeWhere): Promise<KpiTotaal[]> {
  const kolommen = groupColumns(KOLOM, [KpiGroepering.KPI, ...groepen]);
  const filter = { $and: [zichtbareKpiWaarden(ctx.identity), kpiWaardeWhere(where), actueleKpiWaarden(ctx.identity)] };
  const qb = ctx.em
    .createQueryBuilder(KpiWaarde, 'w')
    .join('w.rapportage', 'r')
    .where(filter as QBFilterQuery<KpiWaarde>);
  const rijen = await totalsPerGroup<Groep, KpiWaarde>(qb, kolommen, 'w.waarde', 4);
  return rijen.map(({ group: r, ...totalen }) => ({
    kpiId: r.kpi_id ?? null,
    gemeenteId: r.gemeente_id ?? null,
    moduleId: r.module_id ?? null,
    jaar: r.jaar ?? null,
    kwartaal: r.kwartaal ?? null,
    ...totalen,
  }));
}
