import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { JaarArg } from '../core/jaar.js';
import { dvoLezen, DvoType } from '../dvo/dvo.types.js';
import { dvoNormLezen, DvoNormType, kpiLezen, KpiType } from './kpi.types.js';
import { gemeenteLezen, GemeenteType } from '../gemeente/gemeente.types.js';

// A norm is what a KPI should be; it lives with the KPI, and the DVO's norms are resolved here so
// that dvo/ does not depend on kpi/ (dependencies run child -> parent).

@Resolver(() => DvoType)
export class NormenVanDvoResolver {
  @FieldResolver(() => [DvoNormType], { description: 'Afgesproken KPI-normen, eventueel van één jaar.' })
  normen(@Root() dvo: DvoType, @Ctx() ctx: Context, @JaarArg('jaar', { nullable: true }) jaar?: number): Promise<DvoNormType[]> {
    return ctx.loaders
      .readManyBy(dvoNormLezen, { relation: 'dvo', key: 'dvoId' }, jaar === undefined ? {} : { jaar }, { jaar: 'asc', id: 'asc' })
      .load(dvo.id);
  }
}

@Resolver(() => DvoNormType)
export class DvoNormResolver {
  @FieldResolver(() => KpiType)
  kpi(@Root() norm: DvoNormType, @Ctx() ctx: Context): KpiType | Promise<KpiType> {
    return ctx.loaders.readRef(kpiLezen, norm.kpiId);
  }

  @FieldResolver(() => GemeenteType, { nullable: true, description: 'Gemeente waarvoor de norm geldt; leeg = de hele DVO.' })
  gemeente(@Root() norm: DvoNormType, @Ctx() ctx: Context) {
    return ctx.loaders.optionalReadRef(gemeenteLezen, norm.gemeenteId);
  }

  @FieldResolver(() => DvoType)
  dvo(@Root() norm: DvoNormType, @Ctx() ctx: Context): DvoType | Promise<DvoType> {
    return ctx.loaders.readRef(dvoLezen, norm.dvoId);
  }
}
