import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root, createUnionType } from 'type-graphql';
import { vereisRol } from '../auth/authenticate.js';
import { Rol } from '../auth/identity.js';
import type { Context } from '../context.js';
import { JaarArg } from '../core/jaar.js';
import { Gemeente } from '../gemeente/gemeente.entity.js';
import { Kpi } from '../kpi/kpi.entity.js';
import { Module } from '../module/module.entity.js';
import { Organisatie } from '../organisatie/organisatie.entity.js';
import { DvoNorm } from './dvo-norm.entity.js';
import { Dvo } from './dvo.entity.js';
import { DvoInvoer } from './dvo.inputs.js';
import { dvoMetKenmerk, dvoToevoegen, zoekDvos } from './dvo.service.js';

export const Partij = createUnionType({
  name: 'Partij',
  description: 'De partij van een DVO: een gemeente of een externe organisatie.',
  types: () => [Gemeente, Organisatie] as const,
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

  @FieldResolver(() => Module)
  module(@Root() dvo: Dvo, @Ctx() ctx: Context): Promise<Module> {
    return ctx.loaders.ref(Module, dvo.module);
  }

  @FieldResolver(() => Partij)
  async partij(@Root() dvo: Dvo, @Ctx() ctx: Context): Promise<typeof Partij> {
    if (dvo.gemeente) return ctx.loaders.ref(Gemeente, dvo.gemeente);
    return ctx.loaders.ref(Organisatie, dvo.organisatie!);
  }

  @FieldResolver(() => [DvoNorm], { description: 'Afgesproken KPI-normen, eventueel van één jaar.' })
  normen(@Root() dvo: Dvo, @Ctx() ctx: Context, @JaarArg('jaar', { nullable: true }) jaar?: number) {
    return ctx.loaders.manyBy(DvoNorm, 'dvo', jaar === undefined ? {} : { jaar }, { jaar: 'asc', id: 'asc' }).load(dvo.id);
  }
}

@Resolver(() => DvoNorm)
export class DvoNormResolver {
  @FieldResolver(() => Kpi)
  kpi(@Root() norm: DvoNorm, @Ctx() ctx: Context): Promise<Kpi> {
    return ctx.loaders.ref(Kpi, norm.kpi);
  }

  @FieldResolver(() => Gemeente, { nullable: true, description: 'Gemeente waarvoor de norm geldt; leeg = de hele DVO.' })
  gemeente(@Root() norm: DvoNorm, @Ctx() ctx: Context) {
    return ctx.loaders.optionalRef(Gemeente, norm.gemeente);
  }

  @FieldResolver(() => Dvo)
  dvo(@Root() norm: DvoNorm, @Ctx() ctx: Context): Promise<Dvo> {
    return ctx.loaders.ref(Dvo, norm.dvo);
  }
}
