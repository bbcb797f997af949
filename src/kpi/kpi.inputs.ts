import { IsOptional, Length, Matches } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import type { Decimal } from '../core/decimal.js';
import { LocalDate } from '../core/graphql-types.js';
import { JaarVeld } from '../core/jaar.js';
import { CbsCodeScalar, DecimaalScalar } from '../core/scalars.js';
import { KpiEenheid, KpiNiveau, KpiPeriode, KpiRichting } from './kpi.entity.js';
import { NoFormula } from '../core/spreadsheet-text.js';

@InputType({ description: 'Definitie van een KPI van een module; een bestaande code wordt bijgewerkt.' })
export class KpiInvoer {
  @Field(() => String)
  module!: string;

  @Field(() => String)
  @Matches(/^[A-Z][A-Z0-9_]{1,39}$/, { message: 'KPI-code: 2 tot 40 hoofdletters, cijfers of liggende streepjes.' })
  code!: string;

  @Field(() => String)
  @Length(1, 200, { message: 'Naam moet 1 tot 200 tekens lang zijn.' })
  @NoFormula('Naam')
  naam!: string;

  @Field(() => KpiEenheid)
  eenheid!: KpiEenheid;

  @Field(() => KpiRichting)
  richting!: KpiRichting;

  @Field(() => KpiNiveau)
  niveau!: KpiNiveau;

  @Field(() => KpiPeriode, { defaultValue: KpiPeriode.KWARTAAL, description: 'Waarover één waarde gaat; jaarcijfers staan in de rapportage van het vierde kwartaal.' })
  periode!: KpiPeriode;

  @Field(() => DecimaalScalar, { nullable: true })
  @IsOptional()
  ondergrens?: Decimal;

  @Field(() => DecimaalScalar, { nullable: true })
  @IsOptional()
  bovengrens?: Decimal;

  @Field(() => LocalDate)
  actiefVanaf!: string;

  @Field(() => LocalDate, { nullable: true })
  @IsOptional()
  actiefTot?: string;
}

@InputType({ description: 'Een norm uit een DVO voor een KPI in een jaar en periode, eventueel voor één gemeente.' })
export class DvoNormInvoer {
  @Field(() => String)
  dvo!: string;

  @Field(() => String, { description: 'KPI-code binnen de module van de DVO.' })
  kpi!: string;

  @JaarVeld()
  jaar!: number;

  @Field(() => CbsCodeScalar, { nullable: true, description: 'Alleen voor een KPI per gemeente: de norm voor deze gemeente.' })
  @IsOptional()
  gemeente?: string;

  @Field(() => KpiPeriode, { nullable: true, description: 'Waarover de norm gaat; leeg = de periode van de KPI. Een norm wordt alleen vergeleken met waarden over dezelfde periode.' })
  @IsOptional()
  periode?: KpiPeriode;

  @Field(() => DecimaalScalar)
  norm!: Decimal;
}
