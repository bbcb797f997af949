import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ReadModel } from '../core/read-model.js';
import { DecimaalScalar } from '../core/scalars.js';
import { VerdeelsleutelEenheid } from './verdeelsleutel-eenheid.entity.js';
import { Grondslag, Verdeelsleutel } from './verdeelsleutel.entity.js';

/** A module's allocation key for a year, as the graph reads it. */
@ObjectType('Verdeelsleutel', {
  simpleResolvers: true,
  description: 'Verdeelsleutel: hoe de netto kosten van een module in een jaar over de deelnemers worden verdeeld.',
})
export class VerdeelsleutelType {
  @Field(() => ID)
  id!: number;

  moduleId!: number;

  @Field(() => Int)
  jaar!: number;

  @Field(() => Grondslag)
  grondslag!: Grondslag;

  @Field(() => String)
  omschrijving!: string;
}

/** How the graph reads allocation keys (see ReadModel). */
export const verdeelsleutelLezen = new ReadModel(Verdeelsleutel, VerdeelsleutelType, {
  id: 'e.id',
  moduleId: 'e.module_id',
  jaar: 'e.jaar',
  grondslag: 'e.grondslag',
  omschrijving: 'e.omschrijving',
});

/** One gemeente's units in an allocation key, as the graph reads them. */
@ObjectType('VerdeelsleutelEenheid', { simpleResolvers: true, description: 'Eenheden van één gemeente in een verdeelsleutel, met hun bron.' })
export class VerdeelsleutelEenheidType {
  @Field(() => ID)
  id!: number;

  verdeelsleutelId!: number;

  gemeenteId!: number;

  @Field(() => DecimaalScalar, { description: 'Inwoners, leerlingen, arbeidsjaren, gebruik, 1 (gelijke delen) of een percentage.' })
  eenheden!: string;

  @Field(() => String)
  bron!: string;
}

/** How the graph reads the units of allocation keys (see ReadModel); units as exact text. */
export const verdeelsleutelEenheidLezen = new ReadModel(VerdeelsleutelEenheid, VerdeelsleutelEenheidType, {
  id: 'e.id',
  verdeelsleutelId: 'e.verdeelsleutel_id',
  gemeenteId: 'e.gemeente_id',
  eenheden: 'trim_scale(e.eenheden)::text',
  bron: 'e.bron',
});
