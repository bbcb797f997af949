import type { FilterQuery } from '@mikro-orm/core';
import type { Context } from '../context.js';
import { Decimal } from '../core/decimal.js';
import { ErrorCode, hubError, notFound } from '../core/errors.js';
import { KpiWaarde } from './kpi-waarde.entity.js';
import { actueleKpiWaarden, vereisKpiWaardenVanGemeente, zichtbareKpiWaarden } from './rapportage.access.js';
import { rapporteertIn } from './rapportage-validatie.service.js';
import type { KpiReeksPunt, KwartaalInvoer } from './kpi-reeks.types.js';
import { Kpi, KpiNiveau } from '../kpi/kpi.entity.js';

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

/** A KPI's quarterly values for one gemeente (or the region) with the DVO targets; a fixed handful of statements. */
export async function kpiReeks(
  ctx: Context,
  args: { module: string; kpi: string; gemeente?: string | null; van: KwartaalInvoer; tot: KwartaalInvoer },
): Promise<KpiReeksPunt[]> {
  const reeks = kwartalen(args.van, args.tot);
  const kpi = await ctx.em.findOne(Kpi, { code: args.kpi, module: { code: args.module } });
  if (!kpi) throw notFound('KPI', `${args.module}/${args.kpi}`);
  const gemeente = args.gemeente ?? null;
  if (kpi.niveau === KpiNiveau.GEMEENTE && !gemeente) {
    throw hubError(ErrorCode.BAD_USER_INPUT, `KPI ${kpi.code} wordt per gemeente gerapporteerd; geef een gemeente op.`);
  }
  if (kpi.niveau === KpiNiveau.REGIO && gemeente) {
    throw hubError(ErrorCode.BAD_USER_INPUT, `KPI ${kpi.code} is regionaal; vraag de reeks zonder gemeente op.`);
  }
  vereisKpiWaardenVanGemeente(ctx.identity, gemeente);

  const jaren = { $gte: reeks[0].jaar, $lte: reeks.at(-1)!.jaar };
  const waardeFilter: FilterQuery<KpiWaarde> = {
    $and: [
      zichtbareKpiWaarden(ctx.identity),
      actueleKpiWaarden(ctx.identity),
      { kpi, rapportage: { jaar: jaren }, gemeente: gemeente ? { cbsCode: gemeente } : null },
    ],
  };
  const waarden = await ctx.em.find(KpiWaarde, waardeFilter, { populate: ['rapportage'] });
  // Norm and verdict for every quarter of the series, also those without a value, by the one rule:
  // kies_kpi_norm for the norm, kpi_waarde_beoordeling for whether a value met it.
  const punten = reeks
    .filter((k) => rapporteertIn(kpi, k.kwartaal))
    .map((k) => ({ ...k, waarde: waarden.find((w) => w.rapportage.jaar === k.jaar && w.rapportage.kwartaal === k.kwartaal) }));
  const beoordeeld = await ctx.em.getConnection().execute<{ norm: string | null; gehaald: boolean | null }[]>(
    `select keuze.norm, b.gehaald
     from rows from (jsonb_to_recordset(?::jsonb) as (jaar int, kwartaal int, waarde_id int)) with ordinality as q(jaar, kwartaal, waarde_id, volgorde)
     left join lateral kies_kpi_norm(?, q.jaar, q.kwartaal, (select g.id from gemeente g where g.cbs_code = ?)) keuze on true
     left join kpi_waarde_beoordeling b on b.kpi_waarde_id = q.waarde_id
     order by q.volgorde`,
    [JSON.stringify(punten.map((p) => ({ jaar: p.jaar, kwartaal: p.kwartaal, waarde_id: p.waarde?.id ?? null }))), kpi.id, gemeente],
  );
  return punten.map(({ jaar, kwartaal, waarde }, i) => ({
    jaar,
    kwartaal,
    waarde: waarde?.waarde ?? null,
    norm: beoordeeld[i].norm === null ? null : new Decimal(beoordeeld[i].norm),
    gehaald: beoordeeld[i].gehaald,
    versie: waarde?.rapportage.versie ?? null,
    status: waarde?.rapportage.status ?? null,
  }));
}
