import { Arg, Ctx, Field, FieldResolver, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { vereisRol } from '../auth/authenticate.js';
import { Rol } from '../auth/identity.js';
import { BegrotingSoort } from '../begroting/begroting.entity.js';
import { begrotingLezen, BegrotingType } from '../begroting/begroting.types.js';
import { JaarrekeningInvoer } from '../begroting/begroting.inputs.js';
import type { Begroting } from '../begroting/begroting.entity.js';
import type { Jaarrekening } from '../begroting/jaarrekening.entity.js';
import { jaarrekeningLezen, JaarrekeningType } from '../begroting/jaarrekening.types.js';
import { JaarArg } from '../core/jaar.js';
import { jaarafsluitingLezen, JaarafsluitingType } from '../jaarafsluiting/jaarafsluiting.types.js';
import { gerealiseerdeBijdragenBerekenen, jaarAfsluiten, jaarrekeningVastleggen } from './jaarrekening.service.js';
import type { Context } from '../context.js';
import { Decimal } from '../core/decimal.js';
import type { ReadModel } from '../core/read-model.js';
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

  @Field(() => BedragScalar, { description: 'Netto lasten van de begrotingsversie of de jaarrekening die is verdeeld.' })
  nettoLasten!: Decimal;

  @Field(() => DecimaalScalar, { description: 'Netto lasten × aandeel vóór afronding; de bijdrage ligt binnen één cent hiervan.' })
  exactBedrag!: Decimal;

  @Field(() => BegrotingType, { nullable: true, description: 'De verdeelde begrotingsversie (begroot en gewijzigd); leeg bij een gerealiseerde bijdrage.' })
  begroting!: BegrotingType | null;

  @Field(() => JaarrekeningType, { nullable: true, description: 'De verdeelde jaarrekening (gerealiseerd); leeg bij een begrote of gewijzigde bijdrage.' })
  jaarrekening!: JaarrekeningType | null;

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

@ObjectType({ simpleResolvers: true, description: 'Uitkomst van gerealiseerdeBijdragenBerekenen: de jaarrekening en de gerealiseerde bijdragen eruit.' })
class GerealiseerdeBijdragenResultaat {
  @Field(() => JaarrekeningType)
  jaarrekening!: JaarrekeningType;

  @Field(() => [BijdrageType])
  bijdragen!: BijdrageType[];

  @Field(() => Boolean, { description: 'Onwaar als dezelfde jaarrekening en invoer al precies deze bijdragen hadden opgeleverd.' })
  gewijzigd!: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'Uitkomst van jaarrekeningVastleggen: de jaarrekening, de gerealiseerde bijdragen en de afsluiting van het jaar.' })
class JaarrekeningResultaat extends GerealiseerdeBijdragenResultaat {
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
    const uitkomst = await bijdragenBerekenen(ctx, { module, jaar, soort, volgnummer });
    const { bron: begroting, ...gelezen } = await alsGelezen(ctx, uitkomst, begrotingLezen);
    return { begroting, ...gelezen };
  }

  @Mutation(() => GerealiseerdeBijdragenResultaat, {
    description:
      'Berekent de gerealiseerde bijdragen opnieuw uit de jaarrekening van een module: de netto lasten volgens de jaarrekening verdeeld volgens de verdeelsleutel van dat jaar, ' +
      'zoals bijdragenBerekenen. Alleen in een open (heropend) jaar (controller en beheerder).',
  })
  async gerealiseerdeBijdragenBerekenen(@Ctx() ctx: Context, @Arg('module', () => String) module: string, @JaarArg('jaar') jaar: number): Promise<GerealiseerdeBijdragenResultaat> {
    vereisRol(ctx.identity, [Rol.BEHEERDER, Rol.CONTROLLER], 'bijdragen berekenen');
    const { bron: jaarrekening, ...gelezen } = await alsGelezen(ctx, await gerealiseerdeBijdragenBerekenen(ctx, module, jaar), jaarrekeningLezen);
    return { jaarrekening, ...gelezen };
  }

  @Mutation(() => JaarrekeningResultaat, {
    description:
      'Legt de jaarrekening van een module vast (beheerder): de gerealiseerde lasten en baten, de gerealiseerde bijdragen ' +
      'volgens de verdeelsleutel van dat jaar, en de afsluiting van het jaar, in één transactie. Daarna verandert er niets ' +
      'meer aan dat jaar (JAAR_AFGESLOTEN) tot een beheerder het heropent; in een heropend jaar vervangt dezelfde mutatie de ' +
      'cijfers door de gecorrigeerde jaarrekening (in de audit oud en nieuw), berekent de gerealiseerde bijdragen opnieuw en sluit het jaar weer af.',
  })
  async jaarrekeningVastleggen(@Arg('invoer', () => JaarrekeningInvoer) invoer: JaarrekeningInvoer, @Ctx() ctx: Context): Promise<JaarrekeningResultaat> {
    vereisRol(ctx.identity, [Rol.BEHEERDER], 'de jaarrekening vastleggen');
    const uitkomst = await jaarrekeningVastleggen(ctx, invoer);
    // alsGelezen empties the caches before either read starts.
    const [{ bron: jaarrekening, ...gelezen }, afsluiting] = await Promise.all([
      alsGelezen(ctx, uitkomst, jaarrekeningLezen),
      ctx.loaders.readRef(jaarafsluitingLezen, uitkomst.afsluiting.id),
    ]);
    return { jaarrekening, ...gelezen, afsluiting };
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
    const [begroting, jaarrekening, verdeelsleutel] = await Promise.all([
      ctx.loaders.optionalReadRef(begrotingLezen, bijdrage.begrotingId),
      ctx.loaders.optionalReadRef(jaarrekeningLezen, bijdrage.jaarrekeningId),
      ctx.loaders.readRef(verdeelsleutelLezen, bijdrage.verdeelsleutelId),
    ]);
    const aandeel = new Decimal(bijdrage.aandeel);
    const nettoLasten = new Decimal((begroting ?? jaarrekening)!.nettoLasten);
    return {
      grondslag: verdeelsleutel.grondslag,
      eenheden: new Decimal(bijdrage.eenheden),
      deelnameDagen: bijdrage.deelnameDagen ?? dagenInJaar(bijdrage.jaar),
      dagenInJaar: dagenInJaar(bijdrage.jaar),
      aandeel,
      nettoLasten,
      exactBedrag: nettoLasten.times(aandeel).toDecimalPlaces(4),
      begroting,
      jaarrekening,
      verdeelsleutel,
    };
  }
}

/**
 * A computation's source (budget version or jaarrekening) and contributions as the graph reads them,
 * after the transaction (two statements, in parallel).
 */
async function alsGelezen<B extends Begroting | Jaarrekening, R extends { id: number }>(
  ctx: Context,
  uitkomst: BerekeningUitkomst<B>,
  model: ReadModel<B, R>,
): Promise<{ bron: R; bijdragen: BijdrageType[]; gewijzigd: boolean }> {
  ctx.loaders.afterWrite();
  const [bron, bijdragen] = await Promise.all([
    ctx.loaders.readRef(model, uitkomst.bron.id),
    ctx.loaders.read(bijdrageLezen).loadMany(uitkomst.bijdragen.map((b) => b.id)),
  ]);
  return { bron, bijdragen: bijdragen.filter((b): b is BijdrageType => b instanceof BijdrageType), gewijzigd: uitkomst.gewijzigd };
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
