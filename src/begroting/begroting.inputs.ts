import { IsOptional, Length, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import type { Decimal } from '../core/decimal.js';
import { LocalDate } from '../core/graphql-types.js';
import { JaarVeld } from '../core/jaar.js';
import { BedragScalar } from '../core/scalars.js';
import { BegrotingSoort } from './begroting.entity.js';
import { NoFormula } from '../core/spreadsheet-text.js';

/**
 * What every recorded version carries: module, year, lasten and baten, adoption date, description.
 * The inputs below inherit its fields; it is used by no field of its own, so it is not in the schema.
 */
@InputType()
abstract class VersieInvoer {
  @Field(() => String)
  module!: string;

  @JaarVeld()
  jaar!: number;

  @Field(() => BedragScalar)
  lasten!: Decimal;

  @Field(() => BedragScalar)
  baten!: Decimal;

  @Field(() => LocalDate, { description: 'Datum van vaststelling door het algemeen bestuur (Wgr art. 34: de begroting in het jaar ervoor, 34b: de jaarrekening in het jaar erna).' })
  vastgesteldOp!: string;

  @Field(() => String)
  @Length(1, 300, { message: 'Omschrijving moet 1 tot 300 tekens lang zijn.' })
  @NoFormula('Omschrijving')
  omschrijving!: string;
}

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
}

@InputType({ description: 'De jaarrekening van een module: de gerealiseerde lasten en baten, vastgesteld door het algemeen bestuur na afloop van het jaar.' })
export class JaarrekeningInvoer extends VersieInvoer {}
