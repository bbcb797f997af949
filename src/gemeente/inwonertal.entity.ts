import { Check, Entity, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Gemeente } from './gemeente.entity.js';

/** A gemeente's inhabitants on 1 January of a year. Write model; the graph reads InwonertalType. */
@Entity({ tableName: 'inwonertal' })
@Unique({ name: 'inwonertal_gemeente_jaar_unique', properties: ['gemeente', 'jaar'] })
@Check({ name: 'inwonertal_aantal_check', expression: 'aantal >= 0' })
@Check({ name: 'inwonertal_jaar_check', expression: 'jaar >= 1900 and jaar <= 2200' })
export class Inwonertal {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne({ entity: () => Gemeente, deleteRule: 'cascade' })
  gemeente!: Gemeente;

  @Property({ type: 'smallint' })
  jaar!: number;

  @Property({ type: 'integer' })
  aantal!: number;

  @Property({ type: 'string', length: 200 })
  bron!: string;
}
