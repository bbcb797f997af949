import type { EntityManager } from '@mikro-orm/postgresql';
import { audit } from '../audit/audit.service.js';
import type { Schrijver } from '../context.js';
import { ErrorCode, hubError, notFound } from '../core/errors.js';
import type { Dvo } from '../dvo/dvo.entity.js';
import { DvoNorm } from './dvo-norm.entity.js';
import { dvoMetKenmerk } from '../dvo/dvo.service.js';
import { gemeenteMetCode } from '../gemeente/gemeente.service.js';
import { moduleMetCode } from '../module/module.service.js';
import { Kpi, KpiEenheid, KpiNiveau, KpiPeriode } from './kpi.entity.js';
import type { DvoNormInvoer, KpiInvoer } from './kpi.inputs.js';
import { kpiLezen, type KpiType } from './kpi.types.js';

/** KPI definitions, optionally of one module; by module code, then KPI code. */
export function zoekKpis(em: EntityManager, moduleCode?: string): Promise<KpiType[]> {
  return kpiLezen.find(em, moduleCode ? { module: { code: moduleCode } } : {}, { orderBy: { module: { code: 'asc' }, code: 'asc' } });
}

/** Creates or updates a KPI definition (beheerder); the previous definition goes to the audit log. */
export function kpiVastleggen(ctx: Schrijver, invoer: KpiInvoer): Promise<Kpi> {
  const problemen: string[] = [];
  if (invoer.ondergrens && invoer.bovengrens && invoer.ondergrens.greaterThan(invoer.bovengrens)) problemen.push('de ondergrens ligt boven de bovengrens');
  if (invoer.eenheid === KpiEenheid.PERCENTAGE && ((invoer.ondergrens && invoer.ondergrens.lessThan(0)) || (invoer.bovengrens && invoer.bovengrens.greaterThan(100)))) {
    problemen.push('grenzen van een percentage liggen tussen 0 en 100');
  }
  if (invoer.actiefTot && invoer.actiefTot <= invoer.actiefVanaf) problemen.push('actiefTot moet na actiefVanaf liggen');
  if (problemen.length) throw hubError(ErrorCode.BAD_USER_INPUT, `Ongeldige KPI: ${problemen.join('; ')}.`, { problemen });
  return ctx.em.transactional(async (em) => {
    const module = await moduleMetCode(em, invoer.module);
    const bestaand = await em.findOne(Kpi, { module, code: invoer.code });
    const voor = bestaand ? { ...bestaand } : null;
    if (bestaand && bestaand.periode !== invoer.periode) {
      // Reported values live in rapportage/, a layer above this one: count them on the table, not
      // through the KpiWaarde entity, so that kpi/ does not depend on rapportage/.
      const [{ waarden }] = await em.execute<{ waarden: number }[]>('select count(*)::int as waarden from kpi_waarde where kpi_id = ?', [bestaand.id]);
      const inGebruik = waarden + (await em.count(DvoNorm, { kpi: bestaand }));
      if (inGebruik > 0) {
        throw hubError(
          ErrorCode.BAD_USER_INPUT,
          `KPI ${bestaand.code} heeft al waarden of normen per ${PERIODE_TEKST[bestaand.periode as KpiPeriode]}; de periode verandert daarom niet. Leg een nieuwe KPI vast.`,
        );
      }
    }
    const velden = {
      naam: invoer.naam.trim(),
      eenheid: invoer.eenheid,
      richting: invoer.richting,
      niveau: invoer.niveau,
      periode: invoer.periode,
      ondergrens: invoer.ondergrens ?? null,
      bovengrens: invoer.bovengrens ?? null,
      actiefVanaf: invoer.actiefVanaf,
      actiefTot: invoer.actiefTot ?? null,
    };
    const kpi = bestaand ? Object.assign(bestaand, velden) : em.create(Kpi, { module, code: invoer.code, ...velden });
    await em.flush();
    audit(em, ctx, bestaand ? 'KPI_GEWIJZIGD' : 'KPI_TOEGEVOEGD', 'Kpi', kpi.id, voor, kpi);
    return kpi;
  });
}

export const PERIODE_TEKST: Record<KpiPeriode, string> = {
  [KpiPeriode.KWARTAAL]: 'kwartaal',
  [KpiPeriode.JAAR_TOT_NU]: 'jaar tot nu',
  [KpiPeriode.JAAR]: 'jaar',
};

/** Why a norm could never be compared with a value (wrong period or level), or null. */
function normProbleem(kpi: Kpi, dvo: Dvo, periode: KpiPeriode, gemeente: string | null): string | null {
  if (periode !== kpi.periode) {
    return `KPI ${kpi.code} wordt per ${PERIODE_TEKST[kpi.periode as KpiPeriode]} gerapporteerd; een norm per ${PERIODE_TEKST[periode]} is met geen enkele waarde te vergelijken`;
  }
  if (kpi.niveau === KpiNiveau.REGIO && gemeente) return `KPI ${kpi.code} is regionaal; laat de gemeente leeg`;
  if (kpi.niveau === KpiNiveau.GEMEENTE && !gemeente && !dvo.gemeente) {
    return `KPI ${kpi.code} geldt per gemeente en de DVO ${dvo.kenmerk} is met een organisatie: geef de gemeente op`;
  }
  if (kpi.niveau === KpiNiveau.GEMEENTE && gemeente && dvo.gemeente && dvo.gemeente.cbsCode !== gemeente) {
    return `de DVO ${dvo.kenmerk} is met ${dvo.gemeente.cbsCode}; een norm voor ${gemeente} hoort in de DVO met die gemeente`;
  }
  return null;
}

/** Records (or replaces) a DVO target for a KPI, year and period (beheerder). */
export function dvoNormVastleggen(ctx: Schrijver, invoer: DvoNormInvoer): Promise<DvoNorm> {
  return ctx.em.transactional(async (em) => {
    const dvo = await dvoMetKenmerk(em, invoer.dvo);
    await em.populate(dvo, ['gemeente']);
    const kpi = await em.findOne(Kpi, { module: dvo.module, code: invoer.kpi });
    if (!kpi) throw notFound('KPI', invoer.kpi);
    const periode = invoer.periode ?? kpi.periode;
    const probleem = normProbleem(kpi, dvo, periode, invoer.gemeente ?? null);
    if (probleem) throw hubError(ErrorCode.BAD_USER_INPUT, `Deze norm is niet te gebruiken: ${probleem}.`);
    const gemeente = invoer.gemeente ? await gemeenteMetCode(em, invoer.gemeente) : null;
    const bestaand = await em.findOne(DvoNorm, { dvo, kpi, jaar: invoer.jaar, periode, gemeente });
    const voor = bestaand ? { ...bestaand } : null;
    const norm = bestaand ?? em.create(DvoNorm, { dvo, kpi, jaar: invoer.jaar, periode, gemeente, norm: invoer.norm });
    norm.norm = invoer.norm;
    await em.flush();
    audit(em, ctx, 'DVO_NORM_VASTGELEGD', 'DvoNorm', norm.id, voor, norm);
    return norm;
  });
}
