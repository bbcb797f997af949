import { Field, Int, ObjectType } from 'type-graphql';
import { BedragScalar } from '../core/scalars.js';
import { ImportUitkomst, ImportWijziging } from '../core/spreadsheet-in.js';

@ObjectType('RealisatieImportKwartaal', { simpleResolvers: true, description: 'Eén kwartaal van één module uit een geïmporteerd bestand en wat het in de hub doet.' })
export class RealisatieImportKwartaalType {
  @Field(() => String, { description: 'Modulecode.' })
  module!: string;

  @Field(() => Int)
  jaar!: number;

  @Field(() => Int)
  kwartaal!: number;

  @Field(() => [Int], { description: 'De rijen van het blad Realisatie (zoals Excel ze toont) met een bedrag voor dit kwartaal.' })
  rijen!: number[];

  @Field(() => Int, { description: 'Zoveel Iv3-cellen (taakveld × categorie × kant) heeft het kwartaal na de import.' })
  regels!: number;

  @Field(() => BedragScalar, { description: 'Gerealiseerde lasten van het kwartaal volgens het bestand.' })
  lasten!: string;

  @Field(() => BedragScalar, { description: 'Gerealiseerde baten van het kwartaal volgens het bestand (met de bijdragen van de gemeenten).' })
  baten!: string;

  @Field(() => BedragScalar, { nullable: true, description: 'De lasten die de hub voor dit kwartaal had; leeg als het kwartaal nieuw is.' })
  oudeLasten!: string | null;

  @Field(() => BedragScalar, { nullable: true, description: 'De baten die de hub voor dit kwartaal had; leeg als het kwartaal nieuw is.' })
  oudeBaten!: string | null;

  @Field(() => BedragScalar, { nullable: true, description: 'Prognose voor het jaar, lasten, na de import (leeg: geen prognose).' })
  prognoseLasten!: string | null;

  @Field(() => BedragScalar, { nullable: true, description: 'Prognose voor het jaar, baten, na de import.' })
  prognoseBaten!: string | null;

  @Field(() => Boolean, { description: 'Waar als het bestand de prognose van dit kwartaal gaf; onwaar: de hub hield de prognose die hij had.' })
  prognoseUitBestand!: boolean;

  @Field(() => ImportWijziging, { description: 'NIEUW: de hub had dit kwartaal niet; GEWIJZIGD: vervangt het hele kwartaal (het oude staat in het auditlog); GELIJK: ongemoeid.' })
  wijziging!: ImportWijziging;
}

@ObjectType('RealisatieImport', { simpleResolvers: true, description: 'Uitkomst van een import van de kwartaalrealisatie (of proefdraai).' })
export class RealisatieImportType extends ImportUitkomst {
  @Field(() => Int, { description: 'Zoveel kwartalen worden vervangen.' })
  gewijzigd!: number;

  @Field(() => BedragScalar, { description: 'Som van de lasten van alle kwartalen in het bestand.' })
  totaalLasten!: string;

  @Field(() => BedragScalar, { description: 'Som van de baten van alle kwartalen in het bestand.' })
  totaalBaten!: string;

  @Field(() => [RealisatieImportKwartaalType], { description: 'Per kwartaal, op module, jaar en kwartaal.' })
  kwartalen!: RealisatieImportKwartaalType[];
}
