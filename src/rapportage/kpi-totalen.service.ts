import { raw } from '@mikro-orm/core';
import type { QBFilterQuery } from '@mikro-orm/postgresql';
import type { Context } from '../context.js';
import { Decimal } from '../core/decimal.js';
import { KpiWaarde } from './kpi-waarde.entity.js';
import { zichtbareKpiWaarden } from './rapportage.access.js';
import { actueleVersies } from './rapportage.service.js';
import { kpiWaardeWhere, type KpiWaardeWhere } from './rapportage.where.js';
import { KpiGroepering, KpiTotaal } from './kpi-totalen.types.js';

const KOLOM: Record<KpiGroepering, string> = {
  KPI: 'w.kpi_id',
  GEMEENTE: 'w.gemeente_id',
  MODULE: 'r.module_id',
  JAAR: 'r.jaar',
  KWARTAAL: 'r.kwartaal',
};

interface Rij {
  kpi_id?: number;
  gemeente_id?: number | null;
  module_id?: number;
  jaar?: number;
  kwartaal?: number;
  som: string;
  gemiddelde: string;
  minimum: string;
  maximum: string;
  aantal: string;
}

/**
 * Aggregates of the KPI values the caller may see (current versions), by PostgreSQL GROUP BY.
 * Always per KPI: values of different KPIs have different units and never add up.
 */
export async function kpiTotalen(ctx: Context, groepen: KpiGroepering[], where?: KpiWaardeWhere): Promise<KpiTotaal[]> {
  const kolommen = [...new Set([KpiGroepering.KPI, ...groepen])].map((g) => KOLOM[g]);
  const filter = { $and: [zichtbareKpiWaarden(ctx.identity), kpiWaardeWhere(where), { rapportage: { $in: await actueleVersies(ctx) } }] };
  const qb = ctx.em
    .createQueryBuilder(KpiWaarde, 'w')
    .join('w.rapportage', 'r')
    .select([
      ...kolommen.map((k) => raw(k)),
      raw('sum(w.waarde) as som'),
      raw('round(avg(w.waarde), 4) as gemiddelde'),
      raw('min(w.waarde) as minimum'),
      raw('max(w.waarde) as maximum'),
      raw('count(*) as aantal'),
    ])
    .where(filter as QBFilterQuery<KpiWaarde>);
  if (kolommen.length) qb.groupBy(kolommen.map((k) => raw(k))).orderBy(kolommen.map((k) => ({ [raw(k)]: 'asc' })));
  const rijen = await qb.execute<Rij[]>('all', false);
  return rijen
    .filter((r) => Number(r.aantal) > 0)
    .map((r) => ({
      kpiId: r.kpi_id ?? null,
      gemeenteId: r.gemeente_id ?? null,
      moduleId: r.module_id ?? null,
      jaar: r.jaar ?? null,
      kwartaal: r.kwartaal ?? null,
      som: new Decimal(r.som),
      gemiddelde: new Decimal(r.gemiddelde),
      minimum: new Decimal(r.minimum),
      maximum: new Decimal(r.maximum),
      aantal: Number(r.aantal),
    }));
}
