import { ArrayMaxSize, IsOptional, Length, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { BegrotingSoort } from '../begroting/begroting.entity.js';
import { LocalDate } from '../core/graphql-types.js';
import { JaarVeld } from '../core/jaar.js';
import { NoFormula } from '../core/spreadsheet-text.js';
import { PcDocumentSoort, PcStap, TermijnSoort, ZienswijzeGevolgd } from './pc.entity.js';

@InputType({ description: 'Een begrotingsversie die het stuk draagt: module, soort en volgnummer; het jaar is dat van het stuk.' })
export class PcBegrotingVersieInvoer {
  @Field(() => String)
  module!: string;

  @Field(() => BegrotingSoort)
  soort!: BegrotingSoort;

  @Field(() => Int, { nullable: true, defaultValue: 0, description: 'Volgnummer van een wijziging; 0 voor de primitieve begroting.' })
  @IsOptional()
  @Min(0, { message: 'Volgnummer moet 0 of meer zijn.' })
  @Max(999, { message: 'Volgnummer mag hoogstens 999 zijn.' })
  volgnummer!: number;
}

@InputType({ description: 'Een nieuw P&C-stuk, als concept.' })
export class PcDocumentInvoer {
  @Field(() => PcDocumentSoort)
  soort!: PcDocumentSoort;

  @JaarVeld()
  jaar!: number;

  @Field(() => Int, { nullable: true, description: 'Laatste jaar van een uitvoeringsplan (vier jaar: jaar + 3).' })
  @IsOptional()
  totJaar?: number | null;

  @Field(() => String)
  @Length(1, 300, { message: 'Titel moet 1 tot 300 tekens lang zijn.' })
  @NoFormula('Titel')
  titel!: string;

  @Field(() => [String], { nullable: true, defaultValue: [], description: 'Modulecodes waar het stuk over gaat; leeg = alle modules.' })
  @ArrayMaxSize(50)
  modules?: string[] | null;

  @Field(() => [PcBegrotingVersieInvoer], { nullable: true, defaultValue: [], description: 'Bestaande begrotingsversies met de cijfers van het stuk.' })
  @ArrayMaxSize(100)
  begrotingen?: PcBegrotingVersieInvoer[] | null;

  @Field(() => [String], {
    nullable: true,
    defaultValue: [],
    description: 'Alleen bij een (voorlopige) jaarrekening: de modulecodes van wie de jaarrekening over het jaar van het stuk het stuk draagt.',
  })
  @ArrayMaxSize(50)
  jaarrekeningen?: string[] | null;
}

@InputType({ description: 'Een zienswijze van een gemeenteraad, zoals ontvangen.' })
export class ZienswijzeInvoer {
  @Field(() => ID)
  document!: string;

  @Field(() => String, { description: 'CBS-code van de gemeente (GM + vier cijfers).' })
  gemeente!: string;

  @Field(() => LocalDate)
  ontvangenOp!: string;

  @Field(() => String)
  @Length(1, 4000, { message: 'Samenvatting moet 1 tot 4000 tekens lang zijn.' })
  @NoFormula('Samenvatting', 'prose')
  samenvatting!: string;
}

@InputType({ description: 'De reactie van het dagelijks bestuur op een zienswijze en (later) het besluit van het algemeen bestuur.' })
export class ZienswijzeReactieInvoer {
  @Field(() => ID)
  zienswijze!: string;

  @Field(() => String)
  @Length(1, 4000, { message: 'Reactie moet 1 tot 4000 tekens lang zijn.' })
  @NoFormula('Reactie', 'prose')
  reactie!: string;

  @Field(() => LocalDate)
  reactieOp!: string;

  @Field(() => ZienswijzeGevolgd, { nullable: true, description: 'Of het AB de zienswijze volgde; leeg zolang het AB niet besloot.' })
  gevolgdDoorAb?: ZienswijzeGevolgd | null;
}

@InputType({ description: 'Nieuwe vorm van een termijnregel; de omschrijving en grondslag blijven, tenzij opgegeven.' })
export class TermijnregelInvoer {
  @Field(() => String)
  code!: string;

  @Field(() => TermijnSoort)
  soort!: TermijnSoort;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(0, { message: 'Weken moet 0 of meer zijn.' })
  @Max(104, { message: 'Weken mag hoogstens 104 zijn.' })
  weken?: number | null;

  @Field(() => PcStap, { nullable: true })
  naStap?: PcStap | null;

  @Field(() => Int, { nullable: true })
  voorMaand?: number | null;

  @Field(() => Int, { nullable: true })
  voorDag?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(-2, { message: 'Jaarverschil moet tussen −2 en 2 liggen.' })
  @Max(2, { message: 'Jaarverschil moet tussen −2 en 2 liggen.' })
  jaarVerschil?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 1000, { message: 'Omschrijving moet 1 tot 1000 tekens lang zijn.' })
  @NoFormula('Omschrijving', 'prose')
  omschrijving?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 300, { message: 'Grondslag moet 1 tot 300 tekens lang zijn.' })
  @NoFormula('Grondslag', 'prose')
  grondslag?: string | null;
}
