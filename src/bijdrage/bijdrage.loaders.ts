import type { Context } from '../context.js';
import { groupByKey } from '../core/loaders.js';
import type { BijdrageFilterArgs } from './bijdrage.args.js';
import { Bijdrage } from './bijdrage.entity.js';
import { BIJDRAGE_VOLGORDE, bijdrageFilter } from './bijdrage.service.js';

export function bijdragenVanGemeente(ctx: Context, args: BijdrageFilterArgs) {
  return ctx.loaders.manyBy(Bijdrage, 'gemeente', bijdrageFilter(args), BIJDRAGE_VOLGORDE);
}

export function bijdragenVanModule(ctx: Context, args: BijdrageFilterArgs) {
  return ctx.loaders.manyBy(Bijdrage, 'module', bijdrageFilter(args), BIJDRAGE_VOLGORDE);
}

/** Contributions of one gemeente to one module (a deelname's bijdragen), keyed "gemeenteId:moduleId". */
export function bijdragenVanDeelnemer(ctx: Context, args: BijdrageFilterArgs) {
  const where = bijdrageFilter(args);
  return ctx.loaders.custom(`Bijdrage#deelnemer#${JSON.stringify(where)}`, async (keys: readonly string[]) => {
    const paren = keys.map((key) => key.split(':').map(Number));
    const rows = await ctx.em.find(
      Bijdrage,
      { $and: [where, { gemeente: { $in: paren.map(([g]) => g) }, module: { $in: paren.map(([, m]) => m) } }] },
      { orderBy: BIJDRAGE_VOLGORDE },
    );
    return groupByKey(keys, rows, (b) => `${b.gemeente.id}:${b.module.id}`);
  });
}
