import { audit } from '../audit/audit.service.js';
import type { Schrijver } from '../context.js';
import { ErrorCode, hubError, notFound } from '../core/errors.js';
import { DvoNorm } from '../dvo/dvo-norm.entity.js';
import { dvoMetKenmerk } from '../dvo/dvo.service.js';
import { gemeenteMetCode } from '../gemeente/gemeente.service.js';
import { moduleMetCode } from '../module/module.service.js';
import { Kpi, KpiEenheid } from './kpi.entity.js';
import type { DvoNormInvoer, KpiInvoer } from './kpi.inputs.js';

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
    const velden = {
      naam: invoer.naam.trim(),
      eenheid: invoer.eenheid,
      richting: invoer.richting,
      niveau: invoer.niveau,
      ondergrens: invoer.ondergrens ?? null,
      bovengrens: invoer.bovengrens ?? null,
      actiefVanaf: invoer.actiefVanaf,
      actiefTot: invoer.actiefTot ?? null,
    };
    const kpi = bestaand ? Object.assign(bestaand, velden) : em.create(Kpi, { module, code: invoer.code, ...velden });
    await em.flush();
    audit(em, ctx.identity, bestaand ? 'KPI_GEWIJZIGD' : 'KPI_TOEGEVOEGD', 'Kpi', kpi.id, voor, kpi);
    return kpi;
  });
}

/** Records (or replaces) a DVO target for a KPI and year (beheerder). */
export function dvoNormVastleggen(ctx: Schrijver, invoer: DvoNormInvoer): Promise<DvoNorm> {
  return ctx.em.transactional(async (em) => {
    const dvo = await dvoMetKenmerk(em, invoer.dvo);
    const kpi = await em.findOne(Kpi, { module: dvo.module, code: invoer.kpi });
    if (!kpi) throw notFound('KPI', invoer.kpi);
    const gemeente = invoer.gemeente ? await gemeenteMetCode(em, invoer.gemeente) : null;
    const bestaand = await em.findOne(DvoNorm, { dvo, kpi, jaar: invoer.jaar, gemeente });
    const voor = bestaand ? { ...bestaand } : null;
    const norm = bestaand ?? em.create(DvoNorm, { dvo, kpi, jaar: invoer.jaar, gemeente, norm: invoer.norm });
    norm.norm = invoer.norm;
    await em.flush();
    audit(em, ctx.identity, 'DVO_NORM_VASTGELEGD', 'DvoNorm', norm.id, voor, norm);
    return norm;
  });
}
