import { Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { LocalDate } from '../core/graphql-types.js';
import { NoFormula } from '../core/spreadsheet-text.js';

@InputType({ description: 'Een lid van een bestuurscommissie.' })
export class BestuurscommissieLidInvoer {
  @Field(() => String, { description: 'Programmacode van de commissie, bijvoorbeeld PARTICIPATIE.' })
  programma!: string;

  @Field(() => String, { description: 'CBS-code van de gemeente.' })
  gemeente!: string;

  @Field(() => String)
  @Length(1, 200, { message: 'Naam moet 1 tot 200 tekens lang zijn.' })
  @NoFormula('Naam')
  naam!: string;

  @Field(() => String)
  @Length(1, 300, { message: 'Portefeuille moet 1 tot 300 tekens lang zijn.' })
  @NoFormula('Portefeuille')
  portefeuille!: string;
}

@InputType({ description: 'Een vergadering van een bestuurscommissie.' })
export class CommissievergaderingInvoer {
  @Field(() => String, { description: 'Programmacode van de commissie.' })
  programma!: string;

  @Field(() => LocalDate)
  datum!: string;

  @Field(() => String)
  @Length(1, 300, { message: 'Onderwerp moet 1 tot 300 tekens lang zijn.' })
  @NoFormula('Onderwerp', 'prose')
  onderwerp!: string;
}

@InputType({ description: 'Het advies van een bestuurscommissie over een P&C-stuk.' })
export class CommissieadviesInvoer {
  @Field(() => String, { description: 'Programmacode van de commissie.' })
  programma!: string;

  @Field(() => ID)
  document!: string;

  @Field(() => LocalDate)
  datum!: string;

  @Field(() => String)
  @Length(1, 4000, { message: 'Advies moet 1 tot 4000 tekens lang zijn.' })
  @NoFormula('Advies', 'prose')
  advies!: string;
}
