import { Field, Int, ObjectType } from 'type-graphql';
import { DecimaalScalar } from '../core/scalars.js';
import { ImportUitkomst, ImportWijziging } from '../core/spreadsheet-in.js';
import { Grondslag } from './verdeelsleutel.entity.js';

@ObjectType('VerdeelsleutelImportEenheid', { simpleResolvers: true, description: 'De eenheden van één gemeente in een geïmporteerde verdeelsleutel: oud en nieuw.' })
export class VerdeelsleutelImportEenheidType {
  @Field(() => Int, { nullable: true, description: 'Rij in het bestand; leeg voor een gemeente die uit de sleutel verdwijnt.' })
  rij!: number | null;

  @Field(() => String)
  cbsCode!: string;

  @Field(() => String)
  gemeente!: string;

  @Field(() => DecimaalScalar, { nullable: true, description: 'Eenheden in de hub vóór de import; leeg als de gemeente er nog niet in stond.' })
  oud!: string | null;

  @Field(() => DecimaalScalar, { nullable: true, description: 'Eenheden uit het bestand; leeg als de gemeente uit de sleutel verdwijnt.' })
  nieuw!: string | null;

  @Field(() => String, { nullable: true })
  bron!: string | null;
}

@ObjectType('VerdeelsleutelImportRegel', { simpleResolvers: true, description: 'Eén verdeelsleutel (module en jaar) uit een geïmporteerd bestand en wat die in de hub doet.' })
export class VerdeelsleutelImportRegelType {
  @Field(() => Int, { description: 'Eerste rij van de sleutel in het bestand.' })
  rij!: number;

  @Field(() => String, { description: 'Modulecode.' })
  module!: string;

  @Field(() => Int)
  jaar!: number;

  @Field(() => Grondslag)
  grondslag!: Grondslag;

  @Field(() => Grondslag, { nullable: true, description: 'De grondslag in de hub vóór de import; leeg bij NIEUW.' })
  oudeGrondslag!: Grondslag | null;

  @Field(() => String)
  omschrijving!: string;

  @Field(() => ImportWijziging)
  wijziging!: ImportWijziging;

  @Field(() => [VerdeelsleutelImportEenheidType], { description: 'Per gemeente, op naam.' })
  eenheden!: VerdeelsleutelImportEenheidType[];
}

@ObjectType('VerdeelsleutelsImport', { simpleResolvers: true, description: 'Uitkomst van een import van verdeelsleutels (of proefdraai).' })
export class VerdeelsleutelsImportType extends ImportUitkomst {
  @Field(() => Int)
  gewijzigd!: number;

  @Field(() => [String], { description: 'Sleutels in het bestand zonder ingevulde eenheden (het sjabloon biedt ze aan); die blijven ongemoeid.' })
  overgeslagen!: string[];

  @Field(() => [VerdeelsleutelImportRegelType], { description: 'Per sleutel, op module en jaar.' })
  sleutels!: VerdeelsleutelImportRegelType[];
}
