import type { FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { BijdrageFilterArgs, BijdragenArgs } from './bijdrage.args.js';
import { Bijdrage } from './bijdrage.entity.js';

export const BIJDRAGE_VOLGORDE: QueryOrderMap<Bijdrage> = { jaar: 'asc', fase: 'asc', id: 'asc' };

export function bijdrageFilter(args: BijdrageFilterArgs): FilterQuery<Bijdrage> {
  const where: FilterQuery<Bijdrage> = {};
  if (args.jaar !== undefined) where.jaar = args.jaar;
  if (args.fase !== undefined) where.fase = args.fase;
  return where;
}

export function zoekBijdragen(em: EntityManager, args: BijdragenArgs): Promise<Bijdrage[]> {
  const filters: FilterQuery<Bijdrage>[] = [bijdrageFilter(args)];
  if (args.gemeente) filters.push({ gemeente: { cbsCode: args.gemeente } });
  if (args.module) filters.push({ module: { code: args.module } });
  return em.find(Bijdrage, { $and: filters }, { orderBy: BIJDRAGE_VOLGORDE });
}
