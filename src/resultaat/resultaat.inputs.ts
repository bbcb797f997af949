import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, ValidateNested } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import type { Decimal } from '../core/decimal.js';
import { LocalDate } from '../core/graphql-types.js';
import { JaarVeld } from '../core/jaar.js';
import { BedragScalar } from '../core/scalars.js';
import { NoFormula } from '../core/spreadsheet-text.js';
import { ReservemutatieSoort, ReserveSoort } from './reserve.entity.js';
import { BestemmingSoort } from './resultaatbestemming.entity.js';

@InputType({ description: 'Een nieuwe reserve of voorziening, van een module of (zonder module) van de MGR als geheel.' })
export class ReserveInvoer {
  @Field(() => String, { nullable: true, description: 'Code van de module; leeg = MGR-breed.' })
  @IsOptional()
  module?: string | null;

  @Field(() => ReserveSoort)
  soort!: ReserveSoort;

  @Field(() => String)
  @Length(1, 200, { message: 'Naam moet 1 tot 200 tekens lang zijn.' })
  @NoFormula('Naam')
  naam!: string;

  @Field(() => String, { description: 'Waarvoor de reserve of voorziening dient (BBV art. 43/44: bij een voorziening de verplichting, het risico of de kosten).' })
  @Length(1, 1000, { message: 'Doel moet 1 tot 1000 tekens lang zijn.' })
  @NoFormula('Doel', 'prose')
  doel!: string;

  @Field(() => LocalDate, { description: 'Datum van instelling (besluit van het algemeen bestuur).' })
  ingesteldOp!: string;
}

@InputType({ description: 'Een toevoeging, onttrekking of vrijval van een reserve of voorziening.' })
export class ReservemutatieInvoer {
  @Field(() => Int, { description: 'Id van de reserve of voorziening.' })
  reserve!: number;

  @Field(() => ReservemutatieSoort)
  soort!: ReservemutatieSoort;

  @Field(() => LocalDate, { description: 'Boekdatum; het jaar ervan is het boekjaar.' })
  datum!: string;

  @Field(() => BedragScalar, { description: 'Positief; de soort zegt de richting.' })
  bedrag!: Decimal;

  @Field(() => String)
  @Length(1, 1000, { message: 'Reden moet 1 tot 1000 tekens lang zijn.' })
  @NoFormula('Reden', 'prose')
  reden!: string;
}

@InputType({ description: 'Eén regel van de resultaatbestemming.' })
export class BestemmingRegelInvoer {
  @Field(() => BestemmingSoort)
  soort!: BestemmingSoort;

  @Field(() => BedragScalar, { description: 'Positief; de soort zegt de richting.' })
  bedrag!: Decimal;

  @Field(() => Int, { nullable: true, description: 'Id van de reserve; alleen (en verplicht) bij TOEVOEGEN_AAN_RESERVE en ONTTREKKEN_AAN_RESERVE.' })
  @IsOptional()
  reserve?: number | null;
}

@InputType({ description: 'Het besluit van het algemeen bestuur over het resultaat van een module over een jaar; de regels tellen exact op tot het resultaat.' })
export class ResultaatbestemmingInvoer {
  @Field(() => String)
  module!: string;

  @JaarVeld()
  jaar!: number;

  @Field(() => LocalDate, { description: 'Datum van het AB-besluit: na de vaststelling van de jaarrekening, niet in de toekomst.' })
  besluitOp!: string;

  @Field(() => String)
  @Length(1, 300, { message: 'Omschrijving moet 1 tot 300 tekens lang zijn.' })
  @NoFormula('Omschrijving')
  omschrijving!: string;

  @Field(() => [BestemmingRegelInvoer])
  @ArrayMinSize(1, { message: 'Geef minstens één regel.' })
  @ArrayMaxSize(50, { message: 'Geef hoogstens 50 regels.' })
  @ValidateNested()
  regels!: BestemmingRegelInvoer[];
}
