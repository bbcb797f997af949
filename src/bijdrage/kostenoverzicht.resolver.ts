import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { Gemeente } from '../gemeente/gemeente.entity.js';
import { Module } from '../module/module.entity.js';
import { Fase } from './bijdrage.entity.js';
import { KostenRegel, Kostenoverzicht, kostenoverzichten } from './kostenoverzicht.js';

@Resolver(() => Kostenoverzicht)
export class KostenoverzichtResolver {
  @Query(() => Kostenoverzicht, { description: 'Kosten per gemeente × module voor één jaar, met totalen per gemeente, per module en voor de regio.' })
  async kostenoverzicht(
    @Ctx() ctx: Context,
    @Arg('jaar', () => Int) jaar: number,
    @Arg('fase', () => Fase, { defaultValue: Fase.GEWIJZIGD, description: 'Fase van bedrag en perInwoner.' }) fase: Fase,
    @Arg('modules', () => [String], { nullable: true, description: 'Alleen deze (sub)modules.' }) modules?: string[],
    @Arg('gemeenten', () => [String], { nullable: true, description: 'Alleen deze gemeenten (CBS-codes).' }) gemeenten?: string[],
  ): Promise<Kostenoverzicht> {
    return (await kostenoverzichten(ctx.em, { van: jaar, tot: jaar, fase, modules, gemeenten }))[0];
  }

  @Query(() => [Kostenoverzicht], { description: 'Het kostenoverzicht voor een reeks jaren (trends), in één keer.' })
  kostenoverzichtReeks(
    @Ctx() ctx: Context,
    @Arg('van', () => Int) van: number,
    @Arg('tot', () => Int, { description: 'Tot en met dit jaar.' }) tot: number,
    @Arg('fase', () => Fase, { defaultValue: Fase.GEWIJZIGD }) fase: Fase,
    @Arg('modules', () => [String], { nullable: true }) modules?: string[],
    @Arg('gemeenten', () => [String], { nullable: true }) gemeenten?: string[],
  ): Promise<Kostenoverzicht[]> {
    return kostenoverzichten(ctx.em, { van, tot, fase, modules, gemeenten });
  }
}

@Resolver(() => KostenRegel)
export class KostenRegelResolver {
  @FieldResolver(() => Gemeente, { nullable: true, description: 'Leeg bij een totaal over gemeenten.' })
  gemeente(@Root() regel: KostenRegel, @Ctx() ctx: Context) {
    return regel.gemeenteId === null ? null : ctx.loaders.byId(Gemeente).load(regel.gemeenteId);
  }

  @FieldResolver(() => Module, { nullable: true, description: 'Leeg bij een totaal over modules.' })
  module(@Root() regel: KostenRegel, @Ctx() ctx: Context) {
    return regel.moduleId === null ? null : ctx.loaders.byId(Module).load(regel.moduleId);
  }
}
