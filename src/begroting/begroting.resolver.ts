import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { vereisRol } from '../auth/authenticate.js';
import { Rol } from '../auth/identity.js';
import type { Context } from '../context.js';
import { JaarArg } from '../core/jaar.js';
import { BegrotingSoort } from './begroting.entity.js';
import { BegrotingInvoer } from './begroting.inputs.js';
import { begrotingVastleggen, zoekBegrotingen } from './begroting.service.js';
import { begrotingLezen, BegrotingType } from './begroting.types.js';
import { moduleLezen, ModuleType } from '../module/module.types.js';

@Resolver(() => BegrotingType)
export class BegrotingResolver {
  @Query(() => [BegrotingType], { description: 'Begrotingsversies, te filteren op module, jaar en soort.' })
  begrotingen(
    @Ctx() ctx: Context,
    @Arg('module', () => String, { nullable: true }) module?: string,
    @JaarArg('jaar', { nullable: true }) jaar?: number,
    @Arg('soort', () => BegrotingSoort, { nullable: true }) soort?: BegrotingSoort,
  ): Promise<BegrotingType[]> {
    return zoekBegrotingen(ctx.em, { module, jaar, soort });
  }

  @Mutation(() => BegrotingType, { description: 'Legt een nieuwe begrotingsversie vast (beheerder); bestaande versies blijven ongewijzigd.' })
  async begrotingVastleggen(@Arg('invoer', () => BegrotingInvoer) invoer: BegrotingInvoer, @Ctx() ctx: Context): Promise<BegrotingType> {
    vereisRol(ctx.identity, [Rol.BEHEERDER], 'begrotingen vastleggen');
    const begroting = await begrotingVastleggen(ctx, invoer);
    return ctx.loaders.readAfterWrite(begrotingLezen, begroting.id);
  }

  @FieldResolver(() => ModuleType)
  module(@Root() begroting: BegrotingType, @Ctx() ctx: Context): ModuleType | Promise<ModuleType> {
    return ctx.loaders.readRef(moduleLezen, begroting.moduleId);
  }
}
