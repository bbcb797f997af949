import { Check, Entity, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { Gemeente } from './gemeente.entity.js';

@ObjectType({ simpleResolvers: true, description: 'Aantal inwoners van een gemeente op 1 januari van een jaar.' })
@Entity({ tableName: 'inwonertal' })
@Unique({ name: 'inwonertal_gemeente_jaar_unique', properties: ['gemeente', 'jaar'] })
@Check({ name: 'inwonertal_aantal_check', expression: 'aantal >= 0' })
@Check({ name: 'inwonertal_jaar_check', expression: 'jaar >= 1900 and jaar <= 2200' })
export class Inwonertal {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne({ entity: () => Gemeente, deleteRule: 'cascade' })
  gemeente!: Gemeente;

  @Field(() => Int)
  @Property({ type: 'smallint' })
  jaar!: number;

  @Field(() => Int)
  @Property({ type: 'integer' })
  aantal!: number;

  @Field(() => String, { description: 'Herkomst van het getal, bijvoorbeeld "CBS, bevolking op 1 januari".' })
  @Property({ type: 'string', length: 200 })
  bron!: string;
}
