import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { OrganisatieType } from '../organisatie/organisatie.types.js';
import { dvoLezen, DvoType } from './dvo.types.js';
import { GemeenteType } from '../gemeente/gemeente.types.js';
import { ModuleType } from '../module/module.types.js';

// The DVO's of a module, gemeente or organisation live here, with the DVO, so that those lower
// folders do not depend on dvo/ (dependencies run child -> parent).

@Resolver(() => ModuleType)
export class DvosVanModuleResolver {
  @FieldResolver(() => [DvoType])
  dvos(@Root() module: ModuleType, @Ctx() ctx: Context): Promise<DvoType[]> {
    return ctx.loaders.readManyBy(dvoLezen, { relation: 'module', key: 'moduleId' }, {}, { ingangsdatum: 'asc', kenmerk: 'asc' }).load(module.id);
  }
}

@Resolver(() => GemeenteType)
export class DvosVanGemeenteResolver {
  @FieldResolver(() => [DvoType], { description: 'DVO’s met deze gemeente als partij.' })
  dvos(@Root() gemeente: GemeenteType, @Ctx() ctx: Context): Promise<DvoType[]> {
    return ctx.loaders.readManyBy(dvoLezen, { relation: 'gemeente', key: 'gemeenteId' }).load(gemeente.id);
  }
}

@Resolver(() => OrganisatieType)
export class DvosVanOrganisatieResolver {
  @FieldResolver(() => [DvoType])
  dvos(@Root() organisatie: OrganisatieType, @Ctx() ctx: Context): Promise<DvoType[]> {
    return ctx.loaders.readManyBy(dvoLezen, { relation: 'organisatie', key: 'organisatieId' }, {}, { ingangsdatum: 'asc' }).load(organisatie.id);
  }
}
