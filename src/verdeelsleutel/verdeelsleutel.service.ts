import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { audit, type Door } from '../audit/audit.service.js';
import type { Schrijver } from '../context.js';
import { Decimal } from '../core/decimal.js';
import { ErrorCode, hubError, notFound } from '../core/errors.js';
import { Gemeente } from '../gemeente/gemeente.entity.js';
import { vereisOpenJaar } from '../jaarafsluiting/jaarafsluiting.service.js';
import { moduleMetCode } from '../module/module.service.js';
import { VerdeelsleutelEenheid } from './verdeelsleutel-eenheid.entity.js';
import { Grondslag, Verdeelsleutel } from './verdeelsleutel.entity.js';
import type { VerdeelsleutelInvoer } from './verdeelsleutel.inputs.js';
import { verdeelsleutelLezen, type VerdeelsleutelType } from './verdeelsleutel.types.js';

/** Allocation keys, optionally of one module or year; by module code and year. */
export function zoekVerdeelsleutels(em: EntityManager, filter: { module?: string; jaar?: number }): Promise<VerdeelsleutelType[]> {
  const where: FilterQuery<Verdeelsleutel> = {};
  if (filter.module) where.module = { code: filter.module };
  if (filter.jaar !== undefined) where.jaar = filter.jaar;
  return verdeelsleutelLezen.find(em, where, { orderBy: { module: { code: 'asc' }, jaar: 'asc' } });
}

/** The input of a key as the rules need it: the units per gemeente by CBS code. */
export type SleutelInvoer = Pick<VerdeelsleutelInvoer, 'module' | 'jaar' | 'grondslag' | 'omschrijving'> & {
  eenheden: Array<{ gemeente: string; eenheden: Decimal; bron: string }>;
};

/** What is wrong with a key's units as a whole (duplicates, negative, all zero, percentages not 100), in Dutch. */
export function sleutelProblemen(invoer: SleutelInvoer): string[] {
  const codes = invoer.eenheden.map((e) => e.gemeente);
  const dubbel = codes.filter((c, i) => codes.indexOf(c) !== i);
  const problemen: string[] = [];
  if (dubbel.length) problemen.push(`${[...new Set(dubbel)].join(', ')} staat meer dan eens in de sleutel`);
  if (invoer.eenheden.some((e) => e.eenheden.isNegative())) problemen.push('eenheden kunnen niet negatief zijn');
  const som = invoer.eenheden.reduce((s, e) => s.plus(e.eenheden), new Decimal(0));
  if (invoer.grondslag !== Grondslag.GELIJKE_DELEN && som.isZero()) problemen.push('alle eenheden zijn nul');
  if (invoer.grondslag === Grondslag.VASTE_PERCENTAGES && !som.equals(100)) problemen.push(`de percentages tellen op tot ${som.toFixed()} in plaats van 100`);
  return problemen;
}

/**
 * Records a key inside the caller's transaction, replacing an earlier key of that module and year; the
 * old units go to the audit log. The caller has checked sleutelProblemen.
 */
export async function legVerdeelsleutelVast(em: EntityManager, door: Door, invoer: SleutelInvoer): Promise<Verdeelsleutel> {
  const codes = invoer.eenheden.map((e) => e.gemeente);
  const module = await moduleMetCode(em, invoer.module);
  await vereisOpenJaar(em, module, invoer.jaar, 'de verdeelsleutel wijzigen');
  const gemeenten = await em.find(Gemeente, { cbsCode: { $in: codes } });
  const onbekend = codes.filter((c) => !gemeenten.some((g) => g.cbsCode === c));
  if (onbekend.length) throw notFound('Gemeente', onbekend.join(', '));
  let sleutel = await em.findOne(Verdeelsleutel, { module, jaar: invoer.jaar });
  let voor: unknown = null;
  if (sleutel) {
    const oud = await em.find(VerdeelsleutelEenheid, { verdeelsleutel: sleutel }, { populate: ['gemeente'] });
    voor = { grondslag: sleutel.grondslag, eenheden: oud.map((e) => ({ gemeente: e.gemeente.cbsCode, eenheden: e.eenheden.toFixed() })) };
    await em.nativeDelete(VerdeelsleutelEenheid, { verdeelsleutel: sleutel });
    sleutel.grondslag = invoer.grondslag;
    sleutel.omschrijving = invoer.omschrijving.trim();
  } else {
    sleutel = em.create(Verdeelsleutel, { module, jaar: invoer.jaar, grondslag: invoer.grondslag, omschrijving: invoer.omschrijving.trim() });
  }
  for (const e of invoer.eenheden) {
    em.create(VerdeelsleutelEenheid, { verdeelsleutel: sleutel, gemeente: gemeenten.find((g) => g.cbsCode === e.gemeente)!, eenheden: e.eenheden, bron: e.bron.trim() });
  }
  await em.flush();
  const na = { grondslag: invoer.grondslag, eenheden: invoer.eenheden.map((e) => ({ gemeente: e.gemeente, eenheden: e.eenheden.toFixed() })) };
  audit(em, door, 'VERDEELSLEUTEL_VASTGELEGD', 'Verdeelsleutel', sleutel.id, voor, na);
  return sleutel;
}

/**
 * Records a module's allocation key for a year (beheerder), replacing an earlier key for that year;
 * the old units go to the audit log. Units ≥ 0 and not all zero, fixed percentages sum to 100.
 */
export function verdeelsleutelVastleggen(ctx: Schrijver, invoer: VerdeelsleutelInvoer): Promise<Verdeelsleutel> {
  const problemen = sleutelProblemen(invoer);
  if (problemen.length) throw hubError(ErrorCode.BAD_USER_INPUT, `Ongeldige verdeelsleutel: ${problemen.join('; ')}.`, { problemen });
  return ctx.em.transactional((em) => legVerdeelsleutelVast(em, ctx, invoer));
}
