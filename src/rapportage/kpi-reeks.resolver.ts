import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../context.js';
import { CbsCodeScalar } from '../core/scalars.js';
import { kpiReeks } from './kpi-reeks.service.js';
import { KpiReeksPunt, KwartaalInvoer } from './kpi-reeks.types.js';

@Resolver()
export class KpiReeksResolver {
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
}
