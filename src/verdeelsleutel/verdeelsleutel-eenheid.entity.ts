import { Check, Entity, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { NumericType, type Decimal } from '../core/decimal.js';
import { DecimaalScalar } from '../core/scalars.js';
import { Gemeente } from '../gemeente/gemeente.entity.js';
import { Verdeelsleutel } from './verdeelsleutel.entity.js';

@ObjectType({ simpleResolvers: true, description: 'Eenheden van één gemeente in een verdeelsleutel, met hun bron.' })
@Entity({ tableName: 'verdeelsleutel_eenheid' })
@Unique({ name: 'verdeelsleutel_eenheid_unique', properties: ['verdeelsleutel', 'gemeente'] })
@Check({ name: 'verdeelsleutel_eenheid_check', expression: 'eenheden >= 0' })
export class VerdeelsleutelEenheid {
  @Field(() => ID)
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne({ entity: () => Verdeelsleutel, deleteRule: 'cascade' })
  verdeelsleutel!: Verdeelsleutel;

  @ManyToOne({ entity: () => Gemeente, deleteRule: 'restrict' })
  gemeente!: Gemeente;

  @Field(() => DecimaalScalar, { description: 'Inwoners, leerlingen, arbeidsjaren, gebruik, 1 (gelijke delen) of een percentage.' })
  @Property({ type: NumericType, precision: 14, scale: 4 })
  eenheden!: Decimal;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  bron!: string;
}
