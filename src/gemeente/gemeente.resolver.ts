import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { vereisRol } from '../auth/authenticate.js';
import { Rol } from '../auth/identity.js';
import { JaarArg } from '../core/jaar.js';
import { CbsCodeScalar } from '../core/scalars.js';
import { bytesUitBase64 } from '../core/spreadsheet-in.js';
import { TextArg } from '../core/spreadsheet-text.js';
import type { Context } from '../context.js';
import { GemeenteInvoer, InwonertalInvoer } from './gemeente.inputs.js';
import { GemeenteWhere } from './gemeente.where.js';
import { alleGemeenten, gemeenteToevoegen, inwonersIn, inwonertalVastleggen, leesGemeente } from './gemeente.service.js';
import { gemeenteLezen, GemeenteType } from './gemeente.types.js';
import { inwonertalLezen, InwonertalType } from './inwonertal.types.js';
import { inwonersImporteren } from './inwoners-import.service.js';
import { InwonersImportType } from './inwoners-import.types.js';

@Resolver(() => GemeenteType)
export class GemeenteResolver {
  @Query(() => [GemeenteType], { description: 'De deelnemende gemeenten, op naam; eventueel gefilterd.' })
  gemeenten(@Ctx() ctx: Context, @Arg('where', () => GemeenteWhere, { nullable: true }) where?: GemeenteWhere): Promise<GemeenteType[]> {
    return alleGemeenten(ctx.em, where);
  }

  @Query(() => GemeenteType, { description: 'Eén gemeente op CBS-code, bijvoorbeeld GM0202.' })
  gemeente(@Arg('cbsCode', () => CbsCodeScalar) cbsCode: string, @Ctx() ctx: Context): Promise<GemeenteType> {
    return leesGemeente(ctx.em, cbsCode);
  }

  @Mutation(() => GemeenteType, { description: 'Voegt een deelnemende gemeente toe (beheerder).' })
  async gemeenteToevoegen(@Arg('invoer', () => GemeenteInvoer) invoer: GemeenteInvoer, @Ctx() ctx: Context): Promise<GemeenteType> {
    vereisRol(ctx.identity, [Rol.BEHEERDER], 'gemeenten toevoegen');
    const gemeente = await gemeenteToevoegen(ctx, invoer);
    return ctx.loaders.readAfterWrite(gemeenteLezen, gemeente.id);
  }

  @Mutation(() => InwonertalType, { description: 'Legt het inwonertal van een gemeente voor een jaar vast of corrigeert het (beheerder).' })
  async inwonertalVastleggen(@Arg('invoer', () => InwonertalInvoer) invoer: InwonertalInvoer, @Ctx() ctx: Context): Promise<InwonertalType> {
    vereisRol(ctx.identity, [Rol.BEHEERDER], 'inwonertallen vastleggen');
    const tal = await inwonertalVastleggen(ctx, invoer);
    return ctx.loaders.readAfterWrite(inwonertalLezen, tal.id);
  }

  @Mutation(() => InwonersImportType, {
    description:
      'Leest inwonertallen uit een CBS StatLine-bestand (xlsx of CSV met ;, base64) met de kolommen Regio\'s, Perioden en Bevolking op 1 januari (aantal). ' +
      'Met proefdraai: alleen controleren en tonen wat er zou veranderen. Anders alles in één transactie, of niets als een regel een probleem heeft ' +
      '(extensions.problemen met blad, rij en kolom). Beheerder.',
  })
  async inwonersImporteren(
    @Arg('bestand', () => String, { description: 'De bytes van het bestand (xlsx of CSV) als base64.' }) bestand: string,
    @TextArg('bestandsnaam', 'Bestandsnaam', 'name', { nullable: true, description: 'Naam van het bestand, bijvoorbeeld 70072ned.csv; noemt het blad bij problemen in een CSV-bestand.' })
    bestandsnaam: string | undefined,
    @Arg('proefdraai', () => Boolean, { nullable: true, defaultValue: false, description: 'Waar: niets opslaan, alleen tonen wat er zou veranderen.' }) proefdraai: boolean | null,
    @Ctx() ctx: Context,
  ): Promise<InwonersImportType> {
    vereisRol(ctx.identity, [Rol.BEHEERDER], 'inwonertallen importeren');
    return inwonersImporteren(ctx, bytesUitBase64(bestand), bestandsnaam ?? null, proefdraai ?? false);
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Inwoners op 1 januari van het jaar; zonder jaar: het laatst bekende jaar.' })
  async inwoners(@Root() gemeente: GemeenteType, @Ctx() ctx: Context, @JaarArg('jaar', { nullable: true }) jaar?: number) {
    return inwonersIn(await this.tallen(gemeente, ctx), jaar);
  }

  @FieldResolver(() => [InwonertalType], { description: 'Inwonertallen per jaar.' })
  inwonertallen(@Root() gemeente: GemeenteType, @Ctx() ctx: Context): Promise<InwonertalType[]> {
    return this.tallen(gemeente, ctx);
  }

  private tallen(gemeente: GemeenteType, ctx: Context): Promise<InwonertalType[]> {
    return ctx.loaders.readManyBy(inwonertalLezen, { relation: 'gemeente', key: 'gemeenteId' }, {}, { jaar: 'asc' }).load(gemeente.id);
  }
}
