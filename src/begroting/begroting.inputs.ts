import { IsOptional, Length, Max, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import type { Decimal } from '../core/decimal.js';
import { LocalDate } from '../core/graphql-types.js';
import { BedragScalar } from '../core/scalars.js';
import { BegrotingSoort } from './begroting.entity.js';

@InputType({ description: 'Een nieuwe begrotingsversie: primitief, wijziging of realisatie. Versies worden nooit overschreven.' })
export class BegrotingInvoer {
  @Field(() => String)
  module!: string;

  @Field(() => Int)
  @Min(2000, { message: 'Jaar moet tussen 2000 en 2200 liggen.' })
  @Max(2200, { message: 'Jaar moet tussen 2000 en 2200 liggen.' })
  jaar!: number;

  @Field(() => BegrotingSoort)
  soort!: BegrotingSoort;

  @Field(() => Int, { nullable: true, description: 'Alleen voor een wijziging; leeg = het volgende nummer.' })
  @IsOptional()
  @Min(1, { message: 'Een begrotingswijziging heeft volgnummer 1 of hoger.' })
  volgnummer?: number;

  @Field(() => BedragScalar)
  lasten!: Decimal;

  @Field(() => BedragScalar)
  baten!: Decimal;

  @Field(() => LocalDate)
  vastgesteldOp!: string;

  @Field(() => String)
  @Length(1, 300, { message: 'Omschrijving moet 1 tot 300 tekens lang zijn.' })
  omschrijving!: string;
}
