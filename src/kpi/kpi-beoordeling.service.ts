import { raw, type FilterQuery } from '@mikro-orm/core';
import type { Context } from '../context.js';
import { Decimal } from '../core/decimal.js';

/**
 * Whether a KPI value met its norm is decided in one place, in the database (migrations eenAntwoord
 * and normKeuze): kies_kpi_norm(kpi, jaar, kwartaal, gemeente) picks the DVO norm by an explicit rule,
 * beoordeel_kpi_waarde(kpi, jaar, kwartaal, gemeente, waarde, status) gives that norm and `gehaald`
 * (empty for reports sent back), and the view kpi_waarde_beoordeling applies it to every value.
 * The graph and the kpiWaarden filter read the view; kpiReeks calls the function per quarter.
 */
export interface Beoordeling {
  norm: Decimal | null;
  gehaald: boolean | null;
}

/** Per KPI value id: its norm and whether it was met; one statement per request. */
export function beoordelingVan(ctx: Context) {
  return ctx.loaders.custom('KpiWaarde#beoordeling', async (ids: readonly number[]): Promise<Beoordeling[]> => {
    const rijen = await ctx.em
      .getConnection()
      .execute<{ kpi_waarde_id: number; norm: string | null; gehaald: boolean | null }[]>(
        'select kpi_waarde_id, norm, gehaald from kpi_waarde_beoordeling where kpi_waarde_id = any(?::int[])',
        [`{${ids.join(',')}}`],
      );
    const perId = new Map(rijen.map((r) => [r.kpi_waarde_id, { norm: r.norm === null ? null : new Decimal(r.norm), gehaald: r.gehaald }]));
    return ids.map((id) => perId.get(id) ?? { norm: null, gehaald: null });
  });
}

/**
 * Filter on `gehaald` for a query on KPI values (kpi_waarde ids): true, false, or null for values
 * without a norm (or from a report sent back). Generic in the entity because KpiWaarde lives in
 * rapportage/, a layer above this one.
 */
export function gehaaldFilter<T extends { id: number }>(gehaald: boolean | null): FilterQuery<T> {
  const voorwaarde = gehaald === null ? 'gehaald is null' : `gehaald = ${gehaald ? 'true' : 'false'}`;
  return { [raw((alias: string) => `${alias}.id in (select kpi_waarde_id from kpi_waarde_beoordeling where ${voorwaarde})`)]: [] } as FilterQuery<T>;
}
