import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { begrotingLezen, BegrotingType } from '../begroting/begroting.types.js';
import { jaarrekeningLezen, JaarrekeningType } from '../begroting/jaarrekening.types.js';
import type { Context } from '../context.js';
import { Connection, PageArgs, type ConnectionResult } from '../core/connection.js';
import { verdeelsleutelLezen, VerdeelsleutelType } from '../verdeelsleutel/verdeelsleutel.types.js';
import { bijdrageTotalen } from './bijdrage-totalen.service.js';
import { BijdrageGroepering, BijdrageTotaal } from './bijdrage-totalen.types.js';
import { BijdrageType } from './bijdrage.types.js';
import { BijdrageOrder, BijdrageWhere } from './bijdrage.where.js';
import { ALLEEN_ACTUEEL_BESCHRIJVING } from './bijdrage.args.js';
import { actueleBegroting, BIJDRAGE_VERWIJZINGEN, zoekBijdragen } from './bijdrage.service.js';
import { taakveldNaam } from '../taakveld/taakvelden.js';
import { gemeenteLezen, GemeenteType } from '../gemeente/gemeente.types.js';
import { moduleLezen, ModuleType } from '../module/module.types.js';

@ObjectType({ simpleResolvers: true })
export class BijdrageConnection extends Connection(BijdrageType, 'Bijdrage') {}

@Resolver(() => BijdrageType)
export class BijdrageResolver {
  @Query(() => BijdrageConnection, { description: 'Bijdragen, gefilterd, gesorteerd en gepagineerd; standaard alleen de actuele versies.' })
  bijdragen(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Args(() => PageArgs) pagina: PageArgs,
    @Arg('where', () => BijdrageWhere, { nullable: true }) where?: BijdrageWhere,
    @Arg('orderBy', () => [BijdrageOrder], { nullable: true }) orderBy?: BijdrageOrder[],
    @Arg('alleenActueel', () => Boolean, { defaultValue: true, description: ALLEEN_ACTUEEL_BESCHRIJVING }) alleenActueel = true,
  ): Promise<ConnectionResult<BijdrageType>> {
    return zoekBijdragen(ctx.em, where, orderBy, alleenActueel, pagina, { info, loaders: ctx.loaders, refs: BIJDRAGE_VERWIJZINGEN });
  }

  @Query(() => [BijdrageTotaal], {
    description:
      'Totalen van bijdragen per groep, berekend door PostgreSQL; altijd per fase en standaard alleen over de actuele versies, ' +
      'zodat begroot, gewijzigd en gerealiseerd en vervangen versies nooit bij elkaar optellen.',
  })
  bijdrageTotalen(
    @Ctx() ctx: Context,
    @Arg('groupBy', () => [BijdrageGroepering], { description: 'Groepering; FASE is er altijd bij.' }) groupBy: BijdrageGroepering[],
    @Arg('where', () => BijdrageWhere, { nullable: true }) where?: BijdrageWhere,
    @Arg('alleenActueel', () => Boolean, {
      defaultValue: true,
      description: 'false: ook vervangen versies, elke begrotingsversie als eigen groep (veld versie).',
    })
    alleenActueel = true,
  ): Promise<BijdrageTotaal[]> {
    return bijdrageTotalen(ctx.em, groupBy, where, alleenActueel);
  }

  @FieldResolver(() => Boolean, { description: 'Komt de bijdrage uit de actuele versie van haar fase (zie alleenActueel)?' })
  actueel(@Root() bijdrage: BijdrageType, @Ctx() ctx: Context): Promise<boolean> {
    // A realised contribution belongs to the module's one jaarrekening of the year: always current.
    if (bijdrage.begrotingId === null) return Promise.resolve(true);
    return actueleBegroting(ctx).load(bijdrage.begrotingId);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Naam van het taakveld volgens de BBV-lijst van dat jaar.' })
  taakveldNaam(@Root() bijdrage: BijdrageType): string | null {
    return taakveldNaam(bijdrage.taakveld, bijdrage.jaar);
  }

  @FieldResolver(() => GemeenteType)
  gemeente(@Root() bijdrage: BijdrageType, @Ctx() ctx: Context): GemeenteType | Promise<GemeenteType> {
    return ctx.loaders.readRef(gemeenteLezen, bijdrage.gemeenteId);
  }

  @FieldResolver(() => ModuleType)
  module(@Root() bijdrage: BijdrageType, @Ctx() ctx: Context): ModuleType | Promise<ModuleType> {
    return ctx.loaders.readRef(moduleLezen, bijdrage.moduleId);
  }

  @FieldResolver(() => BegrotingType, { nullable: true, description: 'De begrotingsversie waaruit een begrote of gewijzigde bijdrage is berekend; leeg bij een gerealiseerde.' })
  begroting(@Root() bijdrage: BijdrageType, @Ctx() ctx: Context): BegrotingType | null | Promise<BegrotingType | null> {
    return ctx.loaders.optionalReadRef(begrotingLezen, bijdrage.begrotingId);
  }

  @FieldResolver(() => JaarrekeningType, { nullable: true, description: 'De jaarrekening waaruit een gerealiseerde bijdrage is berekend; leeg bij een begrote of gewijzigde.' })
  jaarrekening(@Root() bijdrage: BijdrageType, @Ctx() ctx: Context): JaarrekeningType | null | Promise<JaarrekeningType | null> {
    return ctx.loaders.optionalReadRef(jaarrekeningLezen, bijdrage.jaarrekeningId);
  }

  @FieldResolver(() => VerdeelsleutelType, { nullable: true, description: 'De verdeelsleutel waarmee het bedrag is berekend.' })
  verdeelsleutel(@Root() bijdrage: BijdrageType, @Ctx() ctx: Context): VerdeelsleutelType | null | Promise<VerdeelsleutelType | null> {
    return ctx.loaders.optionalReadRef(verdeelsleutelLezen, bijdrage.verdeelsleutelId);
  }
}

@Resolver(() => BijdrageTotaal)
export class BijdrageTotaalResolver {
  @FieldResolver(() => GemeenteType, { nullable: true })
  gemeente(@Root() totaal: BijdrageTotaal, @Ctx() ctx: Context) {
    return totaal.gemeenteId === null ? null : ctx.loaders.read(gemeenteLezen).load(totaal.gemeenteId);
  }

  @FieldResolver(() => ModuleType, { nullable: true })
  module(@Root() totaal: BijdrageTotaal, @Ctx() ctx: Context) {
    return totaal.moduleId === null ? null : ctx.loaders.read(moduleLezen).load(totaal.moduleId);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Naam van het taakveld (van dat jaar als er op jaar is gegroepeerd).' })
  taakveldNaam(@Root() totaal: BijdrageTotaal): string | null {
    return totaal.taakveld === null ? null : taakveldNaam(totaal.taakveld, totaal.jaar);
  }
}
