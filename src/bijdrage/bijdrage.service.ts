import type { FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import type { BijdrageFilterArgs } from './bijdrage.args.js';
import { Bijdrage } from './bijdrage.entity.js';

export const BIJDRAGE_VOLGORDE: QueryOrderMap<Bijdrage> = { jaar: 'asc', fase: 'asc', id: 'asc' };

export function bijdrageFilter(args: BijdrageFilterArgs): FilterQuery<Bijdrage> {
  const where: FilterQuery<Bijdrage> = {};
  if (args.jaar !== undefined) where.jaar = args.jaar;
  if (args.fase !== undefined) where.fase = args.fase;
  return where;
}
