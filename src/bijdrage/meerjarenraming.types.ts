import { Field, Int, ObjectType } from 'type-graphql';
import { RamingBedragen } from '../begroting/begroting.types.js';
import { BedragScalar, DecimaalScalar } from '../core/scalars.js';

@ObjectType('RamingBijdrage', { simpleResolvers: true, description: 'De geraamde bijdrage van één gemeente aan een module in een raming-jaar.' })
export class RamingBijdrage {
  gemeenteId!: number;

  @Field(() => BedragScalar)
  bedrag!: string;

  @Field(() => DecimaalScalar, { description: 'Exact aandeel in de netto lasten (gewicht / som van de gewichten), vóór afronding op centen.' })
  aandeel!: string;
}

@ObjectType('RamingJaar', { simpleResolvers: true, description: 'Eén jaar van de meerjarenraming van een module, verdeeld over de gemeenten.' })
export class RamingJaar extends RamingBedragen {

  @Field(() => Int, { nullable: true, description: 'Het jaar van de verdeelsleutel waarmee verdeeld is: die van het raming-jaar als die er al is, anders de laatste ervoor.' })
  sleuteljaar!: number | null;

  @Field(() => [RamingBijdrage], { description: 'Per deelnemende gemeente (op CBS-code); samen precies de netto lasten. Leeg zonder sleutel of deelnemers.' })
  bijdragen!: RamingBijdrage[];
}

@ObjectType('RamingModule', { simpleResolvers: true, description: 'De meerjarenraming van één module: uit welke begrotingsversie, en per jaar.' })
export class RamingModule {
  moduleId!: number;

  begrotingId!: number;

  /** The module's BBV taakveld (where its contributions are booked), for the cost overview's filter. */
  taakveld!: string | null;

  @Field(() => [RamingJaar])
  jaren!: RamingJaar[];
}

@ObjectType('RamingGemeente', { simpleResolvers: true, description: 'De geraamde bijdrage van een gemeente aan alle modules samen in een raming-jaar.' })
export class RamingGemeente {
  gemeenteId!: number;

  @Field(() => Int)
  jaar!: number;

  @Field(() => BedragScalar)
  bedrag!: string;
}

@ObjectType('Meerjarenraming', { simpleResolvers: true, description: 'De meerjarenraming bij de begroting van een jaar: per module de jaren t+1 … t+3 en de bijdragen per gemeente.' })
export class Meerjarenraming {
  @Field(() => Int)
  begrotingsjaar!: number;

  @Field(() => [RamingModule])
  modules!: RamingModule[];

  @Field(() => [RamingGemeente], { description: 'Per gemeente en raming-jaar de som over de modules.' })
  perGemeente!: RamingGemeente[];
}
