import { Arg, Args, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { vereisRol } from '../auth/authenticate.js';
import { Rol } from '../auth/identity.js';
import { LocalDate } from '../core/graphql-types.js';
import type { Context } from '../context.js';
import { DeelnamesArgs } from './deelname.args.js';
import { deelnameLezen, DeelnameType } from './deelname.types.js';
import { DeelnameInvoer } from './deelname.inputs.js';
import { deelnameBeeindigen, deelnameToevoegen, zoekDeelnames } from './deelname.service.js';
import { gemeenteLezen, GemeenteType } from '../gemeente/gemeente.types.js';
import { moduleLezen, ModuleType } from '../module/module.types.js';

@Resolver(() => DeelnameType)
export class DeelnameResolver {
  @Query(() => [DeelnameType], { description: 'Deelnames, te filteren op gemeente, module en periode; zonder periode: alle.' })
  deelnames(@Args(() => DeelnamesArgs) args: DeelnamesArgs, @Ctx() ctx: Context): Promise<DeelnameType[]> {
    return zoekDeelnames(ctx.em, args);
  }

  @Mutation(() => DeelnameType, { description: 'Laat een gemeente deelnemen aan een (sub)module (beheerder).' })
  async deelnameToevoegen(@Arg('invoer', () => DeelnameInvoer) invoer: DeelnameInvoer, @Ctx() ctx: Context): Promise<DeelnameType> {
    vereisRol(ctx.identity, [Rol.BEHEERDER], 'deelnames wijzigen');
    const deelname = await deelnameToevoegen(ctx, invoer);
    return ctx.loaders.readAfterWrite(deelnameLezen, deelname.id);
  }

  @Mutation(() => DeelnameType, { description: 'Beëindigt een deelname per de opgegeven datum (eerste dag zonder deelname; beheerder).' })
  async deelnameBeeindigen(
    @Arg('id', () => Int) id: number,
    @Arg('tot', () => LocalDate) tot: string,
    @Ctx() ctx: Context,
  ): Promise<DeelnameType> {
    vereisRol(ctx.identity, [Rol.BEHEERDER], 'deelnames wijzigen');
    const deelname = await deelnameBeeindigen(ctx, id, tot);
    return ctx.loaders.readAfterWrite(deelnameLezen, deelname.id);
  }

  @FieldResolver(() => GemeenteType)
  gemeente(@Root() deelname: DeelnameType, @Ctx() ctx: Context): GemeenteType | Promise<GemeenteType> {
    return ctx.loaders.readRef(gemeenteLezen, deelname.gemeenteId);
  }

  @FieldResolver(() => ModuleType)
  module(@Root() deelname: DeelnameType, @Ctx() ctx: Context): ModuleType | Promise<ModuleType> {
    return ctx.loaders.readRef(moduleLezen, deelname.moduleId);
  }
}
