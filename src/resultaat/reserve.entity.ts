import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { registerEnumType } from 'type-graphql';
import { NumericType, type Decimal } from '../core/decimal.js';
import { Module } from '../module/module.entity.js';
import { Resultaatbestemming } from './resultaatbestemming.entity.js';

export enum ReserveSoort {
  ALGEMENE_RESERVE = 'ALGEMENE_RESERVE',
  BESTEMMINGSRESERVE = 'BESTEMMINGSRESERVE',
  VOORZIENING = 'VOORZIENING',
}
registerEnumType(ReserveSoort, {
  name: 'ReserveSoort',
  description: 'Algemene reserve of bestemmingsreserve (eigen vermogen, BBV art. 43), of voorziening (vreemd vermogen, BBV art. 44).',
});

export enum ReservemutatieSoort {
  TOEVOEGING = 'TOEVOEGING',
  ONTTREKKING = 'ONTTREKKING',
  VRIJVAL = 'VRIJVAL',
}
registerEnumType(ReservemutatieSoort, {
  name: 'ReservemutatieSoort',
  description: 'Toevoeging (stand omhoog), onttrekking (stand omlaag, besteed aan het doel) of vrijval (alleen een voorziening: het deel dat niet meer nodig is).',
});

/**
 * A reserve or voorziening of a module, or of the MGR as a whole (module null). Its stand is never
 * stored: it is the sum of its movements up to a date, in SQL. Write model; the graph reads ReserveType.
 */
@Entity({ tableName: 'reserve' })
@Unique({ name: 'reserve_naam_unique', properties: ['naam'] })
export class Reserve {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne({ entity: () => Module, deleteRule: 'restrict', nullable: true })
  module?: Module | null;

  @Enum({ items: () => ReserveSoort })
  soort!: ReserveSoort;

  @Property({ type: 'string', length: 200 })
  naam!: string;

  @Property({ type: 'text' })
  doel!: string;

  @Property({ type: 'date' })
  ingesteldOp!: string;
}

/** One movement of a reserve or voorziening; optionally the result of a resultaatbestemming. */
@Entity({ tableName: 'reservemutatie' })
@Index({ name: 'reservemutatie_reserve_datum_idx', properties: ['reserve', 'datum'] })
@Check({ name: 'reservemutatie_bedrag_check', expression: 'bedrag > 0' })
export class Reservemutatie {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne({ entity: () => Reserve, deleteRule: 'restrict' })
  reserve!: Reserve;

  @Enum({ items: () => ReservemutatieSoort })
  soort!: ReservemutatieSoort;

  @Property({ type: 'date' })
  datum!: string;

  @Property({ type: NumericType, precision: 15, scale: 2 })
  bedrag!: Decimal;

  @Property({ type: 'text' })
  reden!: string;

  @ManyToOne({ entity: () => Resultaatbestemming, deleteRule: 'restrict', nullable: true })
  resultaatbestemming?: Resultaatbestemming | null;

  @Property({ type: 'datetime' })
  vastgelegdOp!: Date;

  @Property({ type: 'string', length: 200 })
  vastgelegdDoor!: string;
}
