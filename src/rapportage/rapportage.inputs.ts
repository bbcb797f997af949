import { IsOptional, Length, Max, Min, ValidateNested } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import type { Decimal } from '../core/decimal.js';
import { JaarVeld } from '../core/jaar.js';
import { CbsCodeScalar, DecimaalScalar } from '../core/scalars.js';
import { NoFormula } from '../core/spreadsheet-text.js';

export const KWARTAAL_MELDING = 'Kwartaal moet 1, 2, 3 of 4 zijn.';

@InputType({ description: 'Een module in een kwartaal: over welke rapportage het gaat, zonder revisie.' })
export class RapportageKwartaal {
  @Field(() => String)
  module!: string;

  @JaarVeld()
  jaar!: number;

  @Field(() => Int)
  @Min(1, { message: KWARTAAL_MELDING })
  @Max(4, { message: KWARTAAL_MELDING })
  kwartaal!: number;
}

@InputType({ description: 'Welke kwartaalrapportage: de actuele versie van een module in een kwartaal.' })
export class RapportageSleutel extends RapportageKwartaal {
  @Field(() => Int, { nullable: true, description: 'De revisie waarop deze wijziging is gebaseerd; leeg bij een nieuwe rapportage.' })
  @IsOptional()
  revisie?: number;
}

@InputType({ description: 'Een KPI-waarde; laat gemeente leeg voor een regionale KPI, waarde leeg om een waarde te wissen.' })
export class KpiWaardeInvoer {
  @Field(() => String, { description: 'KPI-code.' })
  kpi!: string;

  @Field(() => CbsCodeScalar, { nullable: true })
  @IsOptional()
  gemeente?: string;

  @Field(() => DecimaalScalar, { nullable: true })
  @IsOptional()
  waarde?: Decimal | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 2000, { message: 'Toelichting is hoogstens 2000 tekens.' })
  @NoFormula('Toelichting', 'prose')
  toelichting?: string;
}

@InputType({ description: 'Waarden voor een concept-rapportage, alles in één keer; een deel mag.' })
export class RapportageOpslaanInvoer extends RapportageSleutel {
  @Field(() => [KpiWaardeInvoer])
  @ValidateNested()
  waarden!: KpiWaardeInvoer[];
}

@InputType({ description: 'Een rapportage terugsturen of corrigeren: met reden.' })
export class RapportageMetReden extends RapportageSleutel {
  @Field(() => String)
  @Length(3, 2000, { message: 'Geef een reden van 3 tot 2000 tekens.' })
  @NoFormula('Reden', 'prose')
  reden!: string;
}
