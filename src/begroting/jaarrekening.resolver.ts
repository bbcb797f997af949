import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { JaarArg } from '../core/jaar.js';
import { moduleLezen, ModuleType } from '../module/module.types.js';
import { leesJaarrekening, zoekJaarrekeningen } from './jaarrekening.service.js';
import { JaarrekeningType } from './jaarrekening.types.js';

/** The jaarrekeningen; readable for everyone signed in, like the budget versions. Recording them: berekening.resolver.ts. */
@Resolver(() => JaarrekeningType)
export class JaarrekeningResolver {
  @Query(() => JaarrekeningType, { description: 'De jaarrekening van een module over een jaar; NOT_FOUND als die er (nog) niet is.' })
  jaarrekening(@Ctx() ctx: Context, @Arg('module', () => String) module: string, @JaarArg('jaar') jaar: number): Promise<JaarrekeningType> {
    return leesJaarrekening(ctx.em, module, jaar);
  }

  @Query(() => [JaarrekeningType], { description: 'Jaarrekeningen, te filteren op jaar en modules (modulecodes); per module, dan per jaar.' })
  jaarrekeningen(
    @Ctx() ctx: Context,
    @JaarArg('jaar', { nullable: true }) jaar?: number,
    @Arg('modules', () => [String], { nullable: true }) modules?: string[] | null,
  ): Promise<JaarrekeningType[]> {
    return zoekJaarrekeningen(ctx.em, { jaar, modules: modules ?? undefined });
  }

  @FieldResolver(() => ModuleType)
  module(@Root() jaarrekening: JaarrekeningType, @Ctx() ctx: Context): ModuleType | Promise<ModuleType> {
    return ctx.loaders.readRef(moduleLezen, jaarrekening.moduleId);
  }
}
