import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root, createUnionType } from 'type-graphql';
import { vereisRol } from '../auth/authenticate.js';
import { Rol } from '../auth/identity.js';
import type { Context } from '../context.js';
import { Organisatie } from '../organisatie/organisatie.entity.js';
import { Dvo } from './dvo.entity.js';
import { DvoInvoer } from './dvo.inputs.js';
import { dvoMetKenmerk, dvoToevoegen, zoekDvos } from './dvo.service.js';
import { gemeenteLezen, GemeenteType } from '../gemeente/gemeente.types.js';
import { moduleLezen, ModuleType } from '../module/module.types.js';

export const Partij = createUnionType({
  name: 'Partij',
  description: 'De partij van een DVO: een gemeente of een externe organisatie.',
  types: () => [GemeenteType, Organisatie] as const,
});

@Resolver(() => Dvo)
export class DvoResolver {
  @Query(() => [Dvo], { description: 'DVO’s, eventueel van één module.' })
  dvos(@Ctx() ctx: Context, @Arg('module', () => String, { nullable: true }) module?: string): Promise<Dvo[]> {
    return zoekDvos(ctx.em, module);
  }

  @Query(() => Dvo)
  dvo(@Arg('kenmerk', () => String) kenmerk: string, @Ctx() ctx: Context): Promise<Dvo> {
    return dvoMetKenmerk(ctx.em, kenmerk);
  }

  @Mutation(() => Dvo, { description: 'Registreert een DVO (beheerder).' })
  dvoToevoegen(@Arg('invoer', () => DvoInvoer) invoer: DvoInvoer, @Ctx() ctx: Context): Promise<Dvo> {
    vereisRol(ctx.identity, [Rol.BEHEERDER], 'DVO’s registreren');
    return dvoToevoegen(ctx, invoer);
  }

  @FieldResolver(() => ModuleType)
  module(@Root() dvo: Dvo, @Ctx() ctx: Context): Promise<ModuleType> {
    return ctx.loaders.readRef(moduleLezen, dvo.module.id);
  }

  @FieldResolver(() => Partij)
  async partij(@Root() dvo: Dvo, @Ctx() ctx: Context): Promise<typeof Partij> {
    if (dvo.gemeente) return ctx.loaders.readRef(gemeenteLezen, dvo.gemeente.id);
    return ctx.loaders.ref(Organisatie, dvo.organisatie!);
  }
}
