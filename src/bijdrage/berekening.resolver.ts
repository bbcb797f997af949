import { Arg, Ctx, Field, FieldResolver, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { vereisRol } from '../auth/authenticate.js';
import { Rol } from '../auth/identity.js';
import { BegrotingSoort } from '../begroting/begroting.entity.js';
import { begrotingLezen, BegrotingType } from '../begroting/begroting.types.js';
import { JaarrekeningInvoer } from '../begroting/begroting.inputs.js';
import { JaarArg } from '../core/jaar.js';
import { jaarafsluitingLezen, JaarafsluitingType } from '../jaarafsluiting/jaarafsluiting.types.js';
import { jaarAfsluiten, jaarrekeningVastleggen } from './jaarrekening.service.js';
import type { Context } from '../context.js';
import { Decimal } from '../core/decimal.js';
import { BedragScalar, DecimaalScalar } from '../core/scalars.js';
import { moduleMetCode } from '../module/module.service.js';
import { Grondslag } from '../verdeelsleutel/verdeelsleutel.entity.js';
import { verdeelsleutelLezen, VerdeelsleutelType } from '../verdeelsleutel/verdeelsleutel.types.js';
import { voorschotten } from './afrekening.service.js';
import { AfrekeningRegel, VoorschotGemeente, Voorschottenschema } from './afrekening.types.js';
import { bijdragenBerekenen } from './bijdrage-berekening.service.js';
import { bijdrageLezen, BijdrageType } from './bijdrage.types.js';
import type { BerekeningUitkomst } from './bijdrage-berekening.service.js';
import { dagenInJaar } from './verdeling.service.js';
import { gemeenteLezen, GemeenteType } from '../gemeente/gemeente.types.js';

@ObjectType({ simpleResolvers: true, description: 'Hoe een bijdrage is berekend: netto lasten × aandeel, met aandeel = gewicht / som van de gewichten.' })
export class Berekening {
  @Field(() => Grondslag)
  grondslag!: Grondslag;

  @Field(() => DecimaalScalar, { description: 'Eenheden van de gemeente (1 bij gelijke delen).' })
  eenheden!: Decimal;

  @Field(() => Int)
  deelnameDagen!: number;

  @Field(() => Int)
  dagenInJaar!: number;

  @Field(() => DecimaalScalar, { description: 'Aandeel in de netto lasten (10 decimalen).' })
  aandeel!: Decimal;

  @Field(() => BedragScalar, { description: 'Netto lasten van de begrotingsversie die is verdeeld.' })
  nettoLasten!: Decimal;

  @Field(() => DecimaalScalar, { description: 'Netto lasten × aandeel vóór afronding; de bijdrage ligt binnen één cent hiervan.' })
  exactBedrag!: Decimal;

  @Field(() => BegrotingType)
  begroting!: BegrotingType;

  @Field(() => VerdeelsleutelType)
  verdeelsleutel!: VerdeelsleutelType;
}

@ObjectType({ simpleResolvers: true, description: 'Uitkomst van bijdragenBerekenen.' })
class BerekeningResultaat {
  @Field(() => BegrotingType)
  begroting!: BegrotingType;

  @Field(() => [BijdrageType])
  bijdragen!: BijdrageType[];

  @Field(() => Boolean, { description: 'Onwaar als dezelfde invoer al precies deze bijdragen had opgeleverd.' })
  gewijzigd!: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'Uitkomst van jaarrekeningVastleggen: de jaarrekening, de gerealiseerde bijdragen en de afsluiting van het jaar.' })
class JaarrekeningResultaat extends BerekeningResultaat {
  @Field(() => JaarafsluitingType)
  afsluiting!: JaarafsluitingType;
}

@Resolver(() => BijdrageType)
export class BerekeningResolver {
  @Mutation(() => BerekeningResultaat, {
    description:
      'Verdeelt de netto lasten (lasten − baten) van een begrotingsversie over de deelnemende gemeenten volgens de verdeelsleutel van dat jaar, ' +
      'pro rata per deelnamedag en exact tot op de cent (controller en beheerder).',
  })
  async bijdragenBerekenen(
    @Ctx() ctx: Context,
    @Arg('module', () => String) module: string,
    @JaarArg('jaar') jaar: number,
    @Arg('soort', () => BegrotingSoort) soort: BegrotingSoort,
    @Arg('volgnummer', () => Int, { defaultValue: 0, description: '1, 2, … voor een wijziging.' }) volgnummer: number,
  ): Promise<BerekeningResultaat> {
    vereisRol(ctx.identity, [Rol.BEHEERDER, Rol.CONTROLLER], 'bijdragen berekenen');
    return alsGelezen(ctx, await bijdragenBerekenen(ctx, { module, jaar, soort, volgnummer }));
  }

  @Mutation(() => JaarrekeningResultaat, {
    description:
      'Legt de jaarrekening van een module vast (beheerder): de gerealiseerde lasten en baten, de gerealiseerde bijdragen ' +
      'volgens de verdeelsleutel van dat jaar, en de afsluiting van het jaar, in één transactie. Daarna verandert er niets ' +
      'meer aan dat jaar (JAAR_AFGESLOTEN) tot een beheerder het heropent.',
  })
  async jaarrekeningVastleggen(@Arg('invoer', () => JaarrekeningInvoer) invoer: JaarrekeningInvoer, @Ctx() ctx: Context): Promise<JaarrekeningResultaat> {
    vereisRol(ctx.identity, [Rol.BEHEERDER], 'de jaarrekening vastleggen');
    const uitkomst = await jaarrekeningVastleggen(ctx, invoer);
    // alsGelezen empties the caches before either read starts.
    const [gelezen, afsluiting] = await Promise.all([alsGelezen(ctx, uitkomst), ctx.loaders.readRef(jaarafsluitingLezen, uitkomst.afsluiting.id)]);
    return { ...gelezen, afsluiting };
  }

  @Mutation(() => JaarafsluitingType, { description: 'Sluit een heropend jaar weer af (beheerder), als de gerealiseerde bijdragen er zijn.' })
  async jaarAfsluiten(@Ctx() ctx: Context, @Arg('module', () => String) module: string, @JaarArg('jaar') jaar: number): Promise<JaarafsluitingType> {
    vereisRol(ctx.identity, [Rol.BEHEERDER], 'een jaar afsluiten');
    const afsluiting = await jaarAfsluiten(ctx, module, jaar);
    return ctx.loaders.readAfterWrite(jaarafsluitingLezen, afsluiting.id);
  }

  // The query afrekening lives in resultaat/: it follows the AB's resultaatbestemming when there is one.

  @Query(() => Voorschottenschema, { description: 'Voorschotten per gemeente per maand (WgSW) of kwartaal, samen exact de jaarbijdrage.' })
  async voorschotten(@Ctx() ctx: Context, @Arg('module', () => String) module: string, @JaarArg('jaar') jaar: number): Promise<Voorschottenschema> {
    return voorschotten(ctx.em, await moduleMetCode(ctx.em, module), jaar);
  }

  @FieldResolver(() => Berekening, { nullable: true, description: 'De berekening achter het bedrag; leeg als het niet is berekend.' })
  async berekening(@Root() bijdrage: BijdrageType, @Ctx() ctx: Context): Promise<Berekening | null> {
    if (bijdrage.verdeelsleutelId === null || bijdrage.aandeel === null || bijdrage.eenheden === null) return null;
    const [begroting, verdeelsleutel] = await Promise.all([
      ctx.loaders.readRef(begrotingLezen, bijdrage.begrotingId),
      ctx.loaders.readRef(verdeelsleutelLezen, bijdrage.verdeelsleutelId),
    ]);
    const aandeel = new Decimal(bijdrage.aandeel);
    const nettoLasten = new Decimal(begroting.nettoLasten);
    return {
      grondslag: verdeelsleutel.grondslag,
      eenheden: new Decimal(bijdrage.eenheden),
      deelnameDagen: bijdrage.deelnameDagen ?? dagenInJaar(bijdrage.jaar),
      dagenInJaar: dagenInJaar(bijdrage.jaar),
      aandeel,
      nettoLasten,
      exactBedrag: nettoLasten.times(aandeel).toDecimalPlaces(4),
      begroting,
      verdeelsleutel,
    };
  }
}

/** A computation's budget version and contributions as the graph reads them, after the transaction (two statements, in parallel). */
async function alsGelezen(ctx: Context, uitkomst: BerekeningUitkomst): Promise<BerekeningResultaat> {
  ctx.loaders.afterWrite();
  const [begroting, bijdragen] = await Promise.all([
    ctx.loaders.readRef(begrotingLezen, uitkomst.begroting.id),
    ctx.loaders.read(bijdrageLezen).loadMany(uitkomst.bijdragen.map((b) => b.id)),
  ]);
  return { begroting, bijdragen: bijdragen.filter((b): b is BijdrageType => b instanceof BijdrageType), gewijzigd: uitkomst.gewijzigd };
}

@Resolver(() => AfrekeningRegel)
export class AfrekeningRegelResolver {
  @FieldResolver(() => GemeenteType, { nullable: true, description: 'Leeg bij het totaal.' })
  gemeente(@Root() regel: AfrekeningRegel, @Ctx() ctx: Context) {
    return regel.gemeenteId === null ? null : ctx.loaders.read(gemeenteLezen).load(regel.gemeenteId);
  }
}

@Resolver(() => VoorschotGemeente)
export class VoorschotGemeenteResolver {
  @FieldResolver(() => GemeenteType)
  gemeente(@Root() regel: VoorschotGemeente, @Ctx() ctx: Context): GemeenteType | Promise<GemeenteType> {
    return ctx.loaders.readRef(gemeenteLezen, regel.gemeenteId);
  }
}
