import type { EntityManager } from '@mikro-orm/postgresql';
import type { Decimal } from '../core/decimal.js';
import { Deelname } from '../deelname/deelname.entity.js';
import { deelnameInPeriode } from '../deelname/deelname.service.js';
import { Kpi, KpiEenheid, KpiNiveau, KpiPeriode, KWARTAAL_VAN_JAARCIJFER } from '../kpi/kpi.entity.js';
import type { Module } from '../module/module.entity.js';
import type { KpiWaarde } from './kpi-waarde.entity.js';

export interface Probleem {
  kpi: string | null;
  gemeente: string | null;
  probleem: string;
}

/** A quarter as half-open dates [begin, einde). */
export function kwartaalPeriode(jaar: number, kwartaal: number): { begin: string; einde: string } {
  const maand = (m: number) => String(m).padStart(2, '0');
  const begin = `${jaar}-${maand((kwartaal - 1) * 3 + 1)}-01`;
  const einde = kwartaal === 4 ? `${jaar + 1}-01-01` : `${jaar}-${maand(kwartaal * 3 + 1)}-01`;
  return { begin, einde };
}

/** What is wrong with one value for its KPI: bounds, percentages 0–100, whole non-negative counts. */
export function waardeProbleem(kpi: Kpi, waarde: Decimal): string | null {
  if (kpi.eenheid === KpiEenheid.PERCENTAGE && (waarde.lessThan(0) || waarde.greaterThan(100))) return 'een percentage ligt tussen 0 en 100';
  if ((kpi.eenheid === KpiEenheid.AANTAL || kpi.eenheid === KpiEenheid.DAGEN) && (!waarde.isInteger() || waarde.isNegative())) {
    return 'een aantal is een geheel getal van 0 of meer';
  }
  if (kpi.ondergrens && waarde.lessThan(kpi.ondergrens)) return `de waarde ligt onder de ondergrens ${kpi.ondergrens.toFixed()}`;
  if (kpi.bovengrens && waarde.greaterThan(kpi.bovengrens)) return `de waarde ligt boven de bovengrens ${kpi.bovengrens.toFixed()}`;
  return null;
}

/** Whether a KPI takes a value in this quarter's report: a yearly figure only in the fourth quarter. */
export function rapporteertIn(kpi: Kpi, kwartaal: number): boolean {
  return kpi.periode !== KpiPeriode.JAAR || kwartaal === KWARTAAL_VAN_JAARCIJFER;
}

export const JAARCIJFER_MELDING = `jaarcijfer: alleen in de rapportage van kwartaal ${KWARTAAL_VAN_JAARCIJFER}`;

/** KPIs of the module active in (part of) the quarter. */
export function actieveKpis(em: EntityManager, module: Module, jaar: number, kwartaal: number): Promise<Kpi[]> {
  const { begin, einde } = kwartaalPeriode(jaar, kwartaal);
  return em.find(Kpi, { module, actiefVanaf: { $lt: einde }, $or: [{ actiefTot: null }, { actiefTot: { $gt: begin } }] }, { orderBy: { code: 'asc' } });
}

/** CBS codes of the gemeenten taking part in the module during (part of) the quarter. */
export async function deelnemersInKwartaal(em: EntityManager, module: Module, jaar: number, kwartaal: number): Promise<Set<string>> {
  const { begin, einde } = kwartaalPeriode(jaar, kwartaal);
  const deelnames = await em.find(Deelname, { $and: [{ module }, deelnameInPeriode(begin, einde)] }, { populate: ['gemeente'] });
  return new Set(deelnames.map((d) => d.gemeente.cbsCode));
}

/**
 * Everything that keeps a report from being submitted, all at once: every active KPI has a value
 * (a yearly figure only in the fourth quarter, and only there); per-gemeente KPIs exactly one for
 * each participating gemeente and none for others; regional KPIs one without gemeente; every value
 * within its bounds.
 */
export function volledigheidsProblemen(kpis: Kpi[], deelnemers: Set<string>, waarden: KpiWaarde[], kwartaal: number): Probleem[] {
  const problemen: Probleem[] = [];
  for (const kpi of kpis) {
    const vanKpi = waarden.filter((w) => w.kpi.id === kpi.id);
    if (!rapporteertIn(kpi, kwartaal)) {
      for (const w of vanKpi) problemen.push({ kpi: kpi.code, gemeente: w.gemeente?.cbsCode ?? null, probleem: JAARCIJFER_MELDING });
      continue;
    }
    if (kpi.niveau === KpiNiveau.REGIO) {
      if (!vanKpi.some((w) => !w.gemeente)) problemen.push({ kpi: kpi.code, gemeente: null, probleem: 'regionale waarde ontbreekt' });
      for (const w of vanKpi.filter((x) => x.gemeente)) {
        problemen.push({ kpi: kpi.code, gemeente: w.gemeente!.cbsCode, probleem: 'regionale KPI heeft geen waarden per gemeente' });
      }
    } else {
      for (const code of [...deelnemers].sort()) {
        if (!vanKpi.some((w) => w.gemeente?.cbsCode === code)) problemen.push({ kpi: kpi.code, gemeente: code, probleem: 'waarde ontbreekt' });
      }
      for (const w of vanKpi) {
        if (!w.gemeente) problemen.push({ kpi: kpi.code, gemeente: null, probleem: 'KPI per gemeente heeft geen regionale waarde' });
        else if (!deelnemers.has(w.gemeente.cbsCode)) {
          problemen.push({ kpi: kpi.code, gemeente: w.gemeente.cbsCode, probleem: 'gemeente neemt dit kwartaal niet deel aan de module' });
        }
      }
    }
    for (const w of vanKpi) {
      const fout = waardeProbleem(kpi, w.waarde);
      if (fout) problemen.push({ kpi: kpi.code, gemeente: w.gemeente?.cbsCode ?? null, probleem: fout });
    }
  }
  for (const w of waarden.filter((x) => !kpis.some((k) => k.id === x.kpi.id))) {
    problemen.push({ kpi: w.kpi.code, gemeente: w.gemeente?.cbsCode ?? null, probleem: 'KPI is dit kwartaal niet actief' });
  }
  return problemen;
}
