import { IsOptional, Length, Min, ValidateNested } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import type { Decimal } from '../core/decimal.js';
import { LocalDate } from '../core/graphql-types.js';
import { JaarVeld } from '../core/jaar.js';
import { BedragScalar } from '../core/scalars.js';
import { BegrotingSoort } from './begroting.entity.js';
import { NoFormula } from '../core/spreadsheet-text.js';

/** A year with its lasten and baten: what a version and each year of its meerjarenraming state. Not in the schema itself. */
@InputType()
abstract class JaarBedragen {
  @JaarVeld()
  jaar!: number;

  @Field(() => BedragScalar)
  lasten!: Decimal;

  @Field(() => BedragScalar)
  baten!: Decimal;
}

/**
 * What every recorded version carries: module, year, lasten and baten, adoption date, description.
 * The inputs below inherit its fields; it is used by no field of its own, so it is not in the schema.
 */
@InputType()
abstract class VersieInvoer extends JaarBedragen {
  @Field(() => String)
  module!: string;

  @Field(() => LocalDate, { description: 'Datum van vaststelling door het algemeen bestuur (Wgr art. 34: de begroting in het jaar ervoor, 34a: de jaarrekening in het jaar erna).' })
  vastgesteldOp!: string;

  @Field(() => String)
  @Length(1, 300, { message: 'Omschrijving moet 1 tot 300 tekens lang zijn.' })
  @NoFormula('Omschrijving')
  omschrijving!: string;
}

@InputType({ description: 'Eén jaar van de meerjarenraming: de verwachte lasten en baten van een jaar na het begrotingsjaar.' })
export class RamingInvoer extends JaarBedragen {}

@InputType({
  description: 'Een nieuwe begrotingsversie: de primitieve begroting of een wijziging (de jaarrekening: jaarrekeningVastleggen). Versies worden nooit overschreven.',
})
export class BegrotingInvoer extends VersieInvoer {
  @Field(() => BegrotingSoort)
  soort!: BegrotingSoort;

  @Field(() => Int, { nullable: true, description: 'Alleen voor een wijziging; leeg = het volgende nummer.' })
  @IsOptional()
  @Min(1, { message: 'Een begrotingswijziging heeft volgnummer 1 of hoger.' })
  volgnummer?: number;

  @Field(() => [RamingInvoer], {
    nullable: true,
    description: 'De meerjarenraming: de drie jaren na het begrotingsjaar (t+1, t+2, t+3), elk precies één keer; leeg = geen raming.',
  })
  @IsOptional()
  @ValidateNested()
  meerjarenraming?: RamingInvoer[];
}

@InputType({ description: 'De jaarrekening van een module: de gerealiseerde lasten en baten, vastgesteld door het algemeen bestuur na afloop van het jaar.' })
export class JaarrekeningInvoer extends VersieInvoer {}
