import { moduleLezen, ModuleType } from '../module/module.types.js';
import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { vereisRol } from '../auth/authenticate.js';
import { Rol } from '../auth/identity.js';
import type { Context } from '../context.js';
import { JaarArg } from '../core/jaar.js';
import { rapportageCompleetheid } from './compleetheid.service.js';
import { RapportageStand } from './compleetheid.types.js';
import { kwartaalrapportageLezen, KwartaalrapportageType } from './kwartaalrapportage.types.js';
import {
  kwartaalrapportageCorrigeren,
  kwartaalrapportageIndienen,
  kwartaalrapportageOpslaan,
  kwartaalrapportageTerugsturen,
  kwartaalrapportageGoedkeuren,
} from './rapportage-levenscyclus.service.js';
import { RapportageKwartaal, RapportageMetReden, RapportageOpslaanInvoer, RapportageSleutel } from './rapportage.inputs.js';
import { kwartaalrapportageSjabloon, kwartaalrapportageUploaden } from './rapportage-excel.service.js';
import { bytesUitBase64 } from '../core/spreadsheet-in.js';

/**
 * A mutation answers with the row its write returned, already as the read type (no statement more).
 * Rows read earlier in the request may be stale now, so the loaders forget them first (see afterWrite);
 * the written row itself is known.
 */
function geschreven(ctx: Context, rapportage: KwartaalrapportageType): KwartaalrapportageType {
  ctx.loaders.afterWrite();
  ctx.loaders.prime(kwartaalrapportageLezen, rapportage);
  return rapportage;
}

@Resolver(() => KwartaalrapportageType)
export class LevenscyclusResolver {
  @Mutation(() => KwartaalrapportageType, { description: 'Slaat (een deel van) de concept-rapportage op (modulemanager van de module).' })
  async kwartaalrapportageOpslaan(@Arg('invoer', () => RapportageOpslaanInvoer) invoer: RapportageOpslaanInvoer, @Ctx() ctx: Context): Promise<KwartaalrapportageType> {
    vereisRol(ctx.identity, [Rol.MODULEMANAGER], 'kwartaalrapportages opstellen');
    return geschreven(ctx, await kwartaalrapportageOpslaan(ctx, invoer));
  }

  @Mutation(() => KwartaalrapportageType, { description: 'Dient de rapportage in; alle problemen worden tegelijk gemeld (modulemanager).' })
  async kwartaalrapportageIndienen(@Arg('rapportage', () => RapportageSleutel) rapportage: RapportageSleutel, @Ctx() ctx: Context): Promise<KwartaalrapportageType> {
    vereisRol(ctx.identity, [Rol.MODULEMANAGER], 'kwartaalrapportages opstellen');
    return geschreven(ctx, await kwartaalrapportageIndienen(ctx, rapportage));
  }

  @Mutation(() => KwartaalrapportageType, { description: 'Keurt een ingediende rapportage goed (controller).' })
  async kwartaalrapportageGoedkeuren(@Arg('rapportage', () => RapportageSleutel) rapportage: RapportageSleutel, @Ctx() ctx: Context): Promise<KwartaalrapportageType> {
    vereisRol(ctx.identity, [Rol.CONTROLLER], 'kwartaalrapportages goedkeuren');
    return geschreven(ctx, await kwartaalrapportageGoedkeuren(ctx, rapportage));
  }

  @Mutation(() => KwartaalrapportageType, { description: 'Stuurt een ingediende rapportage terug met een reden (controller).' })
  async kwartaalrapportageTerugsturen(@Arg('rapportage', () => RapportageMetReden) rapportage: RapportageMetReden, @Ctx() ctx: Context): Promise<KwartaalrapportageType> {
    vereisRol(ctx.identity, [Rol.CONTROLLER], 'kwartaalrapportages terugsturen');
    return geschreven(ctx, await kwartaalrapportageTerugsturen(ctx, rapportage));
  }

  @Mutation(() => KwartaalrapportageType, {
    description: 'Begint een correctie op een goedgekeurde rapportage: een nieuwe versie met reden; de goedgekeurde blijft bestaan (modulemanager).',
  })
  async kwartaalrapportageCorrigeren(@Arg('rapportage', () => RapportageMetReden) rapportage: RapportageMetReden, @Ctx() ctx: Context): Promise<KwartaalrapportageType> {
    vereisRol(ctx.identity, [Rol.MODULEMANAGER], 'kwartaalrapportages opstellen');
    return geschreven(ctx, await kwartaalrapportageCorrigeren(ctx, rapportage));
  }

  @Query(() => String, {
    description:
      'Het Excel-sjabloon (xlsx, base64) van de rapportage van een module over een kwartaal: waarden om in te vullen, met het vorige kwartaal, de norm en de grenzen; ook als GET /import/kwartaalrapportage/sjabloon.xlsx (modulemanager).',
  })
  async kwartaalrapportageSjabloon(@Arg('rapportage', () => RapportageKwartaal) rapportage: RapportageKwartaal, @Ctx() ctx: Context): Promise<string> {
    vereisRol(ctx.identity, [Rol.MODULEMANAGER], 'kwartaalrapportages opstellen');
    return (await kwartaalrapportageSjabloon(ctx, rapportage)).toString('base64');
  }

  @Mutation(() => KwartaalrapportageType, {
    description:
      'Slaat een ingevuld Excel-sjabloon (xlsx, base64) op als concept, zoals kwartaalrapportageOpslaan; problemen in extensions.problemen met blad, rij en kolom. Met verwacht moet het bestand over die module en dat kwartaal gaan (modulemanager).',
  })
  async kwartaalrapportageUploaden(
    @Arg('bestand', () => String, { description: 'De xlsx-bytes als base64.' }) bestand: string,
    @Arg('verwacht', () => RapportageKwartaal, { nullable: true }) verwacht: RapportageKwartaal | undefined,
    @Ctx() ctx: Context,
  ): Promise<KwartaalrapportageType> {
    vereisRol(ctx.identity, [Rol.MODULEMANAGER], 'kwartaalrapportages opstellen');
    return geschreven(ctx, await kwartaalrapportageUploaden(ctx, bytesUitBase64(bestand), verwacht ?? undefined));
  }

  @Query(() => [RapportageStand], { description: 'Per module en kwartaal: status, deadline en of de rapportage te laat is.' })
  rapportageCompleetheid(@JaarArg('jaar') jaar: number, @Ctx() ctx: Context): Promise<RapportageStand[]> {
    return rapportageCompleetheid(ctx, jaar);
  }
}

@Resolver(() => RapportageStand)
export class RapportageStandResolver {
  @FieldResolver(() => ModuleType)
  module(@Root() stand: RapportageStand, @Ctx() ctx: Context): ModuleType | Promise<ModuleType> {
    return ctx.loaders.readRef(moduleLezen, stand.moduleId);
  }
}
