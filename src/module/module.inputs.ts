import { IsOptional, Length, Matches } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { LocalDate } from '../core/graphql-types.js';
import { NoFormula } from '../core/spreadsheet-text.js';

@InputType({ description: 'Een nieuwe module of submodule.' })
export class ModuleInvoer {
  @Field(() => String, { description: 'Hoofdletters, cijfers en koppeltekens, bijvoorbeeld INKOOP-JEUGD.' })
  @Matches(/^[A-Z][A-Z0-9-]{1,29}$/, { message: 'Modulecode: 2 tot 30 hoofdletters, cijfers of koppeltekens, beginnend met een letter.' })
  code!: string;

  @Field(() => String)
  @Length(1, 100, { message: 'Naam moet 1 tot 100 tekens lang zijn.' })
  @NoFormula('Naam')
  naam!: string;

  @Field(() => String)
  @Length(1, 2000, { message: 'Omschrijving moet 1 tot 2000 tekens lang zijn.' })
  @NoFormula('Omschrijving')
  omschrijving!: string;

  @Field(() => String, { nullable: true, description: 'Code van het programma.' })
  @IsOptional()
  programma?: string;

  @Field(() => String, { nullable: true, description: 'Code van de hoofdmodule, voor een submodule.' })
  @IsOptional()
  hoofdmodule?: string;

  @Field(() => LocalDate)
  startdatum!: string;

  @Field(() => String, { nullable: true, description: 'BBV-taakveld uit de huidige lijst (query taakvelden), bijvoorbeeld 6.4 of 6.72d.' })
  @IsOptional()
  taakveld?: string;
}
