import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { audit } from '../audit/audit.service.js';
import type { Schrijver } from '../context.js';
import { ErrorCode, hubError, notFound } from '../core/errors.js';
import { gemeenteMetCode } from '../gemeente/gemeente.service.js';
import { vereisOpenJaren } from '../jaarafsluiting/jaarafsluiting.service.js';
import { moduleMetCode } from '../module/module.service.js';
import type { DeelnamesArgs, PeriodeArgs } from './deelname.args.js';
import { Deelname } from './deelname.entity.js';
import type { DeelnameInvoer } from './deelname.inputs.js';
import { deelnameLezen, type DeelnameType } from './deelname.types.js';

const jaarVan = (datum: string) => Number(datum.slice(0, 4));
/** The last year a half-open period [.., tot) touches: the year of the day before `tot`. */
const laatsteJaar = (tot: string) => (tot.endsWith('-01-01') ? jaarVan(tot) - 1 : jaarVan(tot));

/** Participations running during any part of [begin, einde) (dates; periods are half-open). */
export function deelnameInPeriode(begin: string, einde: string): FilterQuery<Deelname> {
  return { vanaf: { $lt: einde }, $or: [{ tot: null }, { tot: { $gt: begin } }] };
}

/** Participations running during any part of the calendar year. */
export function deelnameInJaar(jaar: number): FilterQuery<Deelname> {
  return deelnameInPeriode(`${jaar}-01-01`, `${jaar + 1}-01-01`);
}

/**
 * Which participations count: those running on `peildatum`, or during any part of `jaar`;
 * with neither, those running today. Periods are half-open: [vanaf, tot).
 */
export function deelnameFilter(periode: PeriodeArgs, vandaag: string): FilterQuery<Deelname> {
  if (periode.peildatum && periode.jaar) {
    throw hubError(ErrorCode.BAD_USER_INPUT, 'Geef een peildatum óf een jaar op, niet allebei.');
  }
  if (periode.jaar != null) return deelnameInJaar(periode.jaar);
  const datum = periode.peildatum ?? vandaag;
  return { vanaf: { $lte: datum }, $or: [{ tot: null }, { tot: { $gt: datum } }] };
}

/** Participations, filtered by gemeente, module and period; all periods when no period is given. */
export function zoekDeelnames(em: EntityManager, args: DeelnamesArgs): Promise<DeelnameType[]> {
  const filters: FilterQuery<Deelname>[] = [];
  if (args.gemeente) filters.push({ gemeente: { cbsCode: args.gemeente } });
  if (args.module) filters.push({ module: { code: args.module } });
  if (args.peildatum || args.jaar != null) filters.push(deelnameFilter(args, args.peildatum ?? ''));
  return deelnameLezen.find(em, { $and: filters }, { orderBy: { module: { code: 'asc' }, gemeente: { cbsCode: 'asc' }, vanaf: 'asc' } });
}

/** A gemeente joins a (sub)module (beheerder): the period may not overlap an existing one. */
export function deelnameToevoegen(ctx: Schrijver, invoer: DeelnameInvoer): Promise<Deelname> {
  if (invoer.tot && invoer.tot <= invoer.vanaf) {
    throw hubError(ErrorCode.BAD_USER_INPUT, `De deelname moet eindigen na ${invoer.vanaf}.`);
  }
  return ctx.em.transactional(async (em) => {
    const gemeente = await gemeenteMetCode(em, invoer.gemeente);
    const module = await moduleMetCode(em, invoer.module);
    await vereisOpenJaren(em, module, jaarVan(invoer.vanaf), invoer.tot ? laatsteJaar(invoer.tot) : null, 'een deelname die dat jaar raakt toevoegen');
    const overlapt: FilterQuery<Deelname> = { gemeente, module, $or: [{ tot: null }, { tot: { $gt: invoer.vanaf } }] };
    if (invoer.tot) overlapt.vanaf = { $lt: invoer.tot };
    const overlap = await em.findOne(Deelname, overlapt);
    if (overlap) {
      const periode = `${overlap.vanaf} tot ${overlap.tot ?? 'open einde'}`;
      throw hubError(ErrorCode.CONFLICT, `${gemeente.naam} neemt in deze periode al deel aan ${module.code} (${periode}).`, {
        deelname: overlap.id,
      });
    }
    const deelname = em.create(Deelname, { gemeente, module, vanaf: invoer.vanaf, tot: invoer.tot ?? null });
    await em.flush();
    audit(em, ctx, 'DEELNAME_TOEGEVOEGD', 'Deelname', deelname.id, null, deelname);
    return deelname;
  });
}

/** Ends a participation on `tot` (the first day without participation). */
export function deelnameBeeindigen(ctx: Schrijver, id: number, tot: string): Promise<Deelname> {
  return ctx.em.transactional(async (em) => {
    const deelname = await em.findOne(Deelname, id, { populate: ['module'] });
    if (!deelname) throw notFound('Deelname', String(id));
    if (tot <= deelname.vanaf) throw hubError(ErrorCode.BAD_USER_INPUT, `De deelname begint op ${deelname.vanaf}; kies een einddatum daarna.`);
    // The years between the new and the old end change: none of them may be closed.
    const [eerder, later] = deelname.tot && deelname.tot < tot ? [deelname.tot, tot] : [tot, deelname.tot ?? null];
    await vereisOpenJaren(em, deelname.module, jaarVan(eerder), later ? laatsteJaar(later) : null, 'de deelname in dat jaar beëindigen');
    const voor = { ...deelname };
    deelname.tot = tot;
    await em.flush();
    audit(em, ctx, 'DEELNAME_BEEINDIGD', 'Deelname', deelname.id, voor, deelname);
    return deelname;
  });
}
