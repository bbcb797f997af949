import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { vereisRol } from '../auth/authenticate.js';
import { Rol } from '../auth/identity.js';
import type { Context } from '../context.js';
import { JaarArg } from '../core/jaar.js';
import { BegrotingSoort } from './begroting.entity.js';
import { BegrotingInvoer } from './begroting.inputs.js';
import { begrotingVastleggen, zoekBegrotingen } from './begroting.service.js';
import { begrotingLezen, BegrotingRamingType, begrotingRamingLezen, BegrotingType } from './begroting.types.js';
import { moduleLezen, ModuleType } from '../module/module.types.js';
import { bytesUitBase64 } from '../core/spreadsheet-in.js';
import { TextArg } from '../core/spreadsheet-text.js';
import { begrotingenImporteren, begrotingenSjabloon } from './begrotingen-import.service.js';
import { BegrotingenImportType } from './begrotingen-import.types.js';

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

  @Query(() => String, {
    description:
      'Het Excel-sjabloon (xlsx, base64) met de begrotingsversies van een jaar, om versies aan toe te voegen en te importeren met begrotingenImporteren; ook als GET /import/begrotingen/sjabloon.xlsx?jaar= (beheerder).',
  })
  async begrotingenSjabloon(@JaarArg('jaar') jaar: number, @Ctx() ctx: Context): Promise<string> {
    vereisRol(ctx.identity, [Rol.BEHEERDER], 'begrotingen importeren');
    return (await begrotingenSjabloon(ctx, jaar)).toString('base64');
  }

  @Mutation(() => BegrotingenImportType, {
    description:
      'Leest begrotingsversies uit een spreadsheet (xlsx of CSV met ;, base64) met de kolommen Module, Jaar, Soort, Volgnummer (optioneel), Lasten, Baten, Vastgesteld op en Omschrijving, ' +
      'met dezelfde regels als begrotingVastleggen. Een versie die de hub al precies zo heeft, blijft ongemoeid. Met proefdraai: alles controleren en tonen, niets opslaan. ' +
      'Anders alles in één transactie, of niets als een regel een probleem heeft (extensions.problemen met blad, rij en kolom). Beheerder.',
  })
  async begrotingenImporteren(
    @Arg('bestand', () => String, { description: 'De bytes van het bestand (xlsx of CSV) als base64.' }) bestand: string,
    @TextArg('bestandsnaam', 'Bestandsnaam', 'name', { nullable: true, description: 'Naam van het bestand; noemt het blad bij problemen in een CSV-bestand.' })
    bestandsnaam: string | undefined,
    @Arg('proefdraai', () => Boolean, { nullable: true, defaultValue: false, description: 'Waar: alles controleren en tonen wat er zou veranderen, niets opslaan.' }) proefdraai: boolean | null,
    @Ctx() ctx: Context,
  ): Promise<BegrotingenImportType> {
    vereisRol(ctx.identity, [Rol.BEHEERDER], 'begrotingen importeren');
    const uitkomst = await begrotingenImporteren(ctx, bytesUitBase64(bestand), bestandsnaam ?? null, proefdraai ?? false);
    ctx.loaders.afterWrite();
    return uitkomst;
  }

  @FieldResolver(() => [BegrotingRamingType], { description: 'De meerjarenraming die deze versie draagt: de jaren t+1 … t+3 (leeg als er geen is).' })
  meerjarenraming(@Root() begroting: BegrotingType, @Ctx() ctx: Context): Promise<BegrotingRamingType[]> {
    return ctx.loaders.readManyBy(begrotingRamingLezen, { relation: 'begroting', key: 'begrotingId' }, {}, { jaar: 'asc' }).load(begroting.id);
  }

  @FieldResolver(() => ModuleType)
  module(@Root() begroting: BegrotingType, @Ctx() ctx: Context): ModuleType | Promise<ModuleType> {
    return ctx.loaders.readRef(moduleLezen, begroting.moduleId);
  }
}
