import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { vereisRol } from '../auth/authenticate.js';
import { Rol } from '../auth/identity.js';
import { Begroting } from '../begroting/begroting.entity.js';
import { BijdrageFilterArgs } from '../bijdrage/bijdrage.args.js';
import { Bijdrage } from '../bijdrage/bijdrage.entity.js';
import { bijdragenVanModule } from '../bijdrage/bijdrage.loaders.js';
import type { Context } from '../context.js';
import { JaarArg } from '../core/jaar.js';
import { PeriodeArgs } from '../deelname/deelname.args.js';
import { Deelname } from '../deelname/deelname.entity.js';
import { deelnamesVanModule } from '../deelname/deelname.loaders.js';
import { Dvo } from '../dvo/dvo.entity.js';
import { Kpi } from '../kpi/kpi.entity.js';
import { Kwartaalrapportage } from '../rapportage/kwartaalrapportage.entity.js';
import { rapportagesVanModule } from '../rapportage/rapportage.service.js';
import { Verdeelsleutel } from '../verdeelsleutel/verdeelsleutel.entity.js';
import { Module } from './module.entity.js';
import { ModuleInvoer } from './module.inputs.js';
import { ModuleWhere } from './module.where.js';
import { alleModules, alleProgrammas, moduleMetCode, moduleToevoegen } from './module.service.js';
import { Programma } from './programma.entity.js';

const perJaar = (jaar?: number) => (jaar === undefined ? {} : { jaar });

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

  @FieldResolver(() => [Deelname], { description: 'Deelnames van gemeenten aan deze (sub)module; zonder periode: die van vandaag.' })
  deelnemers(@Root() module: Module, @Args(() => PeriodeArgs) periode: PeriodeArgs, @Ctx() ctx: Context) {
    return deelnamesVanModule(ctx, periode).load(module.id);
  }

  @FieldResolver(() => [Dvo])
  dvos(@Root() module: Module, @Ctx() ctx: Context): Promise<Dvo[]> {
    return ctx.loaders.manyBy(Dvo, 'module', {}, { ingangsdatum: 'asc', kenmerk: 'asc' }).load(module.id);
  }

  @FieldResolver(() => [Begroting], { description: 'Begrotingsversies per jaar, in volgorde van vaststelling: primitief, wijzigingen, realisatie.' })
  begrotingen(@Root() module: Module, @Ctx() ctx: Context, @JaarArg('jaar', { nullable: true }) jaar?: number) {
    return ctx.loaders.manyBy(Begroting, 'module', perJaar(jaar), { jaar: 'asc', vastgesteldOp: 'asc', volgnummer: 'asc' }).load(module.id);
  }

  @FieldResolver(() => [Verdeelsleutel])
  verdeelsleutels(@Root() module: Module, @Ctx() ctx: Context, @JaarArg('jaar', { nullable: true }) jaar?: number) {
    return ctx.loaders.manyBy(Verdeelsleutel, 'module', perJaar(jaar), { jaar: 'asc' }).load(module.id);
  }

  @FieldResolver(() => [Kpi])
  kpis(@Root() module: Module, @Ctx() ctx: Context): Promise<Kpi[]> {
    return ctx.loaders.manyBy(Kpi, 'module', {}, { code: 'asc' }).load(module.id);
  }

  @FieldResolver(() => [Kwartaalrapportage], { description: 'Alle voor u zichtbare versies van de kwartaalrapportages.' })
  kwartaalrapportages(@Root() module: Module, @Ctx() ctx: Context, @JaarArg('jaar', { nullable: true }) jaar?: number) {
    return rapportagesVanModule(ctx, { jaar }).load(module.id);
  }

  @FieldResolver(() => [Bijdrage], { description: 'Bijdragen van alle gemeenten aan deze (sub)module.' })
  bijdragen(@Root() module: Module, @Args(() => BijdrageFilterArgs) args: BijdrageFilterArgs, @Ctx() ctx: Context) {
    return bijdragenVanModule(ctx, args).load(module.id);
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
