import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { vereisRol } from '../auth/authenticate.js';
import { Rol } from '../auth/identity.js';
import type { Context } from '../context.js';
import { JaarArg } from '../core/jaar.js';
import { DvoNorm } from './dvo-norm.entity.js';
import { Kpi } from './kpi.entity.js';
import { DvoNormInvoer, KpiInvoer } from './kpi.inputs.js';
import { dvoNormVastleggen, kpiVastleggen, zoekKpis } from './kpi.service.js';
import { moduleLezen, ModuleType } from '../module/module.types.js';

@Resolver(() => Kpi)
export class KpiResolver {
  @Query(() => [Kpi], { description: 'KPI-definities, eventueel van één module.' })
  kpis(@Ctx() ctx: Context, @Arg('module', () => String, { nullable: true }) module?: string): Promise<Kpi[]> {
    return zoekKpis(ctx.em, module);
  }

  @Mutation(() => Kpi, { description: 'Legt een KPI-definitie vast of werkt haar bij (beheerder).' })
  kpiVastleggen(@Arg('invoer', () => KpiInvoer) invoer: KpiInvoer, @Ctx() ctx: Context): Promise<Kpi> {
    vereisRol(ctx.identity, [Rol.BEHEERDER], 'KPI’s vastleggen');
    return kpiVastleggen(ctx, invoer);
  }

  @Mutation(() => DvoNorm, { description: 'Legt een norm uit een DVO vast voor een KPI en jaar (beheerder).' })
  dvoNormVastleggen(@Arg('invoer', () => DvoNormInvoer) invoer: DvoNormInvoer, @Ctx() ctx: Context): Promise<DvoNorm> {
    vereisRol(ctx.identity, [Rol.BEHEERDER], 'DVO-normen vastleggen');
    return dvoNormVastleggen(ctx, invoer);
  }

  @FieldResolver(() => ModuleType)
  module(@Root() kpi: Kpi, @Ctx() ctx: Context): Promise<ModuleType> {
    return ctx.loaders.readRef(moduleLezen, kpi.module.id);
  }

  @FieldResolver(() => [DvoNorm], { description: 'Normen uit DVO’s voor deze KPI.' })
  normen(@Root() kpi: Kpi, @Ctx() ctx: Context, @JaarArg('jaar', { nullable: true }) jaar?: number) {
    return ctx.loaders.manyBy(DvoNorm, 'kpi', jaar === undefined ? {} : { jaar }, { jaar: 'asc', id: 'asc' }).load(kpi.id);
  }
}
