import { Arg, Args, Ctx, FieldResolver, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Begroting } from '../begroting/begroting.entity.js';
import type { Context } from '../context.js';
import { Connection, PaginaArgs, pagineer, type ConnectionResult } from '../core/connection.js';
import { Gemeente } from '../gemeente/gemeente.entity.js';
import { Module } from '../module/module.entity.js';
import { Verdeelsleutel } from '../verdeelsleutel/verdeelsleutel.entity.js';
import { BijdrageGroepering, BijdrageTotaal, bijdrageTotalen } from './bijdrage-totalen.js';
import { Bijdrage } from './bijdrage.entity.js';
import { BijdrageOrder, BijdrageWhere, bijdrageOrder, bijdrageWhere } from './bijdrage.where.js';

@ObjectType({ simpleResolvers: true })
export class BijdrageConnection extends Connection(Bijdrage, 'Bijdrage') {}

@Resolver(() => Bijdrage)
export class BijdrageResolver {
  @Query(() => BijdrageConnection, { description: 'Bijdragen, gefilterd, gesorteerd en gepagineerd.' })
  bijdragen(
    @Ctx() ctx: Context,
    @Args(() => PaginaArgs) pagina: PaginaArgs,
    @Arg('where', () => BijdrageWhere, { nullable: true }) where?: BijdrageWhere,
    @Arg('orderBy', () => [BijdrageOrder], { nullable: true }) orderBy?: BijdrageOrder[],
  ): Promise<ConnectionResult<Bijdrage>> {
    return pagineer(ctx.em, Bijdrage, bijdrageWhere(where), bijdrageOrder(orderBy), pagina);
  }

  @Query(() => [BijdrageTotaal], { description: 'Totalen van bijdragen per groep, berekend door PostgreSQL.' })
  bijdrageTotalen(
    @Ctx() ctx: Context,
    @Arg('groupBy', () => [BijdrageGroepering]) groupBy: BijdrageGroepering[],
    @Arg('where', () => BijdrageWhere, { nullable: true }) where?: BijdrageWhere,
  ): Promise<BijdrageTotaal[]> {
    return bijdrageTotalen(ctx.em, groupBy, where);
  }

  @FieldResolver(() => Gemeente)
  gemeente(@Root() bijdrage: Bijdrage, @Ctx() ctx: Context): Promise<Gemeente> {
    return ctx.loaders.ref(Gemeente, bijdrage.gemeente);
  }

  @FieldResolver(() => Module)
  module(@Root() bijdrage: Bijdrage, @Ctx() ctx: Context): Promise<Module> {
    return ctx.loaders.ref(Module, bijdrage.module);
  }

  @FieldResolver(() => Begroting, { nullable: true, description: 'De begrotingsversie waaruit het bedrag is berekend.' })
  begroting(@Root() bijdrage: Bijdrage, @Ctx() ctx: Context) {
    return ctx.loaders.optionalRef(Begroting, bijdrage.begroting);
  }

  @FieldResolver(() => Verdeelsleutel, { nullable: true, description: 'De verdeelsleutel waarmee het bedrag is berekend.' })
  verdeelsleutel(@Root() bijdrage: Bijdrage, @Ctx() ctx: Context) {
    return ctx.loaders.optionalRef(Verdeelsleutel, bijdrage.verdeelsleutel);
  }
}

@Resolver(() => BijdrageTotaal)
export class BijdrageTotaalResolver {
  @FieldResolver(() => Gemeente, { nullable: true })
  gemeente(@Root() totaal: BijdrageTotaal, @Ctx() ctx: Context) {
    return totaal.gemeenteId === null ? null : ctx.loaders.byId(Gemeente).load(totaal.gemeenteId);
  }

  @FieldResolver(() => Module, { nullable: true })
  module(@Root() totaal: BijdrageTotaal, @Ctx() ctx: Context) {
    return totaal.moduleId === null ? null : ctx.loaders.byId(Module).load(totaal.moduleId);
  }
}
