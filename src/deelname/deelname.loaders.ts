import type { Context } from '../context.js';
import { vandaag } from '../context.js';
import type { PeriodeArgs } from './deelname.args.js';
import { deelnameFilter } from './deelname.service.js';
import { deelnameLezen } from './deelname.types.js';

/** Participations per module (its deelnemers) in a period. */
export function deelnamesVanModule(ctx: Context, periode: PeriodeArgs) {
  return ctx.loaders.readManyBy(deelnameLezen, { relation: 'module', key: 'moduleId' }, deelnameFilter(periode, vandaag(ctx)), { vanaf: 'asc', id: 'asc' });
}

/** Participations per gemeente in a period. */
export function deelnamesVanGemeente(ctx: Context, periode: PeriodeArgs) {
  return ctx.loaders.readManyBy(deelnameLezen, { relation: 'gemeente', key: 'gemeenteId' }, deelnameFilter(periode, vandaag(ctx)), { vanaf: 'asc', id: 'asc' });
}
