import { ArgsType, Field } from 'type-graphql';
import { LocalDate } from '../core/graphql-types.js';
import { JaarVeld } from '../core/jaar.js';
import { CbsCodeScalar } from '../core/scalars.js';

@ArgsType()
export class PeriodeArgs {
  @Field(() => LocalDate, { nullable: true, description: 'Alleen deelnames die op deze datum lopen.' })
  peildatum?: string;

  @JaarVeld({ nullable: true, description: 'Alleen deelnames die (een deel van) dit jaar lopen.' })
  jaar?: number;
}

@ArgsType()
export class DeelnamesArgs extends PeriodeArgs {
  @Field(() => CbsCodeScalar, { nullable: true })
  gemeente?: string;

  @Field(() => String, { nullable: true, description: 'Code van de (sub)module.' })
  module?: string;
}
