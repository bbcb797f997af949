import { Check, Entity, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { NumericType, type Decimal } from '../core/decimal.js';
import { Gemeente } from '../gemeente/gemeente.entity.js';
import { Verdeelsleutel } from './verdeelsleutel.entity.js';

/** One gemeente's units in an allocation key, with their source. Write model; the graph reads VerdeelsleutelEenheidType. */
@Entity({ tableName: 'verdeelsleutel_eenheid' })
@Unique({ name: 'verdeelsleutel_eenheid_unique', properties: ['verdeelsleutel', 'gemeente'] })
@Check({ name: 'verdeelsleutel_eenheid_check', expression: 'eenheden >= 0' })
export class VerdeelsleutelEenheid {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne({ entity: () => Verdeelsleutel, deleteRule: 'cascade' })
  verdeelsleutel!: Verdeelsleutel;

  @ManyToOne({ entity: () => Gemeente, deleteRule: 'restrict' })
  gemeente!: Gemeente;

  @Property({ type: NumericType, precision: 14, scale: 4 })
  eenheden!: Decimal;

  @Property({ type: 'string', length: 200 })
  bron!: string;
}
