import { Field, ID, ObjectType } from 'type-graphql';
import { LocalDate } from '../core/graphql-types.js';
import { ReadModel } from '../core/read-model.js';
import { Bestuurscommissie, BestuurscommissieLid, Commissieadvies, Commissievergadering } from './bestuur.entity.js';

@ObjectType('Bestuurscommissie', { simpleResolvers: true, description: 'Bestuurscommissie van een programma; adviseert over planvorming, begroting, jaarrekening en kaders.' })
export class BestuurscommissieType {
  @Field(() => ID)
  id!: number;

  programmaId!: number;

  @Field(() => String)
  naam!: string;
}

export const bestuurscommissieLezen = new ReadModel(Bestuurscommissie, BestuurscommissieType, { id: 'e.id', programmaId: 'e.programma_id', naam: 'e.naam' });

@ObjectType('BestuurscommissieLid', { simpleResolvers: true, description: 'Lid van een bestuurscommissie: de portefeuillehouder van een deelnemende gemeente.' })
export class BestuurscommissieLidType {
  @Field(() => ID)
  id!: number;

  commissieId!: number;

  gemeenteId!: number;

  @Field(() => String)
  naam!: string;

  @Field(() => String)
  portefeuille!: string;
}

export const bestuurscommissieLidLezen = new ReadModel(BestuurscommissieLid, BestuurscommissieLidType, {
  id: 'e.id',
  commissieId: 'e.commissie_id',
  gemeenteId: 'e.gemeente_id',
  naam: 'e.naam',
  portefeuille: 'e.portefeuille',
});

@ObjectType('Commissievergadering', { simpleResolvers: true, description: 'Vergadering van een bestuurscommissie.' })
export class CommissievergaderingType {
  @Field(() => ID)
  id!: number;

  commissieId!: number;

  @Field(() => LocalDate)
  datum!: string;

  @Field(() => String)
  onderwerp!: string;
}

export const commissievergaderingLezen = new ReadModel(Commissievergadering, CommissievergaderingType, {
  id: 'e.id',
  commissieId: 'e.commissie_id',
  datum: 'e.datum::text',
  onderwerp: 'e.onderwerp',
});

@ObjectType('Commissieadvies', { simpleResolvers: true, description: 'Advies van een bestuurscommissie over een P&C-stuk.' })
export class CommissieadviesType {
  @Field(() => ID)
  id!: number;

  commissieId!: number;

  documentId!: number;

  @Field(() => LocalDate)
  datum!: string;

  @Field(() => String)
  advies!: string;
}

export const commissieadviesLezen = new ReadModel(Commissieadvies, CommissieadviesType, {
  id: 'e.id',
  commissieId: 'e.commissie_id',
  documentId: 'e.document_id',
  datum: 'e.datum::text',
  advies: 'e.advies',
});
