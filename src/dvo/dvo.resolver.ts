import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root, createUnionType } from 'type-graphql';
import { vereisRol } from '../auth/authenticate.js';
import { Rol } from '../auth/identity.js';
import type { Context } from '../context.js';
import { organisatieLezen, OrganisatieType } from '../organisatie/organisatie.types.js';
import { DvoInvoer } from './dvo.inputs.js';
import { dvoToevoegen, leesDvo, zoekDvos } from './dvo.service.js';
import { dvoLezen, DvoType } from './dvo.types.js';
import { gemeenteLezen, GemeenteType } from '../gemeente/gemeente.types.js';
import { moduleLezen, ModuleType } from '../module/module.types.js';

export const Partij = createUnionType({
  name: 'Partij',
  description: 'De partij van een DVO: een gemeente of een externe organisatie.',
  types: () => [GemeenteType, OrganisatieType] as const,
});

@Resolver(() => DvoType)
export class DvoResolver {
  @Query(() => [DvoType], { description: 'DVO’s, eventueel van één module.' })
  dvos(@Ctx() ctx: Context, @Arg('module', () => String, { nullable: true }) module?: string): Promise<DvoType[]> {
    return zoekDvos(ctx.em, module);
  }

  @Query(() => DvoType)
  dvo(@Arg('kenmerk', () => String) kenmerk: string, @Ctx() ctx: Context): Promise<DvoType> {
    return leesDvo(ctx.em, kenmerk);
  }

  @Mutation(() => DvoType, { description: 'Registreert een DVO (beheerder).' })
  async dvoToevoegen(@Arg('invoer', () => DvoInvoer) invoer: DvoInvoer, @Ctx() ctx: Context): Promise<DvoType> {
    vereisRol(ctx.identity, [Rol.BEHEERDER], 'DVO’s registreren');
    const dvo = await dvoToevoegen(ctx, invoer);
    return ctx.loaders.readRef(dvoLezen, dvo.id);
  }

  @FieldResolver(() => ModuleType)
  module(@Root() dvo: DvoType, @Ctx() ctx: Context): ModuleType | Promise<ModuleType> {
    return ctx.loaders.readRef(moduleLezen, dvo.moduleId);
  }

  @FieldResolver(() => Partij)
  async partij(@Root() dvo: DvoType, @Ctx() ctx: Context): Promise<typeof Partij> {
    if (dvo.gemeenteId !== null) return ctx.loaders.readRef(gemeenteLezen, dvo.gemeenteId);
    return ctx.loaders.readRef(organisatieLezen, dvo.organisatieId!);
  }
}
