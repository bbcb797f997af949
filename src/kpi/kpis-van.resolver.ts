import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { Kpi } from './kpi.entity.js';
import { ModuleType } from '../module/module.types.js';

// A module's KPI's live here, with the KPI, so that module/ does not depend on kpi/ (dependencies
// run child -> parent).
@Resolver(() => ModuleType)
export class KpisVanModuleResolver {
  @FieldResolver(() => [Kpi])
  kpis(@Root() module: ModuleType, @Ctx() ctx: Context): Promise<Kpi[]> {
    return ctx.loaders.manyBy(Kpi, 'module', {}, { code: 'asc' }).load(module.id);
  }
}
