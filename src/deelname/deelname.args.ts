import { ArgsType, Field, Int } from 'type-graphql';
import { LocalDate } from '../core/graphql-types.js';

@ArgsType()
export class PeriodeArgs {
  @Field(() => LocalDate, { nullable: true, description: 'Alleen deelnames die op deze datum lopen.' })
  peildatum?: string;

  @Field(() => Int, { nullable: true, description: 'Alleen deelnames die (een deel van) dit jaar lopen.' })
  jaar?: number;
}

@ArgsType()
export class DeelnamesArgs extends PeriodeArgs {
  @Field(() => String, { nullable: true, description: 'CBS-code van de gemeente.' })
  gemeente?: string;

  @Field(() => String, { nullable: true, description: 'Code van de (sub)module.' })
  module?: string;
}
