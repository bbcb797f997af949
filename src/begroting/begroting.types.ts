import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDate } from '../core/graphql-types.js';
import { ReadModel } from '../core/read-model.js';
import { BedragScalar } from '../core/scalars.js';
import { Begroting, BegrotingSoort } from './begroting.entity.js';
import { BegrotingRaming } from './begroting-raming.entity.js';

/** A module's budget version for a year, as the graph reads it. Amounts are PostgreSQL's text (see ReadModel). */
@ObjectType('Begroting', { simpleResolvers: true, description: 'Begrotingsversie van een module voor een jaar.' })
export class BegrotingType {
  @Field(() => ID)
  id!: number;

  moduleId!: number;

  @Field(() => Int)
  jaar!: number;

  @Field(() => BegrotingSoort)
  soort!: BegrotingSoort;

  @Field(() => Int, { description: '0 voor de primitieve begroting; 1, 2, … voor begrotingswijzigingen.' })
  volgnummer!: number;

  @Field(() => BedragScalar)
  lasten!: string;

  @Field(() => BedragScalar)
  baten!: string;

  @Field(() => LocalDate, { description: 'Datum van vaststelling door het algemeen bestuur.' })
  vastgesteldOp!: string;

  @Field(() => String)
  omschrijving!: string;

  // Not called "saldo": in BBV the saldo van baten en lasten is baten − lasten, the opposite sign.
  @Field(() => BedragScalar, { description: 'Netto lasten (lasten − baten): wat de deelnemende gemeenten samen betalen en wat de verdeelsleutel verdeelt.' })
  nettoLasten!: string;
}

/**
 * How the graph reads budget versions (see ReadModel). The difference of two numeric(15,2) keeps
 * scale 2, so the net charges come out in the Bedrag form as well.
 */
export const begrotingLezen = new ReadModel(Begroting, BegrotingType, {
  id: 'e.id',
  moduleId: 'e.module_id',
  jaar: 'e.jaar',
  soort: 'e.soort',
  volgnummer: 'e.volgnummer',
  lasten: 'e.lasten::text',
  baten: 'e.baten::text',
  vastgesteldOp: 'e.vastgesteld_op::text',
  omschrijving: 'e.omschrijving',
  nettoLasten: '(e.lasten - e.baten)::text',
});

/** A year of a meerjarenraming with its amounts; the types below inherit it, it is not in the schema itself. */
@ObjectType()
export abstract class RamingBedragen {
  @Field(() => Int)
  jaar!: number;

  @Field(() => BedragScalar)
  lasten!: string;

  @Field(() => BedragScalar)
  baten!: string;

  @Field(() => BedragScalar, { description: 'Netto lasten (lasten − baten) van dat jaar: wat de gemeenten naar verwachting samen betalen.' })
  nettoLasten!: string;
}

/** One year of a version's meerjarenraming, as the graph reads it. */
@ObjectType('BegrotingRaming', { simpleResolvers: true, description: 'Eén jaar van de meerjarenraming van een begrotingsversie (t+1 … t+3).' })
export class BegrotingRamingType extends RamingBedragen {
  @Field(() => ID)
  id!: number;

  begrotingId!: number;
}

export const begrotingRamingLezen = new ReadModel(BegrotingRaming, BegrotingRamingType, {
  id: 'e.id',
  begrotingId: 'e.begroting_id',
  jaar: 'e.jaar',
  lasten: 'e.lasten::text',
  baten: 'e.baten::text',
  nettoLasten: '(e.lasten - e.baten)::text',
});
