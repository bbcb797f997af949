import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { CbsCodeScalar, DecimaalScalar } from '../core/scalars.js';
import type { Context } from '../context.js';
import { Connection, PageArgs, type ConnectionResult } from '../core/connection.js';
import { kpiLezen, KpiType } from '../kpi/kpi.types.js';
import { kpiTotalen } from './kpi-totalen.service.js';
import { KpiGroepering, KpiTotaal } from './kpi-totalen.types.js';
import { beoordelingVan } from '../kpi/kpi-beoordeling.service.js';
import { KpiWaardeType } from './kpi-waarde.types.js';
import { kwartaalrapportageLezen, KwartaalrapportageType } from './kwartaalrapportage.types.js';
import { waardenVanRapportage, zoekKpiWaarden, zoekRapportages } from './rapportage.service.js';
import { KpiWaardeOrder, KpiWaardeWhere, RapportageWhere } from './rapportage.where.js';
import { gemeenteLezen, GemeenteType } from '../gemeente/gemeente.types.js';
import { moduleLezen, ModuleType } from '../module/module.types.js';

@ObjectType({ simpleResolvers: true })
export class KwartaalrapportageConnection extends Connection(KwartaalrapportageType, 'Kwartaalrapportage') {}

@ObjectType({ simpleResolvers: true })
export class KpiWaardeConnection extends Connection(KpiWaardeType, 'KpiWaarde') {}

@Resolver(() => KwartaalrapportageType)
export class KwartaalrapportageResolver {
  @Query(() => KwartaalrapportageConnection, {
    description: 'Kwartaalrapportages (alle zichtbare versies). Gemeenten en dashboards zien alleen goedgekeurde versies.',
  })
  kwartaalrapportages(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Args(() => PageArgs) pagina: PageArgs,
    @Arg('where', () => RapportageWhere, { nullable: true }) where?: RapportageWhere,
  ): Promise<ConnectionResult<KwartaalrapportageType>> {
    return zoekRapportages(ctx, info, where, pagina);
  }

  @FieldResolver(() => ModuleType)
  module(@Root() rapportage: KwartaalrapportageType, @Ctx() ctx: Context): ModuleType | Promise<ModuleType> {
    return ctx.loaders.readRef(moduleLezen, rapportage.moduleId);
  }

  @FieldResolver(() => [KpiWaardeType], { description: 'Gerapporteerde waarden, eventueel van één gemeente (CBS-code).' })
  waarden(
    @Root() rapportage: KwartaalrapportageType,
    @Ctx() ctx: Context,
    @Arg('gemeente', () => CbsCodeScalar, { nullable: true }) gemeente?: string,
  ): Promise<KpiWaardeType[]> {
    return waardenVanRapportage(ctx, gemeente).load(rapportage.id);
  }
}

@Resolver(() => KpiWaardeType)
export class KpiWaardeResolver {
  @Query(() => KpiWaardeConnection, { description: 'KPI-waarden die u mag zien, gefilterd, gesorteerd en gepagineerd.' })
  kpiWaarden(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Args(() => PageArgs) pagina: PageArgs,
    @Arg('where', () => KpiWaardeWhere, { nullable: true }) where?: KpiWaardeWhere,
    @Arg('orderBy', () => [KpiWaardeOrder], { nullable: true }) orderBy?: KpiWaardeOrder[],
    @Arg('alleenActueel', () => Boolean, {
      defaultValue: true,
      description: 'Alleen waarden uit de actuele versie per module en kwartaal (de laatste die u mag zien).',
    })
    alleenActueel = true,
  ): Promise<ConnectionResult<KpiWaardeType>> {
    return zoekKpiWaarden(ctx, info, where, orderBy, alleenActueel, pagina);
  }

  @Query(() => [KpiTotaal], { description: 'Som, gemiddelde, minimum, maximum en aantal van KPI-waarden per groep (actuele versies).' })
  kpiTotalen(
    @Ctx() ctx: Context,
    @Arg('groupBy', () => [KpiGroepering]) groupBy: KpiGroepering[],
    @Arg('where', () => KpiWaardeWhere, { nullable: true }) where?: KpiWaardeWhere,
  ): Promise<KpiTotaal[]> {
    return kpiTotalen(ctx, groupBy, where);
  }

  @FieldResolver(() => KpiType)
  kpi(@Root() waarde: KpiWaardeType, @Ctx() ctx: Context): KpiType | Promise<KpiType> {
    return ctx.loaders.readRef(kpiLezen, waarde.kpiId);
  }

  @FieldResolver(() => GemeenteType, { nullable: true, description: 'Leeg bij een regionale KPI.' })
  gemeente(@Root() waarde: KpiWaardeType, @Ctx() ctx: Context): GemeenteType | null | Promise<GemeenteType | null> {
    return ctx.loaders.optionalReadRef(gemeenteLezen, waarde.gemeenteId);
  }

  @FieldResolver(() => KwartaalrapportageType)
  rapportage(@Root() waarde: KpiWaardeType, @Ctx() ctx: Context): KwartaalrapportageType | Promise<KwartaalrapportageType> {
    return ctx.loaders.readRef(kwartaalrapportageLezen, waarde.rapportageId);
  }

  @FieldResolver(() => DecimaalScalar, {
    nullable: true,
    description: 'De DVO-norm voor deze waarde: zelfde KPI, jaar en periode, gekozen volgens de vaste regel (zie README, KPI-normen).',
  })
  async norm(@Root() waarde: KpiWaardeType, @Ctx() ctx: Context) {
    return (await beoordelingVan(ctx).load(waarde.id)).norm;
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description: 'Norm gehaald, gegeven de richting van de KPI; leeg zonder norm en bij een teruggestuurde rapportage.',
  })
  async gehaald(@Root() waarde: KpiWaardeType, @Ctx() ctx: Context) {
    return (await beoordelingVan(ctx).load(waarde.id)).gehaald;
  }
}

@Resolver(() => KpiTotaal)
export class KpiTotaalResolver {
  @FieldResolver(() => KpiType, { nullable: true })
  kpi(@Root() totaal: KpiTotaal, @Ctx() ctx: Context) {
    return totaal.kpiId === null ? null : ctx.loaders.read(kpiLezen).load(totaal.kpiId);
  }

  @FieldResolver(() => GemeenteType, { nullable: true, description: 'Leeg bij regionale waarden of zonder groepering op gemeente.' })
  gemeente(@Root() totaal: KpiTotaal, @Ctx() ctx: Context) {
    return totaal.gemeenteId === null ? null : ctx.loaders.read(gemeenteLezen).load(totaal.gemeenteId);
  }

  @FieldResolver(() => ModuleType, { nullable: true })
  module(@Root() totaal: KpiTotaal, @Ctx() ctx: Context) {
    return totaal.moduleId === null ? null : ctx.loaders.read(moduleLezen).load(totaal.moduleId);
  }
}
