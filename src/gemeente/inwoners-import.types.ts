import { Field, Int, ObjectType } from 'type-graphql';
import { ImportUitkomst, ImportWijziging } from '../core/spreadsheet-in.js';

@ObjectType('InwonerWijziging', { simpleResolvers: true, description: 'Eén regel van een inwonersimport: gemeente, jaar en wat er verandert.' })
export class InwonerWijzigingType {
  @Field(() => Int, { description: 'Rij van de regel in het bestand (zoals Excel hem toont).' })
  rij!: number;

  @Field(() => String)
  cbsCode!: string;

  @Field(() => String, { description: 'Naam van de gemeente in de hub.' })
  gemeente!: string;

  @Field(() => Int)
  jaar!: number;

  @Field(() => Boolean, { description: 'Het bestand noemde het jaar voorlopig (StatLine: "2025*").' })
  voorlopig!: boolean;

  @Field(() => ImportWijziging)
  soort!: ImportWijziging;

  @Field(() => Int, { nullable: true, description: 'Het inwonertal in de hub vóór de import; leeg bij NIEUW.' })
  oud!: number | null;

  @Field(() => Int, { description: 'Het inwonertal uit het bestand.' })
  nieuw!: number;
}

@ObjectType('InwonersImport', { simpleResolvers: true, description: 'Uitkomst van een inwonersimport (of proefdraai): per gemeente en jaar wat er verandert.' })
export class InwonersImportType extends ImportUitkomst {
  @Field(() => String, { nullable: true, description: 'De StatLine-tabel die het bestand noemt (bijvoorbeeld 70072ned), als die in de titelregels staat.' })
  tabel!: string | null;

  @Field(() => String, { description: 'De bron die bij elk nieuw of gewijzigd inwonertal wordt vastgelegd.' })
  bron!: string;

  @Field(() => Int)
  gewijzigd!: number;

  @Field(() => Int, { description: 'Regels met een voorlopig jaar (StatLine: "2025*"); het sterretje is weggelaten.' })
  voorlopig!: number;

  @Field(() => [InwonerWijzigingType], { description: 'Per regel van het bestand, op gemeente en jaar.' })
  wijzigingen!: InwonerWijzigingType[];
}
