import { Arg, Args, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { vereisRol } from '../auth/authenticate.js';
import { Rol } from '../auth/identity.js';
import { LocalDate } from '../core/graphql-types.js';
import type { Context } from '../context.js';
import { DeelnamesArgs } from './deelname.args.js';
import { Deelname } from './deelname.entity.js';
import { DeelnameInvoer } from './deelname.inputs.js';
import { deelnameBeeindigen, deelnameToevoegen, zoekDeelnames } from './deelname.service.js';
import { gemeenteLezen, GemeenteType } from '../gemeente/gemeente.types.js';
import { moduleLezen, ModuleType } from '../module/module.types.js';

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

  @FieldResolver(() => GemeenteType)
  gemeente(@Root() deelname: Deelname, @Ctx() ctx: Context): Promise<GemeenteType> {
    return ctx.loaders.readRef(gemeenteLezen, deelname.gemeente.id);
  }

  @FieldResolver(() => ModuleType)
  module(@Root() deelname: Deelname, @Ctx() ctx: Context): Promise<ModuleType> {
    return ctx.loaders.readRef(moduleLezen, deelname.module.id);
  }
}
