import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Query, Resolver } from 'type-graphql';
import { JaarArg } from '../core/jaar.js';
import { CbsCodeScalar } from '../core/scalars.js';
import { selectsField } from '../core/selection.js';
import type { Context } from '../context.js';
import { Fase } from './bijdrage.entity.js';
import { kostenoverzichten, type KostenFilter } from './kostenoverzicht.service.js';
import { Kostenoverzicht } from './kostenoverzicht.types.js';

/** The overviews (through the process's cache), with gemeenten and modules when the query selects them. */
async function overzichten(ctx: Context, info: GraphQLResolveInfo, filter: KostenFilter): Promise<Kostenoverzicht[]> {
  const gevraagd = { gemeente: selectsField(info, 'gemeente'), module: selectsField(info, 'module') };
  return kostenoverzichten(ctx.em, filter, { cache: ctx.kostenCache, gevraagd });
}

@Resolver(() => Kostenoverzicht)
export class KostenoverzichtResolver {
  @Query(() => Kostenoverzicht, { description: 'Kosten per gemeente × module voor één jaar, met totalen per gemeente, per module en voor de regio.' })
  async kostenoverzicht(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @JaarArg('jaar') jaar: number,
    @Arg('fase', () => Fase, { defaultValue: Fase.GEWIJZIGD, description: 'Fase van bedrag en perInwoner.' }) fase: Fase,
    @Arg('modules', () => [String], { nullable: true, description: 'Alleen deze (sub)modules.' }) modules?: string[],
    @Arg('gemeenten', () => [CbsCodeScalar], { nullable: true, description: 'Alleen deze gemeenten (CBS-codes).' }) gemeenten?: string[],
    @Arg('taakvelden', () => [String], { nullable: true, description: 'Alleen bijdragen op deze BBV-taakvelden, bijvoorbeeld ["6.4"].' })
    taakvelden?: string[],
  ): Promise<Kostenoverzicht> {
    return (await overzichten(ctx, info, { van: jaar, tot: jaar, fase, modules, gemeenten, taakvelden }))[0];
  }

  @Query(() => [Kostenoverzicht], { description: 'Het kostenoverzicht voor een reeks jaren (trends), in één keer.' })
  kostenoverzichtReeks(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @JaarArg('van') van: number,
    @JaarArg('tot', { description: 'Tot en met dit jaar.' }) tot: number,
    @Arg('fase', () => Fase, { defaultValue: Fase.GEWIJZIGD }) fase: Fase,
    @Arg('modules', () => [String], { nullable: true }) modules?: string[],
    @Arg('gemeenten', () => [CbsCodeScalar], { nullable: true }) gemeenten?: string[],
    @Arg('taakvelden', () => [String], { nullable: true }) taakvelden?: string[],
  ): Promise<Kostenoverzicht[]> {
    return overzichten(ctx, info, { van, tot, fase, modules, gemeenten, taakvelden });
  }
}
