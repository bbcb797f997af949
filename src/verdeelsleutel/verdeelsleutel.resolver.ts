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
import { bytesUitBase64 } from '../core/spreadsheet-in.js';
import { TextArg } from '../core/spreadsheet-text.js';
import { verdeelsleutelsImporteren, verdeelsleutelsSjabloon } from './verdeelsleutels-import.service.js';
import { VerdeelsleutelsImportType } from './verdeelsleutels-import.types.js';

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

  @Query(() => String, {
    description:
      'Het Excel-sjabloon (xlsx, base64) met de verdeelsleutels van een jaar per module en deelnemende gemeente (of de grondslag van vorig jaar en lege eenheden), ' +
      'om in te vullen en te importeren met verdeelsleutelsImporteren; ook als GET /import/verdeelsleutels/sjabloon.xlsx?jaar= (beheerder).',
  })
  async verdeelsleutelsSjabloon(@JaarArg('jaar') jaar: number, @Ctx() ctx: Context): Promise<string> {
    vereisRol(ctx.identity, [Rol.BEHEERDER], 'verdeelsleutels importeren');
    return (await verdeelsleutelsSjabloon(ctx, jaar)).toString('base64');
  }

  @Mutation(() => VerdeelsleutelsImportType, {
    description:
      'Leest verdeelsleutels uit een spreadsheet (xlsx of CSV met ;, base64): per rij Module, Jaar, Grondslag, Omschrijving, CBS-code (of Gemeente), Eenheden en Bron; ' +
      'de rijen van één module en jaar vormen één sleutel, met dezelfde regels als verdeelsleutelVastleggen. Een gelijke sleutel blijft ongemoeid, een andere vervangt de oude. ' +
      'Met proefdraai: alles controleren en tonen, niets opslaan. Anders alles in één transactie, of niets als een regel een probleem heeft (extensions.problemen). Beheerder.',
  })
  async verdeelsleutelsImporteren(
    @Arg('bestand', () => String, { description: 'De bytes van het bestand (xlsx of CSV) als base64.' }) bestand: string,
    @TextArg('bestandsnaam', 'Bestandsnaam', 'name', { nullable: true, description: 'Naam van het bestand; noemt het blad bij problemen in een CSV-bestand.' })
    bestandsnaam: string | undefined,
    @Arg('proefdraai', () => Boolean, { nullable: true, defaultValue: false, description: 'Waar: alles controleren en tonen wat er zou veranderen, niets opslaan.' }) proefdraai: boolean | null,
    @Ctx() ctx: Context,
  ): Promise<VerdeelsleutelsImportType> {
    vereisRol(ctx.identity, [Rol.BEHEERDER], 'verdeelsleutels importeren');
    const uitkomst = await verdeelsleutelsImporteren(ctx, bytesUitBase64(bestand), bestandsnaam ?? null, proefdraai ?? false);
    ctx.loaders.afterWrite();
    return uitkomst;
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
