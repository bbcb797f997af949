import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { vereisRol } from '../auth/authenticate.js';
import { Rol } from '../auth/identity.js';
import type { Context } from '../context.js';
import { ModuleInvoer } from './module.inputs.js';
import { ModuleWhere } from './module.where.js';
import { alleModules, alleProgrammas, leesModule, moduleToevoegen } from './module.service.js';
import { moduleLezen, ModuleType, ProgrammaType, programmaLezen } from './module.types.js';

@Resolver(() => ModuleType)
export class ModuleResolver {
  @Query(() => [ModuleType], { description: 'Modules en submodules, op code; eventueel gefilterd.' })
  modules(
    @Ctx() ctx: Context,
    @Arg('alleenHoofdmodules', () => Boolean, { defaultValue: false }) alleenHoofdmodules: boolean,
    @Arg('where', () => ModuleWhere, { nullable: true }) where?: ModuleWhere,
  ): Promise<ModuleType[]> {
    return alleModules(ctx.em, alleenHoofdmodules, where);
  }

  @Query(() => ModuleType, { description: 'Eén (sub)module op code, bijvoorbeeld WGSW.' })
  module(@Arg('code', () => String) code: string, @Ctx() ctx: Context): Promise<ModuleType> {
    return leesModule(ctx.em, code);
  }

  @Mutation(() => ModuleType, { description: 'Voegt een module of submodule toe (beheerder).' })
  async moduleToevoegen(@Arg('invoer', () => ModuleInvoer) invoer: ModuleInvoer, @Ctx() ctx: Context): Promise<ModuleType> {
    vereisRol(ctx.identity, [Rol.BEHEERDER], 'modules toevoegen');
    const module = await moduleToevoegen(ctx, invoer);
    return ctx.loaders.readRef(moduleLezen, module.id);
  }

  @FieldResolver(() => ProgrammaType, { nullable: true })
  programma(@Root() module: ModuleType, @Ctx() ctx: Context) {
    return ctx.loaders.optionalReadRef(programmaLezen, module.programmaId);
  }

  @FieldResolver(() => ModuleType, { nullable: true, description: 'De hoofdmodule van een submodule.' })
  hoofdmodule(@Root() module: ModuleType, @Ctx() ctx: Context) {
    return ctx.loaders.optionalReadRef(moduleLezen, module.hoofdmoduleId);
  }

  @FieldResolver(() => [ModuleType])
  submodules(@Root() module: ModuleType, @Ctx() ctx: Context): Promise<ModuleType[]> {
    return ctx.loaders.readManyBy(moduleLezen, { relation: 'hoofdmodule', key: 'hoofdmoduleId' }, {}, { code: 'asc' }).load(module.id);
  }
}

@Resolver(() => ProgrammaType)
export class ProgrammaResolver {
  @Query(() => [ProgrammaType])
  programmas(@Ctx() ctx: Context): Promise<ProgrammaType[]> {
    return alleProgrammas(ctx.em);
  }

  @FieldResolver(() => [ModuleType], { description: 'Hoofdmodules van het programma.' })
  modules(@Root() programma: ProgrammaType, @Ctx() ctx: Context): Promise<ModuleType[]> {
    return ctx.loaders.readManyBy(moduleLezen, { relation: 'programma', key: 'programmaId' }, { hoofdmodule: null }, { code: 'asc' }).load(programma.id);
  }
}
