import { Field, ID, ObjectType } from 'type-graphql';
import { LocalDate } from '../core/graphql-types.js';
import { ReadModel } from '../core/read-model.js';
import { Deelname } from './deelname.entity.js';

/** A gemeente's participation in a (sub)module over [vanaf, tot), as the graph reads it. */
@ObjectType('Deelname', { simpleResolvers: true, description: 'Deelname van een gemeente aan een (sub)module, vanaf een datum tot een datum of open.' })
export class DeelnameType {
  @Field(() => ID)
  id!: number;

  gemeenteId!: number;

  moduleId!: number;

  @Field(() => LocalDate, { description: 'Eerste dag van deelname.' })
  vanaf!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Eerste dag waarop de gemeente niet meer deelneemt; leeg = open einde.' })
  tot!: string | null;
}

/** How the graph reads participations (see ReadModel). Dates as ISO text, as the LocalDate scalar gives them. */
export const deelnameLezen = new ReadModel(Deelname, DeelnameType, {
  id: 'e.id',
  gemeenteId: 'e.gemeente_id',
  moduleId: 'e.module_id',
  vanaf: 'e.vanaf::text',
  tot: 'e.tot::text',
});
