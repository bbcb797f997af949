import { IsOptional, Max, Min } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';
import { LocalDate } from '../core/graphql-types.js';
import { CbsCodeScalar } from '../core/scalars.js';

@ArgsType()
export class PeriodeArgs {
  @Field(() => LocalDate, { nullable: true, description: 'Alleen deelnames die op deze datum lopen.' })
  peildatum?: string;

  @Field(() => Int, { nullable: true, description: 'Alleen deelnames die (een deel van) dit jaar lopen.' })
  @IsOptional()
  @Min(1900, { message: 'Jaar moet tussen 1900 en 2200 liggen.' })
  @Max(2200, { message: 'Jaar moet tussen 1900 en 2200 liggen.' })
  jaar?: number;
}

@ArgsType()
export class DeelnamesArgs extends PeriodeArgs {
  @Field(() => CbsCodeScalar, { nullable: true })
  gemeente?: string;

  @Field(() => String, { nullable: true, description: 'Code van de (sub)module.' })
  module?: string;
}
