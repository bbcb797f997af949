import type { Context } from '../context.js';
import { groupByKey } from '../core/loaders.js';
import type { BijdrageFilterArgs } from './bijdrage.args.js';
import { bijdrageLezen } from './bijdrage.types.js';
import { BIJDRAGE_VOLGORDE, bijdrageFilter } from './bijdrage.service.js';

// The filters hold a raw SQL fragment (current versions only), which is built anew for every query;
// the loaders are named by the arguments instead.
const gefilterd = (args: BijdrageFilterArgs) => ({ name: JSON.stringify(args), filter: () => bijdrageFilter(args) });

export function bijdragenVanGemeente(ctx: Context, args: BijdrageFilterArgs) {
  return ctx.loaders.readManyBy(bijdrageLezen, { relation: 'gemeente', key: 'gemeenteId' }, gefilterd(args), BIJDRAGE_VOLGORDE);
}

export function bijdragenVanModule(ctx: Context, args: BijdrageFilterArgs) {
  return ctx.loaders.readManyBy(bijdrageLezen, { relation: 'module', key: 'moduleId' }, gefilterd(args), BIJDRAGE_VOLGORDE);
}

/** Contributions of one gemeente to one module (a deelname's bijdragen), keyed "gemeenteId:moduleId". */
export function bijdragenVanDeelnemer(ctx: Context, args: BijdrageFilterArgs) {
  return ctx.loaders.custom(`Bijdrage#deelnemer#${JSON.stringify(args)}`, async (keys: readonly string[]) => {
    const paren = keys.map((key) => key.split(':').map(Number));
    const rows = await bijdrageLezen.find(
      ctx.em,
      { $and: [bijdrageFilter(args), { gemeente: { $in: paren.map(([g]) => g) }, module: { $in: paren.map(([, m]) => m) } }] },
      { orderBy: BIJDRAGE_VOLGORDE },
    );
    return groupByKey(keys, rows, (b) => `${b.gemeenteId}:${b.moduleId}`);
  });
}
