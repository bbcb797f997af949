import { Arg, Args, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { vereisRol } from '../auth/authenticate.js';
import { Rol } from '../auth/identity.js';
import { LocalDate } from '../core/graphql-types.js';
import { BijdrageFilterArgs } from '../bijdrage/bijdrage.args.js';
import { Bijdrage } from '../bijdrage/bijdrage.entity.js';
import { bijdragenVanDeelnemer } from '../bijdrage/bijdrage.loaders.js';
import type { Context } from '../context.js';
import { JaarArg } from '../core/jaar.js';
import { Gemeente } from '../gemeente/gemeente.entity.js';
import { Module } from '../module/module.entity.js';
import { KpiWaarde } from '../rapportage/kpi-waarde.entity.js';
import { waardenVanDeelnemer } from '../rapportage/rapportage.service.js';
import { DeelnamesArgs } from './deelname.args.js';
import { Deelname } from './deelname.entity.js';
import { DeelnameInvoer } from './deelname.inputs.js';
import { deelnameBeeindigen, deelnameToevoegen, zoekDeelnames } from './deelname.service.js';

@Resolver(() => Deelname)
export class DeelnameResolver {
  @Query(() => [Deelname], { description: 'Deelnames, te filteren op gemeente, module en periode; zonder periode: alle.' })
  deelnames(@Args(() => DeelnamesArgs) args: DeelnamesArgs, @Ctx() ctx: Context): Promise<Deelname[]> {
    return zoekDeelnames(ctx.em, args);
  }

  @Mutation(() => Deelname, { description: 'Laat een gemeente deelnemen aan een (sub)module (beheerder).' })
  deelnameToevoegen(@Arg('invoer', () => DeelnameInvoer) invoer: DeelnameInvoer, @Ctx() ctx: Context): Promise<Deelname> {
    vereisRol(ctx.identity, [Rol.BEHEERDER], 'deelnames wijzigen');
    return deelnameToevoegen(ctx, invoer);
  }

  @Mutation(() => Deelname, { description: 'Beëindigt een deelname per de opgegeven datum (eerste dag zonder deelname; beheerder).' })
  deelnameBeeindigen(
    @Arg('id', () => Int) id: number,
    @Arg('tot', () => LocalDate) tot: string,
    @Ctx() ctx: Context,
  ): Promise<Deelname> {
    vereisRol(ctx.identity, [Rol.BEHEERDER], 'deelnames wijzigen');
    return deelnameBeeindigen(ctx, id, tot);
  }

  @FieldResolver(() => Gemeente)
  gemeente(@Root() deelname: Deelname, @Ctx() ctx: Context): Promise<Gemeente> {
    return ctx.loaders.ref(Gemeente, deelname.gemeente);
  }

  @FieldResolver(() => Module)
  module(@Root() deelname: Deelname, @Ctx() ctx: Context): Promise<Module> {
    return ctx.loaders.ref(Module, deelname.module);
  }

  @FieldResolver(() => [Bijdrage], { description: 'Bijdragen van deze gemeente aan deze (sub)module.' })
  bijdragen(@Root() deelname: Deelname, @Args(() => BijdrageFilterArgs) args: BijdrageFilterArgs, @Ctx() ctx: Context) {
    return bijdragenVanDeelnemer(ctx, args).load(`${deelname.gemeente.id}:${deelname.module.id}`);
  }

  @FieldResolver(() => [KpiWaarde], {
    description: 'KPI-waarden van deze gemeente in deze module, uit de rapportages die u mag zien.',
  })
  kpiWaarden(
    @Root() deelname: Deelname,
    @Ctx() ctx: Context,
    @JaarArg('jaar', { nullable: true }) jaar?: number,
    @Arg('kwartaal', () => Int, { nullable: true }) kwartaal?: number,
  ) {
    return waardenVanDeelnemer(ctx, { jaar, kwartaal }).load(`${deelname.gemeente.id}:${deelname.module.id}`);
  }
}
