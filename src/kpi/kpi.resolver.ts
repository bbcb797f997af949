import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { DvoNorm } from '../dvo/dvo-norm.entity.js';
import { Module } from '../module/module.entity.js';
import { Kpi } from './kpi.entity.js';

@Resolver(() => Kpi)
export class KpiResolver {
  @Query(() => [Kpi], { description: 'KPI-definities, eventueel van één module.' })
  kpis(@Ctx() ctx: Context, @Arg('module', () => String, { nullable: true }) module?: string): Promise<Kpi[]> {
    return ctx.em.find(Kpi, module ? { module: { code: module } } : {}, { orderBy: { module: { code: 'asc' }, code: 'asc' } });
  }

  @FieldResolver(() => Module)
  module(@Root() kpi: Kpi, @Ctx() ctx: Context): Promise<Module> {
    return ctx.loaders.ref(Module, kpi.module);
  }

  @FieldResolver(() => [DvoNorm], { description: 'Normen uit DVO’s voor deze KPI.' })
  normen(@Root() kpi: Kpi, @Ctx() ctx: Context, @Arg('jaar', () => Int, { nullable: true }) jaar?: number) {
    return ctx.loaders.manyBy(DvoNorm, 'kpi', jaar === undefined ? {} : { jaar }, { jaar: 'asc', id: 'asc' }).load(kpi.id);
  }
}
