import { Field, Int, ObjectType } from 'type-graphql';
import { ReadModel } from '../core/read-model.js';
import { Inwonertal } from './inwonertal.entity.js';

/** A gemeente's inhabitants on 1 January of a year, as the graph reads them (the id is not in the graph). */
@ObjectType('Inwonertal', { simpleResolvers: true, description: 'Aantal inwoners van een gemeente op 1 januari van een jaar.' })
export class InwonertalType {
  id!: number;

  gemeenteId!: number;

  @Field(() => Int)
  jaar!: number;

  @Field(() => Int)
  aantal!: number;

  @Field(() => String, { description: 'Herkomst van het getal, bijvoorbeeld "CBS, bevolking op 1 januari".' })
  bron!: string;
}

/** How the graph reads inhabitants per year (see ReadModel). */
export const inwonertalLezen = new ReadModel(Inwonertal, InwonertalType, {
  id: 'e.id',
  gemeenteId: 'e.gemeente_id',
  jaar: 'e.jaar',
  aantal: 'e.aantal',
  bron: 'e.bron',
});
