import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { begrotingLezen, BegrotingType } from '../begroting/begroting.types.js';
import type { Context } from '../context.js';
import { JaarArg } from '../core/jaar.js';
import { gemeenteLezen, GemeenteType } from '../gemeente/gemeente.types.js';
import { moduleLezen, ModuleType } from '../module/module.types.js';
import { meerjarenraming } from './meerjarenraming.service.js';
import { Meerjarenraming, RamingBijdrage, RamingGemeente, RamingModule } from './meerjarenraming.types.js';

@Resolver(() => Meerjarenraming)
export class MeerjarenramingResolver {
  @Query(() => Meerjarenraming, {
    description:
      'De meerjarenraming bij de begroting van een jaar: per module de jaren t+1 … t+3 uit de laatst vastgestelde versie met een raming, ' +
      'en per jaar de geraamde bijdragen per gemeente (verdeeld zoals bijdragenBerekenen: verdeelsleutel, deelnamedagen, op de cent).',
  })
  meerjarenraming(
    @Ctx() ctx: Context,
    @JaarArg('jaar', { description: 'Het begrotingsjaar t.' }) jaar: number,
    @Arg('modules', () => [String], { nullable: true, description: 'Alleen deze modules (codes).' }) modules?: string[],
  ): Promise<Meerjarenraming> {
    return meerjarenraming(ctx.em, jaar, modules);
  }
}

@Resolver(() => RamingModule)
export class RamingModuleResolver {
  @FieldResolver(() => ModuleType)
  module(@Root() raming: RamingModule, @Ctx() ctx: Context): ModuleType | Promise<ModuleType> {
    return ctx.loaders.readRef(moduleLezen, raming.moduleId);
  }

  @FieldResolver(() => BegrotingType, { description: 'De begrotingsversie die deze raming draagt.' })
  begroting(@Root() raming: RamingModule, @Ctx() ctx: Context): BegrotingType | Promise<BegrotingType> {
    return ctx.loaders.readRef(begrotingLezen, raming.begrotingId);
  }
}

@Resolver(() => RamingBijdrage)
export class RamingBijdrageResolver {
  @FieldResolver(() => GemeenteType)
  gemeente(@Root() bijdrage: RamingBijdrage, @Ctx() ctx: Context): GemeenteType | Promise<GemeenteType> {
    return ctx.loaders.readRef(gemeenteLezen, bijdrage.gemeenteId);
  }
}

@Resolver(() => RamingGemeente)
export class RamingGemeenteResolver {
  @FieldResolver(() => GemeenteType)
  gemeente(@Root() totaal: RamingGemeente, @Ctx() ctx: Context): GemeenteType | Promise<GemeenteType> {
    return ctx.loaders.readRef(gemeenteLezen, totaal.gemeenteId);
  }
}
