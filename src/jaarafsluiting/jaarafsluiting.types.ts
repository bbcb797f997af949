import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTime } from '../core/graphql-types.js';
import { isoTimestamp, ReadModel } from '../core/read-model.js';
import { Jaarafsluiting, JaarStatus } from './jaarafsluiting.entity.js';

/** The closing of a module's year, as the graph reads it. Timestamps as ISO text (see ReadModel). */
@ObjectType('Jaarafsluiting', { simpleResolvers: true, description: 'Afsluiting van het jaar van een module na de jaarrekening.' })
export class JaarafsluitingType {
  @Field(() => ID)
  id!: number;

  moduleId!: number;

  @Field(() => Int)
  jaar!: number;

  @Field(() => JaarStatus)
  status!: JaarStatus;

  @Field(() => DateTime)
  afgeslotenOp!: string;

  @Field(() => String, { description: 'Wie het jaar (het laatst) afsloot.' })
  afgeslotenDoor!: string;

  @Field(() => DateTime, { nullable: true })
  heropendOp!: string | null;

  @Field(() => String, { nullable: true })
  heropendDoor!: string | null;

  @Field(() => String, { nullable: true, description: 'Waarom het jaar is heropend.' })
  redenHeropening!: string | null;
}

/** How the graph reads the closings of years (see ReadModel). */
export const jaarafsluitingLezen = new ReadModel(Jaarafsluiting, JaarafsluitingType, {
  id: 'e.id',
  moduleId: 'e.module_id',
  jaar: 'e.jaar',
  status: 'e.status',
  afgeslotenOp: isoTimestamp('e.afgesloten_op'),
  afgeslotenDoor: 'e.afgesloten_door',
  heropendOp: isoTimestamp('e.heropend_op'),
  heropendDoor: 'e.heropend_door',
  redenHeropening: 'e.reden_heropening',
});
