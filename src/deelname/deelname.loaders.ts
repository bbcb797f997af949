import type { Context } from '../context.js';
import { vandaag } from '../context.js';
import { Deelname } from './deelname.entity.js';
import type { PeriodeArgs } from './deelname.args.js';
import { deelnameFilter } from './deelname.service.js';

/** Participations per module (its deelnemers) in a period. */
export function deelnamesVanModule(ctx: Context, periode: PeriodeArgs) {
  return ctx.loaders.manyBy(Deelname, 'module', deelnameFilter(periode, vandaag(ctx)), { vanaf: 'asc', id: 'asc' });
}

/** Participations per gemeente in a period. */
export function deelnamesVanGemeente(ctx: Context, periode: PeriodeArgs) {
  return ctx.loaders.manyBy(Deelname, 'gemeente', deelnameFilter(periode, vandaag(ctx)), { vanaf: 'asc', id: 'asc' });
}
