import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { JaarArg } from '../core/jaar.js';
import { DeelnameType } from '../deelname/deelname.types.js';
import { KpiWaardeType } from './kpi-waarde.types.js';
import { KwartaalrapportageType } from './kwartaalrapportage.types.js';
import { rapportagesVanModule, waardenVanDeelnemer } from './rapportage.service.js';
import { ModuleType } from '../module/module.types.js';

// A module's reports and a participation's reported values live here, with the reports, so that
// module/ and deelname/ do not depend on rapportage/ (dependencies run child -> parent).

@Resolver(() => ModuleType)
export class RapportagesVanModuleResolver {
  @FieldResolver(() => [KwartaalrapportageType], { description: 'Alle voor u zichtbare versies van de kwartaalrapportages.' })
  kwartaalrapportages(@Root() module: ModuleType, @Ctx() ctx: Context, @JaarArg('jaar', { nullable: true }) jaar?: number) {
    return rapportagesVanModule(ctx, { jaar }).load(module.id);
  }
}

@Resolver(() => DeelnameType)
export class KpiWaardenVanDeelnameResolver {
  @FieldResolver(() => [KpiWaardeType], {
    description: 'KPI-waarden van deze gemeente in deze module, uit de rapportages die u mag zien.',
  })
  kpiWaarden(
    @Root() deelname: DeelnameType,
    @Ctx() ctx: Context,
    @JaarArg('jaar', { nullable: true }) jaar?: number,
    @Arg('kwartaal', () => Int, { nullable: true }) kwartaal?: number,
  ) {
    return waardenVanDeelnemer(ctx, { jaar, kwartaal }).load(`${deelname.gemeenteId}:${deelname.moduleId}`);
  }
}
