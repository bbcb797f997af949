import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { JaarArg } from '../core/jaar.js';
import { Dvo } from '../dvo/dvo.entity.js';
import { Gemeente } from '../gemeente/gemeente.entity.js';
import { DvoNorm } from './dvo-norm.entity.js';
import { Kpi } from './kpi.entity.js';
import { gemeenteLezen, GemeenteType } from '../gemeente/gemeente.types.js';

// A norm is what a KPI should be; it lives with the KPI, and the DVO's norms are resolved here so
// that dvo/ does not depend on kpi/ (dependencies run child -> parent).

@Resolver(() => Dvo)
export class NormenVanDvoResolver {
  @FieldResolver(() => [DvoNorm], { description: 'Afgesproken KPI-normen, eventueel van één jaar.' })
  normen(@Root() dvo: Dvo, @Ctx() ctx: Context, @JaarArg('jaar', { nullable: true }) jaar?: number) {
    return ctx.loaders.manyBy(DvoNorm, 'dvo', jaar === undefined ? {} : { jaar }, { jaar: 'asc', id: 'asc' }).load(dvo.id);
  }
}

@Resolver(() => DvoNorm)
export class DvoNormResolver {
  @FieldResolver(() => Kpi)
  kpi(@Root() norm: DvoNorm, @Ctx() ctx: Context): Promise<Kpi> {
    return ctx.loaders.ref(Kpi, norm.kpi);
  }

  @FieldResolver(() => GemeenteType, { nullable: true, description: 'Gemeente waarvoor de norm geldt; leeg = de hele DVO.' })
  gemeente(@Root() norm: DvoNorm, @Ctx() ctx: Context) {
    return ctx.loaders.optionalReadRef(gemeenteLezen, norm.gemeente?.id);
  }

  @FieldResolver(() => Dvo)
  dvo(@Root() norm: DvoNorm, @Ctx() ctx: Context): Promise<Dvo> {
    return ctx.loaders.ref(Dvo, norm.dvo);
  }
}
