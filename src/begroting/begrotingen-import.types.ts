import { Field, Int, ObjectType } from 'type-graphql';
import { LocalDate } from '../core/graphql-types.js';
import { BedragScalar } from '../core/scalars.js';
import { ImportUitkomst, ImportWijziging } from '../core/spreadsheet-in.js';
import { BegrotingSoort } from './begroting.entity.js';

@ObjectType('BegrotingImportRegel', { simpleResolvers: true, description: 'Eén begrotingsversie uit een geïmporteerd bestand en wat die in de hub doet.' })
export class BegrotingImportRegelType {
  @Field(() => Int, { description: 'Rij in het bestand (zoals Excel hem toont).' })
  rij!: number;

  @Field(() => String, { description: 'Modulecode.' })
  module!: string;

  @Field(() => Int)
  jaar!: number;

  @Field(() => BegrotingSoort)
  soort!: BegrotingSoort;

  @Field(() => Int, { description: 'Het volgnummer dat de versie heeft of krijgt (0 voor de primitieve begroting).' })
  volgnummer!: number;

  @Field(() => BedragScalar)
  lasten!: string;

  @Field(() => BedragScalar)
  baten!: string;

  @Field(() => LocalDate)
  vastgesteldOp!: string;

  @Field(() => String)
  omschrijving!: string;

  @Field(() => ImportWijziging, { description: 'NIEUW: wordt vastgelegd; GELIJK: de hub heeft deze versie al precies zo. Versies worden nooit gewijzigd.' })
  wijziging!: ImportWijziging;
}

@ObjectType('BegrotingenImport', { simpleResolvers: true, description: 'Uitkomst van een import van begrotingsversies (of proefdraai).' })
export class BegrotingenImportType extends ImportUitkomst {
  @Field(() => [BegrotingImportRegelType], { description: 'Per versie, op module, jaar, soort en volgnummer.' })
  versies!: BegrotingImportRegelType[];
}
