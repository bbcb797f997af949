import { moduleLezen, ModuleType } from '../module/module.types.js';
import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { vereisRol } from '../auth/authenticate.js';
import { Rol } from '../auth/identity.js';
import type { Context } from '../context.js';
import { JaarArg } from '../core/jaar.js';
import { rapportageCompleetheid } from './compleetheid.service.js';
import { RapportageStand } from './compleetheid.types.js';
import { Kwartaalrapportage } from './kwartaalrapportage.entity.js';
import {
  kwartaalrapportageCorrigeren,
  kwartaalrapportageIndienen,
  kwartaalrapportageOpslaan,
  kwartaalrapportageTerugsturen,
  kwartaalrapportageGoedkeuren,
} from './rapportage-levenscyclus.service.js';
import { RapportageMetReden, RapportageOpslaanInvoer, RapportageSleutel } from './rapportage.inputs.js';

@Resolver(() => Kwartaalrapportage)
export class LevenscyclusResolver {
  @Mutation(() => Kwartaalrapportage, { description: 'Slaat (een deel van) de concept-rapportage op (modulemanager van de module).' })
  kwartaalrapportageOpslaan(@Arg('invoer', () => RapportageOpslaanInvoer) invoer: RapportageOpslaanInvoer, @Ctx() ctx: Context) {
    vereisRol(ctx.identity, [Rol.MODULEMANAGER], 'kwartaalrapportages opstellen');
    return kwartaalrapportageOpslaan(ctx, invoer);
  }

  @Mutation(() => Kwartaalrapportage, { description: 'Dient de rapportage in; alle problemen worden tegelijk gemeld (modulemanager).' })
  kwartaalrapportageIndienen(@Arg('rapportage', () => RapportageSleutel) rapportage: RapportageSleutel, @Ctx() ctx: Context) {
    vereisRol(ctx.identity, [Rol.MODULEMANAGER], 'kwartaalrapportages opstellen');
    return kwartaalrapportageIndienen(ctx, rapportage);
  }

  @Mutation(() => Kwartaalrapportage, { description: 'Keurt een ingediende rapportage goed (controller).' })
  kwartaalrapportageGoedkeuren(@Arg('rapportage', () => RapportageSleutel) rapportage: RapportageSleutel, @Ctx() ctx: Context) {
    vereisRol(ctx.identity, [Rol.CONTROLLER], 'kwartaalrapportages goedkeuren');
    return kwartaalrapportageGoedkeuren(ctx, rapportage);
  }

  @Mutation(() => Kwartaalrapportage, { description: 'Stuurt een ingediende rapportage terug met een reden (controller).' })
  kwartaalrapportageTerugsturen(@Arg('rapportage', () => RapportageMetReden) rapportage: RapportageMetReden, @Ctx() ctx: Context) {
    vereisRol(ctx.identity, [Rol.CONTROLLER], 'kwartaalrapportages terugsturen');
    return kwartaalrapportageTerugsturen(ctx, rapportage);
  }

  @Mutation(() => Kwartaalrapportage, {
    description: 'Begint een correctie op een goedgekeurde rapportage: een nieuwe versie met reden; de goedgekeurde blijft bestaan (modulemanager).',
  })
  kwartaalrapportageCorrigeren(@Arg('rapportage', () => RapportageMetReden) rapportage: RapportageMetReden, @Ctx() ctx: Context) {
    vereisRol(ctx.identity, [Rol.MODULEMANAGER], 'kwartaalrapportages opstellen');
    return kwartaalrapportageCorrigeren(ctx, rapportage);
  }

  @Query(() => [RapportageStand], { description: 'Per module en kwartaal: status, deadline en of de rapportage te laat is.' })
  rapportageCompleetheid(@JaarArg('jaar') jaar: number, @Ctx() ctx: Context): Promise<RapportageStand[]> {
    return rapportageCompleetheid(ctx, jaar);
  }
}

@Resolver(() => RapportageStand)
export class RapportageStandResolver {
  @FieldResolver(() => ModuleType)
  module(@Root() stand: RapportageStand, @Ctx() ctx: Context): Promise<ModuleType> {
    return ctx.loaders.readRef(moduleLezen, stand.moduleId);
  }
}
