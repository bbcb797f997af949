import { IsInt, Length, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { JaarVeld } from '../core/jaar.js';
import { CbsCodeScalar } from '../core/scalars.js';
import { NoFormula } from '../core/spreadsheet-text.js';


@InputType({ description: 'Een nieuwe deelnemende gemeente.' })
export class GemeenteInvoer {
  @Field(() => CbsCodeScalar)
  cbsCode!: string;

  @Field(() => String)
  @Length(1, 100, { message: 'Naam moet 1 tot 100 tekens lang zijn.' })
  @NoFormula('Naam')
  naam!: string;
}

@InputType({ description: 'Het aantal inwoners van een gemeente op 1 januari van een jaar.' })
export class InwonertalInvoer {
  @Field(() => CbsCodeScalar)
  gemeente!: string;

  @JaarVeld()
  jaar!: number;

  @Field(() => Int)
  @IsInt()
  @Min(0, { message: 'Aantal inwoners kan niet negatief zijn.' })
  aantal!: number;

  @Field(() => String, { description: 'Herkomst, bijvoorbeeld "CBS StatLine, bevolking 1 januari".' })
  @Length(1, 200, { message: 'Bron moet 1 tot 200 tekens lang zijn.' })
  @NoFormula('Bron')
  bron!: string;
}
