import { Field, ID, Int, ObjectType } from 'type-graphql';
import { BedragScalar } from '../core/scalars.js';
import { Kant } from './categorieen.js';

/** A realised amount on one Iv3 cell in one quarter, as the graph reads it (plain SQL row, amounts as text). */
@ObjectType('RealisatieRegel', { simpleResolvers: true, description: 'Gerealiseerd bedrag van een module in een kwartaal op één Iv3-cel (taakveld × economische categorie).' })
export class RealisatieRegelType {
  @Field(() => ID)
  id!: number;

  moduleId!: number;

  @Field(() => Int)
  jaar!: number;

  @Field(() => Int)
  kwartaal!: number;

  @Field(() => String)
  taakveld!: string;

  @Field(() => String, { nullable: true, description: 'Naam van het taakveld zoals die in dat jaar luidde.' })
  taakveldNaam!: string | null;

  @Field(() => String)
  categorie!: string;

  @Field(() => String, { nullable: true, description: 'Naam van de economische categorie (Iv3-lijst GR).' })
  categorieNaam!: string | null;

  @Field(() => Kant)
  kant!: Kant;

  @Field(() => BedragScalar, { description: 'Het bedrag van dit kwartaal zelf (niet cumulatief).' })
  bedrag!: string;
}

/**
 * One line of the bestuursrapportage: a module in a quarter with the budget after amendment, the
 * forecast given with that quarter and the realisation (of the quarter and year-to-date). Baten are
 * on the budget's basis: without the gemeenten' contributions (categorie 4.3.2), which have their own field.
 */
@ObjectType('BestuursrapportageRegel', { simpleResolvers: true, description: 'Een module in een kwartaal: begroot, prognose en gerealiseerd (tot en met het kwartaal).' })
export class BestuursrapportageRegelType {
  moduleId!: number;

  @Field(() => Int)
  jaar!: number;

  @Field(() => Int)
  kwartaal!: number;

  @Field(() => BedragScalar, { nullable: true, description: 'Begroting na wijziging, lasten (de actuele wijziging, anders de primitieve begroting; zie "Eén antwoord per vraag").' })
  begrootLasten!: string | null;

  @Field(() => BedragScalar, { nullable: true, description: 'Begroting na wijziging, baten (zonder de bijdragen van de gemeenten).' })
  begrootBaten!: string | null;

  @Field(() => BedragScalar, { nullable: true, description: 'Prognose voor het hele jaar, lasten, zoals gegeven bij dit kwartaal; leeg als er geen is.' })
  prognoseLasten!: string | null;

  @Field(() => BedragScalar, { nullable: true, description: 'Prognose voor het hele jaar, baten (zonder bijdragen van de gemeenten).' })
  prognoseBaten!: string | null;

  @Field(() => String, { nullable: true })
  prognoseToelichting!: string | null;

  @Field(() => BedragScalar, { description: 'Gerealiseerde lasten in dit kwartaal.' })
  gerealiseerdLasten!: string;

  @Field(() => BedragScalar, { description: 'Gerealiseerde baten in dit kwartaal, zonder de bijdragen van de gemeenten (4.3.2).' })
  gerealiseerdBaten!: string;

  @Field(() => BedragScalar, { description: 'Ontvangen bijdragen van de gemeenten in dit kwartaal (baten, categorie 4.3.2).' })
  bijdragenGemeenten!: string;

  @Field(() => BedragScalar, { description: 'Gerealiseerde lasten van kwartaal 1 tot en met dit kwartaal.' })
  gerealiseerdLastenTotNu!: string;

  @Field(() => BedragScalar, { description: 'Gerealiseerde baten (zonder bijdragen) van kwartaal 1 tot en met dit kwartaal.' })
  gerealiseerdBatenTotNu!: string;

  @Field(() => BedragScalar, { description: 'Bijdragen van de gemeenten van kwartaal 1 tot en met dit kwartaal.' })
  bijdragenGemeentenTotNu!: string;
}

@ObjectType('RealisatieVastgelegd', { simpleResolvers: true, description: 'Wat realisatieVastleggen vastlegde: de regels van het kwartaal en de regel van de bestuursrapportage.' })
export class RealisatieVastgelegdType {
  @Field(() => [RealisatieRegelType])
  regels!: RealisatieRegelType[];

  @Field(() => BestuursrapportageRegelType, { nullable: true, description: 'Leeg als het kwartaal nu leeg is (geen regels en geen prognose).' })
  bestuursrapportage!: BestuursrapportageRegelType | null;
}

/** One Iv3 cell of a delivery: the sum over all modules. */
@ObjectType('Iv3Regel', { simpleResolvers: true, description: 'Eén cel van de Iv3-verdelingsmatrix: de som over alle modules.' })
export class Iv3RegelType {
  @Field(() => Int)
  boekjaar!: number;

  @Field(() => Int, { description: '1–4: het kwartaal; 5: het jaar.' })
  periode!: number;

  @Field(() => String, { description: 'lasten of baten (de balanssecties levert de hub niet).' })
  sectie!: string;

  @Field(() => String, { description: 'De taakveldcode van CBS voor dat boekjaar (sinds 2025 bijvoorbeeld 6.752 voor 6.72d van de hub; zie README, Iv3).' })
  taakveld!: string;

  @Field(() => String, { description: 'Economische categorie uit de CBS-lijst van dat boekjaar.' })
  categorie!: string;

  @Field(() => BedragScalar, { description: 'In euro met centen.' })
  bedrag!: string;
}

@ObjectType('Iv3Aanlevering', { simpleResolvers: true, description: 'De Iv3-verdelingsmatrix van de regeling tot en met een kwartaal (periode 1–4, cumulatief vanaf 1 januari) of voor het jaar (periode 5), uit de realisatie van de hub.' })
export class Iv3AanleveringType {
  @Field(() => String, { description: 'Altijd "GR".' })
  overheidslaag!: string;

  @Field(() => Int)
  boekjaar!: number;

  @Field(() => Int, { description: '1–4: het kwartaal; 5: het jaar (som van de vier kwartalen).' })
  periode!: number;

  @Field(() => String, { description: 'Altijd "Realisatie".' })
  status!: string;

  @Field(() => [Iv3RegelType])
  lasten!: Iv3RegelType[];

  @Field(() => [Iv3RegelType])
  baten!: Iv3RegelType[];

  @Field(() => [Iv3RegelType], { description: 'Lasten en baten samen, voor de CSV- en Excel-export.' })
  regels!: Iv3RegelType[];

  @Field(() => BedragScalar)
  totaalLasten!: string;

  @Field(() => BedragScalar)
  totaalBaten!: string;
}
