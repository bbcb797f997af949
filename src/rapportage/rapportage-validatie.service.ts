import type { FilterQuery } from '@mikro-orm/core';
import { Decimal } from '../core/decimal.js';
import type { Deelname } from '../deelname/deelname.entity.js';
import { deelnameInPeriode } from '../deelname/deelname.service.js';
import type { Gemeente } from '../gemeente/gemeente.entity.js';
import { KpiEenheid, KpiNiveau, KpiPeriode, KWARTAAL_VAN_JAARCIJFER, type Kpi } from '../kpi/kpi.entity.js';

export interface Probleem {
  kpi: string | null;
  gemeente: string | null;
  probleem: string;
}

/** What the rules need of a KPI: an entity or a row read for one write. */
export type KpiRegels = Pick<Kpi, 'id' | 'code' | 'niveau' | 'eenheid' | 'periode' | 'ondergrens' | 'bovengrens'>;

/** What the rules need of a reported value. */
export interface GemeldeWaarde {
  kpi: Pick<Kpi, 'id' | 'code'>;
  gemeente?: Pick<Gemeente, 'cbsCode'> | null;
  waarde: Decimal;
}

/** A quarter as half-open dates [begin, einde). */
export function kwartaalPeriode(jaar: number, kwartaal: number): { begin: string; einde: string } {
  const maand = (m: number) => String(m).padStart(2, '0');
  const begin = `${jaar}-${maand((kwartaal - 1) * 3 + 1)}-01`;
  const einde = kwartaal === 4 ? `${jaar + 1}-01-01` : `${jaar}-${maand(kwartaal * 3 + 1)}-01`;
  return { begin, einde };
}

/** What is wrong with one value for its KPI: bounds, percentages 0–100, whole non-negative counts. */
export function waardeProbleem(kpi: Pick<Kpi, 'eenheid' | 'ondergrens' | 'bovengrens'>, waarde: Decimal): string | null {
  if (kpi.eenheid === KpiEenheid.PERCENTAGE && (waarde.lessThan(0) || waarde.greaterThan(100))) return 'een percentage ligt tussen 0 en 100';
  if ((kpi.eenheid === KpiEenheid.AANTAL || kpi.eenheid === KpiEenheid.DAGEN) && (!waarde.isInteger() || waarde.isNegative())) {
    return 'een aantal is een geheel getal van 0 of meer';
  }
  if (kpi.ondergrens && waarde.lessThan(kpi.ondergrens)) return `de waarde ligt onder de ondergrens ${kpi.ondergrens.toFixed()}`;
  if (kpi.bovengrens && waarde.greaterThan(kpi.bovengrens)) return `de waarde ligt boven de bovengrens ${kpi.bovengrens.toFixed()}`;
  return null;
}

/**
 * The bounds of waardeProbleem in words, for people filling in a value (the Excel template): the
 * tightest of the KPI's own bounds and those of its unit.
 */
export function grenzenTekst(kpi: Pick<Kpi, 'eenheid' | 'ondergrens' | 'bovengrens'>): string {
  const percentage = kpi.eenheid === KpiEenheid.PERCENTAGE;
  const geheel = kpi.eenheid === KpiEenheid.AANTAL || kpi.eenheid === KpiEenheid.DAGEN;
  const bekend = (grenzen: Array<Decimal | null | undefined>) => grenzen.filter((g): g is Decimal => g !== null && g !== undefined);
  const onderGrenzen = bekend([kpi.ondergrens, percentage || geheel ? new Decimal(0) : null]);
  const bovenGrenzen = bekend([kpi.bovengrens, percentage ? new Decimal(100) : null]);
  const onder = onderGrenzen.length ? Decimal.max(...onderGrenzen) : null;
  const boven = bovenGrenzen.length ? Decimal.min(...bovenGrenzen) : null;
  const tekst = (g: Decimal) => g.toFixed().replace('.', ',');
  const bereik = onder && boven ? `van ${tekst(onder)} tot en met ${tekst(boven)}` : onder ? `${tekst(onder)} of meer` : boven ? `${tekst(boven)} of minder` : 'geen grenzen';
  return geheel ? `geheel getal, ${bereik}` : bereik;
}

export const NIET_DEELNEMER_MELDING = 'gemeente neemt dit kwartaal niet deel aan de module';

/** Whether a KPI takes a value in this quarter's report: a yearly figure only in the fourth quarter. */
export function rapporteertIn(kpi: Pick<Kpi, 'periode'>, kwartaal: number): boolean {
  return kpi.periode !== KpiPeriode.JAAR || kwartaal === KWARTAAL_VAN_JAARCIJFER;
}

export const JAARCIJFER_MELDING = `jaarcijfer: alleen in de rapportage van kwartaal ${KWARTAAL_VAN_JAARCIJFER}`;

/** KPIs active in (part of) the quarter (a filter: the write that needs them reads them with its claim). */
export function kpiActiefInKwartaal(jaar: number, kwartaal: number): FilterQuery<Kpi> {
  const { begin, einde } = kwartaalPeriode(jaar, kwartaal);
  return { actiefVanaf: { $lt: einde }, $or: [{ actiefTot: null }, { actiefTot: { $gt: begin } }] };
}

/** Participations running during (part of) the quarter: their gemeenten take part in that quarter's report. */
export function deelnameInKwartaal(jaar: number, kwartaal: number): FilterQuery<Deelname> {
  const { begin, einde } = kwartaalPeriode(jaar, kwartaal);
  return deelnameInPeriode(begin, einde);
}

/**
 * Everything that keeps a report from being submitted, all at once: every active KPI has a value
 * (a yearly figure only in the fourth quarter, and only there); per-gemeente KPIs exactly one for
 * each participating gemeente and none for others; regional KPIs one without gemeente; every value
 * within its bounds.
 */
export function volledigheidsProblemen(kpis: KpiRegels[], deelnemers: Set<string>, waarden: GemeldeWaarde[], kwartaal: number): Probleem[] {
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
          problemen.push({ kpi: kpi.code, gemeente: w.gemeente.cbsCode, probleem: NIET_DEELNEMER_MELDING });
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
