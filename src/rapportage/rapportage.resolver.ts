import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { Gemeente } from '../gemeente/gemeente.entity.js';
import { Kpi } from '../kpi/kpi.entity.js';
import { Module } from '../module/module.entity.js';
import { KpiWaarde } from './kpi-waarde.entity.js';
import { Kwartaalrapportage } from './kwartaalrapportage.entity.js';
import { waardenVanRapportage, zoekRapportages } from './rapportage.service.js';

@Resolver(() => Kwartaalrapportage)
export class KwartaalrapportageResolver {
  @Query(() => [Kwartaalrapportage], {
    description: 'Kwartaalrapportages (alle zichtbare versies), te filteren op module, jaar en kwartaal. Gemeenten en dashboards zien alleen vastgestelde versies.',
  })
  kwartaalrapportages(
    @Ctx() ctx: Context,
    @Arg('module', () => String, { nullable: true }) module?: string,
    @Arg('jaar', () => Int, { nullable: true }) jaar?: number,
    @Arg('kwartaal', () => Int, { nullable: true }) kwartaal?: number,
  ): Promise<Kwartaalrapportage[]> {
    return zoekRapportages(ctx, { module, jaar, kwartaal });
  }

  @FieldResolver(() => Module)
  module(@Root() rapportage: Kwartaalrapportage, @Ctx() ctx: Context): Promise<Module> {
    return ctx.loaders.ref(Module, rapportage.module);
  }

  @FieldResolver(() => [KpiWaarde], { description: 'Gerapporteerde waarden, eventueel van één gemeente (CBS-code).' })
  waarden(
    @Root() rapportage: Kwartaalrapportage,
    @Ctx() ctx: Context,
    @Arg('gemeente', () => String, { nullable: true }) gemeente?: string,
  ): Promise<KpiWaarde[]> {
    return waardenVanRapportage(ctx, gemeente).load(rapportage.id);
  }
}

@Resolver(() => KpiWaarde)
export class KpiWaardeResolver {
  @FieldResolver(() => Kpi)
  kpi(@Root() waarde: KpiWaarde, @Ctx() ctx: Context): Promise<Kpi> {
    return ctx.loaders.ref(Kpi, waarde.kpi);
  }

  @FieldResolver(() => Gemeente, { nullable: true, description: 'Leeg bij een regionale KPI.' })
  gemeente(@Root() waarde: KpiWaarde, @Ctx() ctx: Context) {
    return ctx.loaders.optionalRef(Gemeente, waarde.gemeente);
  }

  @FieldResolver(() => Kwartaalrapportage)
  rapportage(@Root() waarde: KpiWaarde, @Ctx() ctx: Context): Promise<Kwartaalrapportage> {
    return ctx.loaders.ref(Kwartaalrapportage, waarde.rapportage);
  }
}
