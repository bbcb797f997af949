import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { vereisRol } from '../auth/authenticate.js';
import { Rol } from '../auth/identity.js';
import type { Context } from '../context.js';
import { JaarArg } from '../core/jaar.js';
import { VerdeelsleutelEenheid } from './verdeelsleutel-eenheid.entity.js';
import { Verdeelsleutel } from './verdeelsleutel.entity.js';
import { VerdeelsleutelInvoer } from './verdeelsleutel.inputs.js';
import { verdeelsleutelVastleggen, zoekVerdeelsleutels } from './verdeelsleutel.service.js';
import { gemeenteLezen, GemeenteType } from '../gemeente/gemeente.types.js';
import { moduleLezen, ModuleType } from '../module/module.types.js';

@Resolver(() => Verdeelsleutel)
export class VerdeelsleutelResolver {
  @Query(() => [Verdeelsleutel], { description: 'Verdeelsleutels, te filteren op module en jaar.' })
  verdeelsleutels(
    @Ctx() ctx: Context,
    @Arg('module', () => String, { nullable: true }) module?: string,
    @JaarArg('jaar', { nullable: true }) jaar?: number,
  ): Promise<Verdeelsleutel[]> {
    return zoekVerdeelsleutels(ctx.em, { module, jaar });
  }

  @Mutation(() => Verdeelsleutel, { description: 'Legt de verdeelsleutel van een module voor een jaar vast of vervangt die (beheerder).' })
  verdeelsleutelVastleggen(@Arg('invoer', () => VerdeelsleutelInvoer) invoer: VerdeelsleutelInvoer, @Ctx() ctx: Context): Promise<Verdeelsleutel> {
    vereisRol(ctx.identity, [Rol.BEHEERDER], 'verdeelsleutels vastleggen');
    return verdeelsleutelVastleggen(ctx, invoer);
  }

  @FieldResolver(() => ModuleType)
  module(@Root() sleutel: Verdeelsleutel, @Ctx() ctx: Context): Promise<ModuleType> {
    return ctx.loaders.readRef(moduleLezen, sleutel.module.id);
  }

  @FieldResolver(() => [VerdeelsleutelEenheid], { description: 'Eenheden per gemeente.' })
  eenheden(@Root() sleutel: Verdeelsleutel, @Ctx() ctx: Context): Promise<VerdeelsleutelEenheid[]> {
    return ctx.loaders.manyBy(VerdeelsleutelEenheid, 'verdeelsleutel').load(sleutel.id);
  }
}

@Resolver(() => VerdeelsleutelEenheid)
export class VerdeelsleutelEenheidResolver {
  @FieldResolver(() => GemeenteType)
  gemeente(@Root() eenheid: VerdeelsleutelEenheid, @Ctx() ctx: Context): Promise<GemeenteType> {
    return ctx.loaders.readRef(gemeenteLezen, eenheid.gemeente.id);
  }
}
