import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { vereisRol } from '../auth/authenticate.js';
import { Rol } from '../auth/identity.js';
import type { Context } from '../context.js';
import { JaarArg } from '../core/jaar.js';
import { TextArg } from '../core/spreadsheet-text.js';
import { jaarHeropenen, zoekJaarafsluitingen } from './jaarafsluiting.service.js';
import { jaarafsluitingLezen, JaarafsluitingType } from './jaarafsluiting.types.js';
import { moduleLezen, ModuleType } from '../module/module.types.js';

@Resolver(() => JaarafsluitingType)
export class JaarafsluitingResolver {
  @Query(() => [JaarafsluitingType], { description: 'Welke jaren van welke modules zijn afgesloten (jaarrekening vastgelegd) of heropend.' })
  jaarafsluitingen(
    @Ctx() ctx: Context,
    @Arg('module', () => String, { nullable: true }) module?: string,
    @JaarArg('jaar', { nullable: true }) jaar?: number,
  ): Promise<JaarafsluitingType[]> {
    return zoekJaarafsluitingen(ctx.em, module, jaar);
  }

  @Mutation(() => JaarafsluitingType, {
    description: 'Heropent een afgesloten jaar van een module, met reden (beheerder); het auditlog houdt bij wie en waarom. Sluit het daarna weer af met jaarAfsluiten.',
  })
  async jaarHeropenen(
    @Ctx() ctx: Context,
    @Arg('module', () => String) module: string,
    @JaarArg('jaar') jaar: number,
    @TextArg('reden', 'Reden', 'prose') reden: string,
  ): Promise<JaarafsluitingType> {
    vereisRol(ctx.identity, [Rol.BEHEERDER], 'een afgesloten jaar heropenen');
    const afsluiting = await jaarHeropenen(ctx, module, jaar, reden);
    return ctx.loaders.readAfterWrite(jaarafsluitingLezen, afsluiting.id);
  }

  @FieldResolver(() => ModuleType)
  module(@Root() afsluiting: JaarafsluitingType, @Ctx() ctx: Context): ModuleType | Promise<ModuleType> {
    return ctx.loaders.readRef(moduleLezen, afsluiting.moduleId);
  }
}
