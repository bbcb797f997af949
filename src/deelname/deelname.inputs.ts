import { IsOptional, Length } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { LocalDate } from '../core/graphql-types.js';
import { CbsCodeScalar } from '../core/scalars.js';

@InputType({ description: 'Een gemeente gaat deelnemen aan een (sub)module.' })
export class DeelnameInvoer {
  @Field(() => CbsCodeScalar)
  gemeente!: string;

  @Field(() => String, { description: 'Code van de (sub)module.' })
  @Length(2, 30, { message: 'Modulecode moet 2 tot 30 tekens lang zijn.' })
  module!: string;

  @Field(() => LocalDate, { description: 'Eerste dag van deelname.' })
  vanaf!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Eerste dag zonder deelname; leeg = open einde.' })
  @IsOptional()
  tot?: string;
}
