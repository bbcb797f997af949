import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { vereisRol } from '../auth/authenticate.js';
import { Rol } from '../auth/identity.js';
import type { Context } from '../context.js';
import { JaarArg } from '../core/jaar.js';
import { VerdeelsleutelInvoer } from './verdeelsleutel.inputs.js';
import { verdeelsleutelVastleggen, zoekVerdeelsleutels } from './verdeelsleutel.service.js';
import { verdeelsleutelEenheidLezen, VerdeelsleutelEenheidType, verdeelsleutelLezen, VerdeelsleutelType } from './verdeelsleutel.types.js';
import { gemeenteLezen, GemeenteType } from '../gemeente/gemeente.types.js';
import { moduleLezen, ModuleType } from '../module/module.types.js';

@Resolver(() => VerdeelsleutelType)
export class VerdeelsleutelResolver {
  @Query(() => [VerdeelsleutelType], { description: 'Verdeelsleutels, te filteren op module en jaar.' })
  verdeelsleutels(
    @Ctx() ctx: Context,
    @Arg('module', () => String, { nullable: true }) module?: string,
    @JaarArg('jaar', { nullable: true }) jaar?: number,
  ): Promise<VerdeelsleutelType[]> {
    return zoekVerdeelsleutels(ctx.em, { module, jaar });
  }

  @Mutation(() => VerdeelsleutelType, { description: 'Legt de verdeelsleutel van een module voor een jaar vast of vervangt die (beheerder).' })
  async verdeelsleutelVastleggen(
    @Arg('invoer', () => VerdeelsleutelInvoer) invoer: VerdeelsleutelInvoer,
    @Ctx() ctx: Context,
  ): Promise<VerdeelsleutelType> {
    vereisRol(ctx.identity, [Rol.BEHEERDER], 'verdeelsleutels vastleggen');
    const sleutel = await verdeelsleutelVastleggen(ctx, invoer);
    return ctx.loaders.readAfterWrite(verdeelsleutelLezen, sleutel.id);
  }

  @FieldResolver(() => ModuleType)
  module(@Root() sleutel: VerdeelsleutelType, @Ctx() ctx: Context): ModuleType | Promise<ModuleType> {
    return ctx.loaders.readRef(moduleLezen, sleutel.moduleId);
  }

  @FieldResolver(() => [VerdeelsleutelEenheidType], { description: 'Eenheden per gemeente.' })
  eenheden(@Root() sleutel: VerdeelsleutelType, @Ctx() ctx: Context): Promise<VerdeelsleutelEenheidType[]> {
    return ctx.loaders.readManyBy(verdeelsleutelEenheidLezen, { relation: 'verdeelsleutel', key: 'verdeelsleutelId' }).load(sleutel.id);
  }
}

@Resolver(() => VerdeelsleutelEenheidType)
export class VerdeelsleutelEenheidResolver {
  @FieldResolver(() => GemeenteType)
  gemeente(@Root() eenheid: VerdeelsleutelEenheidType, @Ctx() ctx: Context): GemeenteType | Promise<GemeenteType> {
    return ctx.loaders.readRef(gemeenteLezen, eenheid.gemeenteId);
  }
}
