import { IsOptional, Length, Max, Min, ValidateNested } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import type { Decimal } from '../core/decimal.js';
import { JaarVeld } from '../core/jaar.js';
import { BedragScalar } from '../core/scalars.js';
import { NoFormula } from '../core/spreadsheet-text.js';
import { Kant } from './categorieen.js';

const KWARTAAL = 'Kwartaal moet 1, 2, 3 of 4 zijn.';

@InputType({ description: 'Een gerealiseerd bedrag van het kwartaal op één Iv3-cel: taakveld × economische categorie, aan de lasten- of batenkant.' })
export class RealisatieRegelInvoer {
  @Field(() => String, { description: 'BBV-taakveld, bijvoorbeeld 6.4 (de lijst van het jaar: query taakvelden).' })
  taakveld!: string;

  @Field(() => String, { description: 'Iv3 economische categorie, bijvoorbeeld 1.1 (salarissen) of 4.3.2 (bijdragen van gemeenten, baten).' })
  @Length(1, 10, { message: 'Categorie moet 1 tot 10 tekens lang zijn.' })
  @NoFormula('Categorie')
  categorie!: string;

  @Field(() => Kant)
  kant!: Kant;

  @Field(() => BedragScalar, { description: 'Het bedrag van dit kwartaal zelf (niet cumulatief), ≥ 0.' })
  bedrag!: Decimal;
}

@InputType({ description: 'De prognose voor het hele jaar, op dezelfde grondslag als de begroting: lasten en baten zonder de bijdragen van de gemeenten.' })
export class PrognoseInvoer {
  @Field(() => BedragScalar)
  lasten!: Decimal;

  @Field(() => BedragScalar)
  baten!: Decimal;

  @Field(() => String, { nullable: true, description: 'Waarom de prognose afwijkt van de begroting.' })
  @IsOptional()
  @Length(0, 2000, { message: 'Toelichting mag hoogstens 2000 tekens lang zijn.' })
  @NoFormula('Toelichting', 'prose')
  toelichting?: string;
}

@InputType({ description: 'De realisatie van een module in een kwartaal: vervangt alle regels en de prognose van dat kwartaal.' })
export class RealisatieInvoer {
  @Field(() => String)
  module!: string;

  @JaarVeld()
  jaar!: number;

  @Field(() => Int)
  @Min(1, { message: KWARTAAL })
  @Max(4, { message: KWARTAAL })
  kwartaal!: number;

  @Field(() => [RealisatieRegelInvoer], { description: 'Eén regel per cel; een cel die ontbreekt is nul.' })
  @ValidateNested()
  regels!: RealisatieRegelInvoer[];

  @Field(() => PrognoseInvoer, { nullable: true, description: 'Leeg: dit kwartaal geeft geen prognose (een eerdere van dit kwartaal vervalt).' })
  @IsOptional()
  @ValidateNested()
  prognose?: PrognoseInvoer;
}
