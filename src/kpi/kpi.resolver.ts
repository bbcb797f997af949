import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { vereisRol } from '../auth/authenticate.js';
import { Rol } from '../auth/identity.js';
import { JaarArg } from '../core/jaar.js';
import { CbsCodeScalar } from '../core/scalars.js';
import type { Context } from '../context.js';
import { DvoNorm } from '../dvo/dvo-norm.entity.js';
import { Module } from '../module/module.entity.js';
import { KpiReeksPunt, KwartaalInvoer, kpiReeks } from './kpi-reeks.js';
import { Kpi } from './kpi.entity.js';
import { DvoNormInvoer, KpiInvoer } from './kpi.inputs.js';
import { dvoNormVastleggen, kpiVastleggen } from './kpi.service.js';

@Resolver(() => Kpi)
export class KpiResolver {
  @Query(() => [Kpi], { description: 'KPI-definities, eventueel van één module.' })
  kpis(@Ctx() ctx: Context, @Arg('module', () => String, { nullable: true }) module?: string): Promise<Kpi[]> {
    return ctx.em.find(Kpi, module ? { module: { code: module } } : {}, { orderBy: { module: { code: 'asc' }, code: 'asc' } });
  }

  @Query(() => [KpiReeksPunt], {
    description: 'De waarden van een KPI per kwartaal met de DVO-norm en of die is gehaald; regionale KPI’s zonder gemeente.',
  })
  kpiReeks(
    @Ctx() ctx: Context,
    @Arg('module', () => String) module: string,
    @Arg('kpi', () => String, { description: 'KPI-code binnen de module.' }) kpi: string,
    @Arg('van', () => KwartaalInvoer) van: KwartaalInvoer,
    @Arg('tot', () => KwartaalInvoer, { description: 'Tot en met dit kwartaal.' }) tot: KwartaalInvoer,
    @Arg('gemeente', () => CbsCodeScalar, { nullable: true, description: 'CBS-code; leeg voor een regionale KPI.' }) gemeente?: string,
  ): Promise<KpiReeksPunt[]> {
    return kpiReeks(ctx, { module, kpi, gemeente, van, tot });
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

  @FieldResolver(() => Module)
  module(@Root() kpi: Kpi, @Ctx() ctx: Context): Promise<Module> {
    return ctx.loaders.ref(Module, kpi.module);
  }

  @FieldResolver(() => [DvoNorm], { description: 'Normen uit DVO’s voor deze KPI.' })
  normen(@Root() kpi: Kpi, @Ctx() ctx: Context, @JaarArg('jaar', { nullable: true }) jaar?: number) {
    return ctx.loaders.manyBy(DvoNorm, 'kpi', jaar === undefined ? {} : { jaar }, { jaar: 'asc', id: 'asc' }).load(kpi.id);
  }
}
