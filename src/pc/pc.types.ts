import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '../core/graphql-types.js';
import { ReadModel } from '../core/read-model.js';
import { GemeenteType } from '../gemeente/gemeente.types.js';
import { PcDocument, PcDocumentSoort, PcDocumentStatus, PcStap, Termijnregel, TermijnSoort, Zienswijze, ZienswijzeGevolgd } from './pc.entity.js';

/** A P&C document as the graph reads it. */
@ObjectType('PcDocument', { simpleResolvers: true, description: 'Stuk van de planning-en-controlcyclus (kadernota, begroting, jaarrekening, uitvoeringsplan …).' })
export class PcDocumentType {
  @Field(() => ID)
  id!: number;

  @Field(() => PcDocumentSoort)
  soort!: PcDocumentSoort;

  @Field(() => Int, { description: 'Begrotingsjaar, verslagjaar of eerste planjaar (zie PcDocumentSoort).' })
  jaar!: number;

  @Field(() => Int, { nullable: true, description: 'Laatste jaar van een meerjarig stuk (uitvoeringsplan); leeg = alleen jaar.' })
  totJaar!: number | null;

  @Field(() => String)
  titel!: string;

  @Field(() => PcDocumentStatus)
  status!: PcDocumentStatus;

  @Field(() => LocalDate, { nullable: true, description: 'Datum waarop het dagelijks bestuur het stuk aan de raden zond.' })
  verzondenAanRadenOp!: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Laatste dag van de zienswijzetermijn van de raden, berekend uit de termijnregel bij verzending.' })
  zienswijzetermijnTot!: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Datum van vaststelling door het algemeen bestuur.' })
  vastgesteldOp!: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Datum van toezending aan de toezichthouder (Gedeputeerde Staten).' })
  verzondenAanToezichthouderOp!: string | null;
}

export const pcDocumentLezen = new ReadModel(PcDocument, PcDocumentType, {
  id: 'e.id',
  soort: 'e.soort',
  jaar: 'e.jaar',
  totJaar: 'e.tot_jaar',
  titel: 'e.titel',
  status: 'e.status',
  verzondenAanRadenOp: 'e.verzonden_aan_raden_op::text',
  zienswijzetermijnTot: 'e.zienswijzetermijn_tot::text',
  vastgesteldOp: 'e.vastgesteld_op::text',
  verzondenAanToezichthouderOp: 'e.verzonden_aan_toezichthouder_op::text',
});

/** A zienswijze as the graph reads it; teLaat compares with the document's term. */
@ObjectType('Zienswijze', { simpleResolvers: true, description: 'Zienswijze van een gemeenteraad op een P&C-stuk, met de reactie van het DB en het besluit van het AB.' })
export class ZienswijzeType {
  @Field(() => ID)
  id!: number;

  documentId!: number;

  gemeenteId!: number;

  @Field(() => LocalDate)
  ontvangenOp!: string;

  @Field(() => String)
  samenvatting!: string;

  @Field(() => String, { nullable: true, description: 'Schriftelijke, gemotiveerde reactie van het dagelijks bestuur (Wgr art. 35 lid 3).' })
  reactieDb!: string | null;

  @Field(() => LocalDate, { nullable: true })
  reactieDbOp!: string | null;

  @Field(() => ZienswijzeGevolgd, { nullable: true, description: 'Of het AB de zienswijze volgde; leeg tot het AB besloot.' })
  gevolgdDoorAb!: ZienswijzeGevolgd | null;

  @Field(() => Boolean, {
    description: 'Ontvangen na het einde van de zienswijzetermijn. Vastgelegd en gemarkeerd: de Wgr verbindt er geen sanctie aan, het AB hoeft er niet op te wachten.',
  })
  teLaat!: boolean;
}

export const zienswijzeLezen = new ReadModel(Zienswijze, ZienswijzeType, {
  id: 'e.id',
  documentId: 'e.document_id',
  gemeenteId: 'e.gemeente_id',
  ontvangenOp: 'e.ontvangen_op::text',
  samenvatting: 'e.samenvatting',
  reactieDb: 'e.reactie_db',
  reactieDbOp: 'e.reactie_db_op::text',
  gevolgdDoorAb: 'e.gevolgd_door_ab',
  teLaat: 'coalesce(e.ontvangen_op > (select d.zienswijzetermijn_tot from pc_document d where d.id = e.document_id), false)',
});

@ObjectType('Termijnregel', { simpleResolvers: true, description: 'Wanneer een stap van een soort P&C-stuk uiterlijk gedaan moet zijn, met de wettelijke grondslag.' })
export class TermijnregelType {
  @Field(() => ID)
  id!: number;

  @Field(() => String)
  code!: string;

  @Field(() => PcDocumentSoort)
  documentsoort!: PcDocumentSoort;

  @Field(() => PcStap)
  stap!: PcStap;

  @Field(() => TermijnSoort)
  soort!: TermijnSoort;

  @Field(() => Int, { nullable: true, description: 'Aantal weken na naStap.' })
  weken!: number | null;

  @Field(() => PcStap, { nullable: true })
  naStap!: PcStap | null;

  @Field(() => Int, { nullable: true, description: 'Maand van de vaste datum ("vóór"; de dag ervoor is de laatste dag).' })
  voorMaand!: number | null;

  @Field(() => Int, { nullable: true, description: 'Dag van de vaste datum ("vóór 15 september": 15).' })
  voorDag!: number | null;

  @Field(() => Int, { nullable: true, description: 'Jaar van de vaste datum ten opzichte van het documentjaar (−1 = het jaar ervoor).' })
  jaarVerschil!: number | null;

  @Field(() => String)
  omschrijving!: string;

  @Field(() => String, { description: 'Wettelijke grondslag, met wat niet is geverifieerd.' })
  grondslag!: string;
}

export const termijnregelLezen = new ReadModel(Termijnregel, TermijnregelType, {
  id: 'e.id',
  code: 'e.code',
  documentsoort: 'e.documentsoort',
  stap: 'e.stap',
  soort: 'e.soort',
  weken: 'e.weken',
  naStap: 'e.na_stap',
  voorMaand: 'e.voor_maand',
  voorDag: 'e.voor_dag',
  jaarVerschil: 'e.jaar_verschil',
  omschrijving: 'e.omschrijving',
  grondslag: 'e.grondslag',
});

export enum TermijnStatus {
  OPEN = 'OPEN',
  OP_TIJD = 'OP_TIJD',
  TE_LAAT = 'TE_LAAT',
  GEDAAN = 'GEDAAN',
  GEDAAN_TE_LAAT = 'GEDAAN_TE_LAAT',
}
registerEnumType(TermijnStatus, {
  name: 'TermijnStatus',
  description:
    'OPEN: nog niet gedaan en de uiterste datum is nog niet bekend (de stap waar de termijn op telt is nog niet gezet). OP_TIJD: nog niet gedaan, de uiterste datum is nog niet voorbij. ' +
    'TE_LAAT: nog niet gedaan en de uiterste datum is voorbij (bij een zienswijze: geen zienswijze binnen de termijn). GEDAAN: op tijd gedaan. GEDAAN_TE_LAAT: na de uiterste datum gedaan.',
});

/** One deadline of the calendar: a document's step by a rule, per raad for zienswijzen. */
@ObjectType('PcTermijn', { simpleResolvers: true, description: 'Eén termijn van de P&C-kalender: een stap van een stuk volgens een termijnregel; bij zienswijzen één per raad.' })
export class PcTermijnType {
  @Field(() => PcDocumentType)
  document!: PcDocumentType;

  @Field(() => TermijnregelType)
  regel!: TermijnregelType;

  @Field(() => GemeenteType, { nullable: true, description: 'De raad, bij een zienswijze; leeg bij een stap van het bestuur.' })
  gemeente!: GemeenteType | null;

  @Field(() => LocalDate, { nullable: true, description: 'Laatste dag; leeg zolang de stap waar de termijn op telt niet is gezet.' })
  uiterlijk!: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Wanneer de stap is gedaan (bij een zienswijze: ontvangen op).' })
  gedaanOp!: string | null;

  @Field(() => TermijnStatus)
  status!: TermijnStatus;
}

@ObjectType('OpenstaandeZienswijzen', { simpleResolvers: true, description: 'Welke deelnemende raden nog geen zienswijze gaven, en tot wanneer de termijn loopt.' })
export class OpenstaandeZienswijzenType {
  @Field(() => LocalDate, { nullable: true, description: 'Laatste dag van de zienswijzetermijn; leeg zolang het stuk niet aan de raden is verzonden.' })
  termijnTot!: string | null;

  @Field(() => [GemeenteType], { description: 'Deelnemende raden zonder zienswijze (voor een gemeente: alleen de eigen raad).' })
  gemeenten!: GemeenteType[];
}
