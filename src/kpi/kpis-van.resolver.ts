import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { Module } from '../module/module.entity.js';
import { Kpi } from './kpi.entity.js';

// A module's KPI's live here, with the KPI, so that module/ does not depend on kpi/ (dependencies
// run child -> parent).
@Resolver(() => Module)
export class KpisVanModuleResolver {
  @FieldResolver(() => [Kpi])
  kpis(@Root() module: Module, @Ctx() ctx: Context): Promise<Kpi[]> {
    return ctx.loaders.manyBy(Kpi, 'module', {}, { code: 'asc' }).load(module.id);
  }
}
