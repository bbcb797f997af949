import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { vereisRol } from '../auth/authenticate.js';
import { Rol } from '../auth/identity.js';
import type { Context } from '../context.js';
import { JaarArg } from '../core/jaar.js';
import { Jaarafsluiting } from './jaarafsluiting.entity.js';
import { jaarHeropenen, zoekJaarafsluitingen } from './jaarafsluiting.service.js';
import { moduleLezen, ModuleType } from '../module/module.types.js';

@Resolver(() => Jaarafsluiting)
export class JaarafsluitingResolver {
  @Query(() => [Jaarafsluiting], { description: 'Welke jaren van welke modules zijn afgesloten (jaarrekening vastgelegd) of heropend.' })
  jaarafsluitingen(
    @Ctx() ctx: Context,
    @Arg('module', () => String, { nullable: true }) module?: string,
    @JaarArg('jaar', { nullable: true }) jaar?: number,
  ): Promise<Jaarafsluiting[]> {
    return zoekJaarafsluitingen(ctx.em, module, jaar);
  }

  @Mutation(() => Jaarafsluiting, {
    description: 'Heropent een afgesloten jaar van een module, met reden (beheerder); het auditlog houdt bij wie en waarom. Sluit het daarna weer af met jaarAfsluiten.',
  })
  jaarHeropenen(
    @Ctx() ctx: Context,
    @Arg('module', () => String) module: string,
    @JaarArg('jaar') jaar: number,
    @Arg('reden', () => String) reden: string,
  ): Promise<Jaarafsluiting> {
    vereisRol(ctx.identity, [Rol.BEHEERDER], 'een afgesloten jaar heropenen');
    return jaarHeropenen(ctx, module, jaar, reden);
  }

  @FieldResolver(() => ModuleType)
  module(@Root() afsluiting: Jaarafsluiting, @Ctx() ctx: Context): Promise<ModuleType> {
    return ctx.loaders.readRef(moduleLezen, afsluiting.module.id);
  }
}
