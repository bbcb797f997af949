import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { vereisRol } from '../auth/authenticate.js';
import { Rol } from '../auth/identity.js';
import type { Context } from '../context.js';
import { JaarArg } from '../core/jaar.js';
import { DvoNormInvoer, KpiInvoer } from './kpi.inputs.js';
import { dvoNormVastleggen, kpiVastleggen, zoekKpis } from './kpi.service.js';
import { dvoNormLezen, DvoNormType, kpiLezen, KpiType } from './kpi.types.js';
import { moduleLezen, ModuleType } from '../module/module.types.js';

@Resolver(() => KpiType)
export class KpiResolver {
  @Query(() => [KpiType], { description: 'KPI-definities, eventueel van één module.' })
  kpis(@Ctx() ctx: Context, @Arg('module', () => String, { nullable: true }) module?: string): Promise<KpiType[]> {
    return zoekKpis(ctx.em, module);
  }

  @Mutation(() => KpiType, { description: 'Legt een KPI-definitie vast of werkt haar bij (beheerder).' })
  async kpiVastleggen(@Arg('invoer', () => KpiInvoer) invoer: KpiInvoer, @Ctx() ctx: Context): Promise<KpiType> {
    vereisRol(ctx.identity, [Rol.BEHEERDER], 'KPI’s vastleggen');
    const kpi = await kpiVastleggen(ctx, invoer);
    return ctx.loaders.readRef(kpiLezen, kpi.id);
  }

  @Mutation(() => DvoNormType, { description: 'Legt een norm uit een DVO vast voor een KPI en jaar (beheerder).' })
  async dvoNormVastleggen(@Arg('invoer', () => DvoNormInvoer) invoer: DvoNormInvoer, @Ctx() ctx: Context): Promise<DvoNormType> {
    vereisRol(ctx.identity, [Rol.BEHEERDER], 'DVO-normen vastleggen');
    const norm = await dvoNormVastleggen(ctx, invoer);
    return ctx.loaders.readRef(dvoNormLezen, norm.id);
  }

  @FieldResolver(() => ModuleType)
  module(@Root() kpi: KpiType, @Ctx() ctx: Context): ModuleType | Promise<ModuleType> {
    return ctx.loaders.readRef(moduleLezen, kpi.moduleId);
  }

  @FieldResolver(() => [DvoNormType], { description: 'Normen uit DVO’s voor deze KPI.' })
  normen(@Root() kpi: KpiType, @Ctx() ctx: Context, @JaarArg('jaar', { nullable: true }) jaar?: number): Promise<DvoNormType[]> {
    return ctx.loaders
      .readManyBy(dvoNormLezen, { relation: 'kpi', key: 'kpiId' }, jaar === undefined ? {} : { jaar }, { jaar: 'asc', id: 'asc' })
      .load(kpi.id);
  }
}
