import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { vereisRol } from '../auth/authenticate.js';
import { Rol } from '../auth/identity.js';
import type { Context } from '../context.js';
import { TextArg } from '../core/spreadsheet-text.js';
import { gemeenteLezen, GemeenteType } from '../gemeente/gemeente.types.js';
import { programmaLezen, ProgrammaType } from '../module/module.types.js';
import { BestuurscommissieLidInvoer, CommissieadviesInvoer, CommissievergaderingInvoer } from './bestuur.inputs.js';
import { bestuurscommissieLidToevoegen, bestuurscommissieToevoegen, commissieadviesVastleggen, commissievergaderingToevoegen, zoekBestuurscommissies } from './bestuur.service.js';
import {
  bestuurscommissieLezen,
  bestuurscommissieLidLezen,
  BestuurscommissieLidType,
  BestuurscommissieType,
  commissieadviesLezen,
  CommissieadviesType,
  commissievergaderingLezen,
  CommissievergaderingType,
} from './bestuur.types.js';
import { pcDocumentLezen, PcDocumentType } from './pc.types.js';

const BEHEERDER = [Rol.BEHEERDER];

@Resolver(() => BestuurscommissieType)
export class BestuurscommissieResolver {
  @Query(() => [BestuurscommissieType], { description: 'De bestuurscommissies (één per programma), met leden, vergaderingen en adviezen.' })
  bestuurscommissies(@Ctx() ctx: Context): Promise<BestuurscommissieType[]> {
    return zoekBestuurscommissies(ctx.em);
  }

  @Mutation(() => BestuurscommissieType, { description: 'Stelt de bestuurscommissie van een programma in (beheerder).' })
  async bestuurscommissieToevoegen(
    @Arg('programma', () => String) programma: string,
    @TextArg('naam', 'Naam', 'name') naam: string,
    @Ctx() ctx: Context,
  ): Promise<BestuurscommissieType> {
    vereisRol(ctx.identity, BEHEERDER, 'bestuurscommissies instellen');
    const commissie = await bestuurscommissieToevoegen(ctx, programma, naam);
    return ctx.loaders.readAfterWrite(bestuurscommissieLezen, commissie.id);
  }

  @Mutation(() => BestuurscommissieLidType, { description: 'Voegt een lid (portefeuillehouder van een gemeente) toe aan een bestuurscommissie (beheerder).' })
  async bestuurscommissieLidToevoegen(@Arg('invoer', () => BestuurscommissieLidInvoer) invoer: BestuurscommissieLidInvoer, @Ctx() ctx: Context): Promise<BestuurscommissieLidType> {
    vereisRol(ctx.identity, BEHEERDER, 'leden van bestuurscommissies vastleggen');
    const lid = await bestuurscommissieLidToevoegen(ctx, invoer);
    return ctx.loaders.readAfterWrite(bestuurscommissieLidLezen, lid.id);
  }

  @Mutation(() => CommissievergaderingType, { description: 'Legt een vergadering van een bestuurscommissie vast (beheerder).' })
  async commissievergaderingToevoegen(@Arg('invoer', () => CommissievergaderingInvoer) invoer: CommissievergaderingInvoer, @Ctx() ctx: Context): Promise<CommissievergaderingType> {
    vereisRol(ctx.identity, BEHEERDER, 'vergaderingen vastleggen');
    const vergadering = await commissievergaderingToevoegen(ctx, invoer);
    return ctx.loaders.readAfterWrite(commissievergaderingLezen, vergadering.id);
  }

  @Mutation(() => CommissieadviesType, { description: 'Legt het advies van een bestuurscommissie over een P&C-stuk vast (beheerder).' })
  async commissieadviesVastleggen(@Arg('invoer', () => CommissieadviesInvoer) invoer: CommissieadviesInvoer, @Ctx() ctx: Context): Promise<CommissieadviesType> {
    vereisRol(ctx.identity, BEHEERDER, 'adviezen vastleggen');
    const advies = await commissieadviesVastleggen(ctx, invoer);
    return ctx.loaders.readAfterWrite(commissieadviesLezen, advies.id);
  }

  @FieldResolver(() => ProgrammaType)
  programma(@Root() commissie: BestuurscommissieType, @Ctx() ctx: Context): ProgrammaType | Promise<ProgrammaType> {
    return ctx.loaders.readRef(programmaLezen, commissie.programmaId);
  }

  @FieldResolver(() => [BestuurscommissieLidType])
  leden(@Root() commissie: BestuurscommissieType, @Ctx() ctx: Context): Promise<BestuurscommissieLidType[]> {
    return ctx.loaders.readManyBy(bestuurscommissieLidLezen, { relation: 'commissie', key: 'commissieId' }).load(commissie.id);
  }

  @FieldResolver(() => [CommissievergaderingType], { description: 'Vergaderingen, oudste eerst.' })
  vergaderingen(@Root() commissie: BestuurscommissieType, @Ctx() ctx: Context): Promise<CommissievergaderingType[]> {
    return ctx.loaders.readManyBy(commissievergaderingLezen, { relation: 'commissie', key: 'commissieId' }, {}, { datum: 'asc', id: 'asc' }).load(commissie.id);
  }

  @FieldResolver(() => [CommissieadviesType])
  adviezen(@Root() commissie: BestuurscommissieType, @Ctx() ctx: Context): Promise<CommissieadviesType[]> {
    return ctx.loaders.readManyBy(commissieadviesLezen, { relation: 'commissie', key: 'commissieId' }).load(commissie.id);
  }
}

@Resolver(() => BestuurscommissieLidType)
export class BestuurscommissieLidResolver {
  @FieldResolver(() => GemeenteType)
  gemeente(@Root() lid: BestuurscommissieLidType, @Ctx() ctx: Context): GemeenteType | Promise<GemeenteType> {
    return ctx.loaders.readRef(gemeenteLezen, lid.gemeenteId);
  }
}

@Resolver(() => CommissieadviesType)
export class CommissieadviesResolver {
  @FieldResolver(() => BestuurscommissieType)
  commissie(@Root() advies: CommissieadviesType, @Ctx() ctx: Context): BestuurscommissieType | Promise<BestuurscommissieType> {
    return ctx.loaders.readRef(bestuurscommissieLezen, advies.commissieId);
  }

  @FieldResolver(() => PcDocumentType)
  document(@Root() advies: CommissieadviesType, @Ctx() ctx: Context): PcDocumentType | Promise<PcDocumentType> {
    return ctx.loaders.readRef(pcDocumentLezen, advies.documentId);
  }
}
