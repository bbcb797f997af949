import { ArrayMinSize, Length, ValidateNested } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import type { Decimal } from '../core/decimal.js';
import { JaarVeld } from '../core/jaar.js';
import { CbsCodeScalar, DecimaalScalar } from '../core/scalars.js';
import { Grondslag } from './verdeelsleutel.entity.js';
import { NoFormula } from '../core/spreadsheet-text.js';

@InputType()
export class EenheidInvoer {
  @Field(() => CbsCodeScalar)
  gemeente!: string;

  @Field(() => DecimaalScalar)
  eenheden!: Decimal;

  @Field(() => String)
  @Length(1, 200, { message: 'Bron moet 1 tot 200 tekens lang zijn.' })
  @NoFormula('Bron')
  bron!: string;
}

@InputType({ description: 'De verdeelsleutel van een module voor een jaar, met de eenheden per gemeente.' })
export class VerdeelsleutelInvoer {
  @Field(() => String)
  module!: string;

  @JaarVeld()
  jaar!: number;

  @Field(() => Grondslag)
  grondslag!: Grondslag;

  @Field(() => String)
  @Length(1, 300, { message: 'Omschrijving moet 1 tot 300 tekens lang zijn.' })
  @NoFormula('Omschrijving')
  omschrijving!: string;

  @Field(() => [EenheidInvoer])
  @ArrayMinSize(1, { message: 'Geef de eenheden van minstens één gemeente.' })
  @ValidateNested()
  eenheden!: EenheidInvoer[];
}
