import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { kpiLezen, KpiType } from './kpi.types.js';
import { ModuleType } from '../module/module.types.js';

// A module's KPI's live here, with the KPI, so that module/ does not depend on kpi/ (dependencies
// run child -> parent).
@Resolver(() => ModuleType)
export class KpisVanModuleResolver {
  @FieldResolver(() => [KpiType])
  kpis(@Root() module: ModuleType, @Ctx() ctx: Context): Promise<KpiType[]> {
    return ctx.loaders.readManyBy(kpiLezen, { relation: 'module', key: 'moduleId' }, {}, { code: 'asc' }).load(module.id);
  }
}
