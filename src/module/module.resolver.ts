import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { vereisRol } from '../auth/authenticate.js';
import { Rol } from '../auth/identity.js';
import type { Context } from '../context.js';
import { Module } from './module.entity.js';
import { ModuleInvoer } from './module.inputs.js';
import { ModuleWhere } from './module.where.js';
import { alleModules, alleProgrammas, moduleMetCode, moduleToevoegen } from './module.service.js';
import { Programma } from './programma.entity.js';

@Resolver(() => Module)
export class ModuleResolver {
  @Query(() => [Module], { description: 'Modules en submodules, op code; eventueel gefilterd.' })
  modules(
    @Ctx() ctx: Context,
    @Arg('alleenHoofdmodules', () => Boolean, { defaultValue: false }) alleenHoofdmodules: boolean,
    @Arg('where', () => ModuleWhere, { nullable: true }) where?: ModuleWhere,
  ): Promise<Module[]> {
    return alleModules(ctx.em, alleenHoofdmodules, where);
  }

  @Query(() => Module, { description: 'Eén (sub)module op code, bijvoorbeeld WGSW.' })
  module(@Arg('code', () => String) code: string, @Ctx() ctx: Context): Promise<Module> {
    return moduleMetCode(ctx.em, code);
  }

  @Mutation(() => Module, { description: 'Voegt een module of submodule toe (beheerder).' })
  moduleToevoegen(@Arg('invoer', () => ModuleInvoer) invoer: ModuleInvoer, @Ctx() ctx: Context): Promise<Module> {
    vereisRol(ctx.identity, [Rol.BEHEERDER], 'modules toevoegen');
    return moduleToevoegen(ctx, invoer);
  }

  @FieldResolver(() => Programma, { nullable: true })
  programma(@Root() module: Module, @Ctx() ctx: Context) {
    return ctx.loaders.optionalRef(Programma, module.programma);
  }

  @FieldResolver(() => Module, { nullable: true, description: 'De hoofdmodule van een submodule.' })
  hoofdmodule(@Root() module: Module, @Ctx() ctx: Context) {
    return ctx.loaders.optionalRef(Module, module.hoofdmodule);
  }

  @FieldResolver(() => [Module])
  submodules(@Root() module: Module, @Ctx() ctx: Context): Promise<Module[]> {
    return ctx.loaders.manyBy(Module, 'hoofdmodule', {}, { code: 'asc' }).load(module.id);
  }
}

@Resolver(() => Programma)
export class ProgrammaResolver {
  @Query(() => [Programma])
  programmas(@Ctx() ctx: Context): Promise<Programma[]> {
    return alleProgrammas(ctx.em);
  }

  @FieldResolver(() => [Module], { description: 'Hoofdmodules van het programma.' })
  modules(@Root() programma: Programma, @Ctx() ctx: Context): Promise<Module[]> {
    return ctx.loaders.manyBy(Module, 'programma', { hoofdmodule: null }, { code: 'asc' }).load(programma.id);
  }
}
