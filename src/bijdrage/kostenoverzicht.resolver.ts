import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Int, Query, Resolver } from 'type-graphql';
import { vraagtVeld } from '../core/selectie.js';
import type { Context } from '../context.js';
import { Fase } from './bijdrage.entity.js';
import { Kostenoverzicht, kostenoverzichten, type KostenFilter } from './kostenoverzicht.js';

/** The overviews (through the process's cache), with gemeenten and modules when the query selects them. */
async function overzichten(ctx: Context, info: GraphQLResolveInfo, filter: KostenFilter): Promise<Kostenoverzicht[]> {
  const gevraagd = { gemeente: vraagtVeld(info, 'gemeente'), module: vraagtVeld(info, 'module') };
  return kostenoverzichten(ctx.em, filter, { cache: ctx.kostenCache, loaders: ctx.loaders, gevraagd });
}

@Resolver(() => Kostenoverzicht)
export class KostenoverzichtResolver {
  @Query(() => Kostenoverzicht, { description: 'Kosten per gemeente × module voor één jaar, met totalen per gemeente, per module en voor de regio.' })
  async kostenoverzicht(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('jaar', () => Int) jaar: number,
    @Arg('fase', () => Fase, { defaultValue: Fase.GEWIJZIGD, description: 'Fase van bedrag en perInwoner.' }) fase: Fase,
    @Arg('modules', () => [String], { nullable: true, description: 'Alleen deze (sub)modules.' }) modules?: string[],
    @Arg('gemeenten', () => [String], { nullable: true, description: 'Alleen deze gemeenten (CBS-codes).' }) gemeenten?: string[],
  ): Promise<Kostenoverzicht> {
    return (await overzichten(ctx, info, { van: jaar, tot: jaar, fase, modules, gemeenten }))[0];
  }

  @Query(() => [Kostenoverzicht], { description: 'Het kostenoverzicht voor een reeks jaren (trends), in één keer.' })
  kostenoverzichtReeks(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('van', () => Int) van: number,
    @Arg('tot', () => Int, { description: 'Tot en met dit jaar.' }) tot: number,
    @Arg('fase', () => Fase, { defaultValue: Fase.GEWIJZIGD }) fase: Fase,
    @Arg('modules', () => [String], { nullable: true }) modules?: string[],
    @Arg('gemeenten', () => [String], { nullable: true }) gemeenten?: string[],
  ): Promise<Kostenoverzicht[]> {
    return overzichten(ctx, info, { van, tot, fase, modules, gemeenten });
  }
}
