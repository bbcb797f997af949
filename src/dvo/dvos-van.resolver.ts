import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { Organisatie } from '../organisatie/organisatie.entity.js';
import { Dvo } from './dvo.entity.js';
import { GemeenteType } from '../gemeente/gemeente.types.js';
import { ModuleType } from '../module/module.types.js';

// The DVO's of a module, gemeente or organisation live here, with the DVO, so that those lower
// folders do not depend on dvo/ (dependencies run child -> parent).

@Resolver(() => ModuleType)
export class DvosVanModuleResolver {
  @FieldResolver(() => [Dvo])
  dvos(@Root() module: ModuleType, @Ctx() ctx: Context): Promise<Dvo[]> {
    return ctx.loaders.manyBy(Dvo, 'module', {}, { ingangsdatum: 'asc', kenmerk: 'asc' }).load(module.id);
  }
}

@Resolver(() => GemeenteType)
export class DvosVanGemeenteResolver {
  @FieldResolver(() => [Dvo], { description: 'DVO’s met deze gemeente als partij.' })
  dvos(@Root() gemeente: GemeenteType, @Ctx() ctx: Context): Promise<Dvo[]> {
    return ctx.loaders.manyBy(Dvo, 'gemeente').load(gemeente.id);
  }
}

@Resolver(() => Organisatie)
export class DvosVanOrganisatieResolver {
  @FieldResolver(() => [Dvo])
  dvos(@Root() organisatie: Organisatie, @Ctx() ctx: Context): Promise<Dvo[]> {
    return ctx.loaders.manyBy(Dvo, 'organisatie', {}, { ingangsdatum: 'asc' }).load(organisatie.id);
  }
}
