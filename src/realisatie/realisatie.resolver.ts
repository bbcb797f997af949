import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { vereisRol } from '../auth/authenticate.js';
import { Rol } from '../auth/identity.js';
import type { Context } from '../context.js';
import { ErrorCode, hubError } from '../core/errors.js';
import { JaarArg } from '../core/jaar.js';
import { moduleLezen, ModuleType } from '../module/module.types.js';
import { bytesUitBase64 } from '../core/spreadsheet-in.js';
import { TextArg } from '../core/spreadsheet-text.js';
import { realisatieImporteren, realisatieSjabloon } from './realisatie-import.service.js';
import { RealisatieImportType } from './realisatie-import.types.js';
import { RealisatieInvoer } from './realisatie.inputs.js';
import { bestuursrapportage, iv3Aanlevering, realisatieVastleggen, zoekRealisatie } from './realisatie.service.js';
import { BestuursrapportageRegelType, Iv3AanleveringType, RealisatieRegelType, RealisatieVastgelegdType } from './realisatie.types.js';

function kwartaalOfNull(kwartaal: number | null | undefined): number | null {
  if (kwartaal === null || kwartaal === undefined) return null;
  if (![1, 2, 3, 4].includes(kwartaal)) throw hubError(ErrorCode.BAD_USER_INPUT, `Kwartaal moet 1, 2, 3 of 4 zijn (nu: ${kwartaal}).`, { velden: ['kwartaal'] });
  return kwartaal;
}

const KWARTAAL_ARG = { nullable: true, description: 'Alleen dit kwartaal (1–4); leeg = het hele jaar.' } as const;

@Resolver(() => RealisatieRegelType)
export class RealisatieResolver {
  @Query(() => [RealisatieRegelType], {
    description: 'Gerealiseerde lasten en baten per module, kwartaal en Iv3-cel (taakveld × economische categorie); bedragen per kwartaal, niet cumulatief.',
  })
  realisatie(
    @Ctx() ctx: Context,
    @JaarArg('jaar') jaar: number,
    @Arg('module', () => String, { nullable: true, description: 'Modulecode; leeg = alle modules.' }) module?: string,
    @Arg('kwartaal', () => Int, KWARTAAL_ARG) kwartaal?: number,
  ): Promise<RealisatieRegelType[]> {
    return zoekRealisatie(ctx.em, { jaar, module, kwartaal: kwartaalOfNull(kwartaal) });
  }

  @Mutation(() => RealisatieVastgelegdType, {
    description:
      'Legt de realisatie van een module over een kwartaal vast en vervangt alle regels en de prognose van dat kwartaal, in één transactie met audit ' +
      '(beheerder, of de modulemanager van de module). Weigert een afgesloten jaar, een kwartaal dat nog niet begonnen is, een taakveld of categorie buiten de lijsten van het jaar, ' +
      'een verboden combinatie (grijze cel) en negatieve bedragen; alle problemen staan in extensions.problemen.',
  })
  async realisatieVastleggen(@Arg('invoer', () => RealisatieInvoer) invoer: RealisatieInvoer, @Ctx() ctx: Context): Promise<RealisatieVastgelegdType> {
    vereisRol(ctx.identity, [Rol.BEHEERDER, Rol.MODULEMANAGER], 'de realisatie vastleggen');
    await realisatieVastleggen(ctx, invoer);
    ctx.loaders.afterWrite();
    const sleutel = { jaar: invoer.jaar, module: invoer.module };
    const [regels, rapportage] = await Promise.all([
      zoekRealisatie(ctx.em, { ...sleutel, kwartaal: invoer.kwartaal }),
      bestuursrapportage(ctx.em, { ...sleutel, totKwartaal: invoer.kwartaal }),
    ]);
    return Object.assign(new RealisatieVastgelegdType(), { regels, bestuursrapportage: rapportage.find((r) => r.kwartaal === invoer.kwartaal) ?? null });
  }

  @Query(() => String, {
    description:
      'Het Excel-sjabloon (xlsx, base64) voor de realisatie van een module in een kwartaal, met de bedragen die de hub al heeft, het vorige kwartaal ter vergelijking en de prognose; ' +
      'in te vullen en te importeren met realisatieImporteren; ook als GET /import/realisatie/sjabloon.xlsx?module=&jaar=&kwartaal= (beheerder, of de modulemanager van de module).',
  })
  async realisatieSjabloon(
    @Arg('module', () => String, { description: 'Modulecode.' }) module: string,
    @JaarArg('jaar') jaar: number,
    @Arg('kwartaal', () => Int) kwartaal: number,
    @Ctx() ctx: Context,
  ): Promise<string> {
    vereisRol(ctx.identity, [Rol.BEHEERDER, Rol.MODULEMANAGER], 'de realisatie vastleggen');
    return (await realisatieSjabloon(ctx, module, jaar, kwartaalOfNull(kwartaal)!)).toString('base64');
  }

  @Mutation(() => RealisatieImportType, {
    description:
      'Leest de kwartaalrealisatie uit een spreadsheet (xlsx of CSV met ;, base64): blad Realisatie met de kolommen Module, Jaar, Kwartaal, Taakveld, Categorie, Kant en Bedrag, ' +
      'en (alleen xlsx, optioneel) blad Prognose met Module, Jaar, Kwartaal, Lasten, Baten en Toelichting. Elk kwartaal in het bestand gaat door dezelfde regels als realisatieVastleggen en wordt als geheel vervangen; ' +
      'een kwartaal dat de hub al precies zo heeft blijft ongemoeid. Met proefdraai: alles controleren en tonen, niets opslaan. Anders alles in één transactie, of niets als er een probleem is ' +
      '(extensions.problemen met blad, rij en kolom). Beheerder, of een modulemanager voor de eigen modules.',
  })
  async realisatieImporteren(
    @Arg('bestand', () => String, { description: 'De bytes van het bestand (xlsx of CSV) als base64.' }) bestand: string,
    @TextArg('bestandsnaam', 'Bestandsnaam', 'name', { nullable: true, description: 'Naam van het bestand; noemt het blad bij problemen in een CSV-bestand.' })
    bestandsnaam: string | undefined,
    @Arg('proefdraai', () => Boolean, { nullable: true, defaultValue: false, description: 'Waar: alles controleren en tonen wat er zou veranderen, niets opslaan.' }) proefdraai: boolean | null,
    @Ctx() ctx: Context,
  ): Promise<RealisatieImportType> {
    vereisRol(ctx.identity, [Rol.BEHEERDER, Rol.MODULEMANAGER], 'de realisatie vastleggen');
    const uitkomst = await realisatieImporteren(ctx, bytesUitBase64(bestand), bestandsnaam ?? null, proefdraai ?? false);
    ctx.loaders.afterWrite();
    return uitkomst;
  }

  @Query(() => [BestuursrapportageRegelType], {
    description:
      'De bestuursrapportage van een jaar: per module en kwartaal met cijfers de begroting na wijziging, de prognose voor het jaar en de realisatie (het kwartaal en tot nu).',
  })
  bestuursrapportage(
    @Ctx() ctx: Context,
    @JaarArg('jaar') jaar: number,
    @Arg('module', () => String, { nullable: true, description: 'Modulecode; leeg = alle modules.' }) module?: string,
  ): Promise<BestuursrapportageRegelType[]> {
    return bestuursrapportage(ctx.em, { jaar, module });
  }

  @Query(() => Iv3AanleveringType, {
    description:
      'De Iv3-verdelingsmatrix voor CBS uit de realisatie: tot en met een kwartaal (periode 1–4, cumulatief vanaf 1 januari, zoals CBS kwartaalcijfers vraagt) of het jaar (periode 5); ' +
      'ook als GET /export/iv3.json (iv3-JSON, schema 2.1), ' +
      '/export/iv3.csv en /export/iv3.xlsx (beheerder, controller).',
  })
  iv3Aanlevering(@Ctx() ctx: Context, @JaarArg('jaar') jaar: number, @Arg('kwartaal', () => Int, KWARTAAL_ARG) kwartaal?: number): Promise<Iv3AanleveringType> {
    vereisRol(ctx.identity, [Rol.BEHEERDER, Rol.CONTROLLER], 'de Iv3-aanlevering opvragen');
    return iv3Aanlevering(ctx.em, jaar, kwartaalOfNull(kwartaal));
  }

  @FieldResolver(() => ModuleType)
  module(@Root() regel: RealisatieRegelType, @Ctx() ctx: Context): ModuleType | Promise<ModuleType> {
    return ctx.loaders.readRef(moduleLezen, regel.moduleId);
  }
}

@Resolver(() => BestuursrapportageRegelType)
export class BestuursrapportageResolver {
  @FieldResolver(() => ModuleType)
  module(@Root() regel: BestuursrapportageRegelType, @Ctx() ctx: Context): ModuleType | Promise<ModuleType> {
    return ctx.loaders.readRef(moduleLezen, regel.moduleId);
  }
}
