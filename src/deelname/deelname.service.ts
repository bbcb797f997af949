import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { hubError, ErrorCode } from '../core/errors.js';
import { Deelname } from './deelname.entity.js';
import type { DeelnamesArgs, PeriodeArgs } from './deelname.args.js';

/**
 * Which participations count: those running on `peildatum`, or during any part of `jaar`;
 * with neither, those running today. Periods are half-open: [vanaf, tot).
 */
export function deelnameFilter(periode: PeriodeArgs, vandaag: string): FilterQuery<Deelname> {
  if (periode.peildatum && periode.jaar) {
    throw hubError(ErrorCode.BAD_USER_INPUT, 'Geef een peildatum óf een jaar op, niet allebei.');
  }
  if (periode.jaar !== undefined) {
    return { vanaf: { $lt: `${periode.jaar + 1}-01-01` }, $or: [{ tot: null }, { tot: { $gt: `${periode.jaar}-01-01` } }] };
  }
  const datum = periode.peildatum ?? vandaag;
  return { vanaf: { $lte: datum }, $or: [{ tot: null }, { tot: { $gt: datum } }] };
}

/** Participations, filtered by gemeente, module and period; all periods when no period is given. */
export function zoekDeelnames(em: EntityManager, args: DeelnamesArgs): Promise<Deelname[]> {
  const filters: FilterQuery<Deelname>[] = [];
  if (args.gemeente) filters.push({ gemeente: { cbsCode: args.gemeente } });
  if (args.module) filters.push({ module: { code: args.module } });
  if (args.peildatum || args.jaar !== undefined) filters.push(deelnameFilter(args, ''));
  return em.find(Deelname, { $and: filters }, { orderBy: { module: { code: 'asc' }, gemeente: { cbsCode: 'asc' }, vanaf: 'asc' } });
}
