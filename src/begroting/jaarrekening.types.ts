import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDate } from '../core/graphql-types.js';
import { ReadModel } from '../core/read-model.js';
import { BedragScalar } from '../core/scalars.js';
import { Jaarrekening } from './jaarrekening.entity.js';

/** A module's jaarrekening for a year, as the graph reads it. Amounts are PostgreSQL's text (see ReadModel). */
@ObjectType('Jaarrekening', {
  simpleResolvers: true,
  description: 'De jaarrekening van een module over een jaar: de gerealiseerde lasten en baten zoals het algemeen bestuur ze vaststelde. Geen begrotingsversie; de gerealiseerde bijdragen komen hieruit.',
})
export class JaarrekeningType {
  @Field(() => ID)
  id!: number;

  moduleId!: number;

  @Field(() => Int)
  jaar!: number;

  @Field(() => BedragScalar, { description: 'Gerealiseerde lasten.' })
  lasten!: string;

  @Field(() => BedragScalar, { description: 'Gerealiseerde baten.' })
  baten!: string;

  @Field(() => BedragScalar, { description: 'Netto lasten (lasten − baten): wat de deelnemende gemeenten samen gerealiseerd betalen en wat de verdeelsleutel verdeelt.' })
  nettoLasten!: string;

  @Field(() => LocalDate, { description: 'Datum van vaststelling door het algemeen bestuur (Wgr art. 34a).' })
  vastgesteldOp!: string;

  @Field(() => String)
  omschrijving!: string;
}

export const jaarrekeningLezen = new ReadModel(Jaarrekening, JaarrekeningType, {
  id: 'e.id',
  moduleId: 'e.module_id',
  jaar: 'e.jaar',
  lasten: 'e.lasten::text',
  baten: 'e.baten::text',
  nettoLasten: '(e.lasten - e.baten)::text',
  vastgesteldOp: 'e.vastgesteld_op::text',
  omschrijving: 'e.omschrijving',
});
