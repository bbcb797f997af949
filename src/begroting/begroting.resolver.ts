import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { vereisRol } from '../auth/authenticate.js';
import { Rol } from '../auth/identity.js';
import type { Context } from '../context.js';
import { JaarArg } from '../core/jaar.js';
import { Begroting, BegrotingSoort } from './begroting.entity.js';
import { BegrotingInvoer } from './begroting.inputs.js';
import { begrotingVastleggen, zoekBegrotingen } from './begroting.service.js';
import { moduleLezen, ModuleType } from '../module/module.types.js';

@Resolver(() => Begroting)
export class BegrotingResolver {
  @Query(() => [Begroting], { description: 'Begrotingsversies, te filteren op module, jaar en soort.' })
  begrotingen(
    @Ctx() ctx: Context,
    @Arg('module', () => String, { nullable: true }) module?: string,
    @JaarArg('jaar', { nullable: true }) jaar?: number,
    @Arg('soort', () => BegrotingSoort, { nullable: true }) soort?: BegrotingSoort,
  ): Promise<Begroting[]> {
    return zoekBegrotingen(ctx.em, { module, jaar, soort });
  }

  @Mutation(() => Begroting, { description: 'Legt een nieuwe begrotingsversie vast (beheerder); bestaande versies blijven ongewijzigd.' })
  begrotingVastleggen(@Arg('invoer', () => BegrotingInvoer) invoer: BegrotingInvoer, @Ctx() ctx: Context): Promise<Begroting> {
    vereisRol(ctx.identity, [Rol.BEHEERDER], 'begrotingen vastleggen');
    return begrotingVastleggen(ctx, invoer);
  }

  @FieldResolver(() => ModuleType)
  module(@Root() begroting: Begroting, @Ctx() ctx: Context): Promise<ModuleType> {
    return ctx.loaders.readRef(moduleLezen, begroting.module.id);
  }
}
