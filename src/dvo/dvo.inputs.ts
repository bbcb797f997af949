import { IsOptional, Length } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { LocalDate } from '../core/graphql-types.js';
import { DvoStatus } from './dvo.entity.js';
import { CbsCodeScalar } from '../core/scalars.js';
import { NoFormula } from '../core/spreadsheet-text.js';

@InputType({ description: 'Een nieuwe DVO; geef als partij óf een gemeente óf een organisatie.' })
export class DvoInvoer {
  @Field(() => String)
  @Length(3, 60, { message: 'Kenmerk moet 3 tot 60 tekens lang zijn.' })
  @NoFormula('Kenmerk')
  kenmerk!: string;

  @Field(() => String)
  @Length(1, 2000, { message: 'Omschrijving moet 1 tot 2000 tekens lang zijn.' })
  @NoFormula('Omschrijving')
  omschrijving!: string;

  @Field(() => String, { description: 'Code van de module.' })
  module!: string;

  @Field(() => CbsCodeScalar, { nullable: true, description: 'CBS-code van de gemeente als partij.' })
  @IsOptional()
  gemeente?: string;

  @Field(() => String, { nullable: true, description: 'Naam van de organisatie als partij.' })
  @IsOptional()
  organisatie?: string;

  @Field(() => LocalDate)
  ingangsdatum!: string;

  @Field(() => LocalDate, { nullable: true })
  @IsOptional()
  einddatum?: string;

  @Field(() => DvoStatus, { defaultValue: DvoStatus.CONCEPT })
  status!: DvoStatus;
}
