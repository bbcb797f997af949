import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { registerEnumType } from 'type-graphql';
import { Begroting } from '../begroting/begroting.entity.js';
import { Jaarrekening } from '../begroting/jaarrekening.entity.js';
import { Gemeente } from '../gemeente/gemeente.entity.js';
import { Module } from '../module/module.entity.js';

export enum PcDocumentSoort {
  KADERNOTA = 'KADERNOTA',
  ONTWERPBEGROTING = 'ONTWERPBEGROTING',
  BEGROTING = 'BEGROTING',
  BEGROTINGSWIJZIGING = 'BEGROTINGSWIJZIGING',
  VOORLOPIGE_JAARREKENING = 'VOORLOPIGE_JAARREKENING',
  JAARREKENING = 'JAARREKENING',
  UITVOERINGSPLAN = 'UITVOERINGSPLAN',
  UITVOERINGSPROGRAMMA = 'UITVOERINGSPROGRAMMA',
}
registerEnumType(PcDocumentSoort, {
  name: 'PcDocumentSoort',
  description:
    'Soort stuk van de planning-en-controlcyclus. Het jaar van een kadernota, (ontwerp)begroting, wijziging en uitvoeringsprogramma is het begrotingsjaar; ' +
    'van een (voorlopige) jaarrekening het verslagjaar; een uitvoeringsplan loopt van jaar tot en met totJaar (vier jaar).',
});

/** Steps only move forward, in this order (the enum order is the order of the steps). */
export enum PcDocumentStatus {
  CONCEPT = 'CONCEPT',
  VOOR_ZIENSWIJZE = 'VOOR_ZIENSWIJZE',
  VASTGESTELD = 'VASTGESTELD',
  VERZONDEN = 'VERZONDEN',
}
registerEnumType(PcDocumentStatus, {
  name: 'PcDocumentStatus',
  description:
    'Concept; naar de raden verzonden (voor zienswijze, of ter informatie waar de wet geen zienswijze kent); vastgesteld door het algemeen bestuur; ' +
    'verzonden aan de toezichthouder (Gedeputeerde Staten). Een status gaat alleen vooruit.',
});

/** A stage of a document that a deadline can be about, or that a deadline counts from. */
export enum PcStap {
  VERZONDEN_AAN_RADEN = 'VERZONDEN_AAN_RADEN',
  ZIENSWIJZE = 'ZIENSWIJZE',
  VASTGESTELD = 'VASTGESTELD',
  VERZONDEN_AAN_TOEZICHTHOUDER = 'VERZONDEN_AAN_TOEZICHTHOUDER',
}
registerEnumType(PcStap, {
  name: 'PcStap',
  description: 'Stap van een P&C-stuk: verzonden aan de raden, zienswijze van een raad (per raad), vastgesteld door het AB, verzonden aan de toezichthouder.',
});

export enum ZienswijzeGevolgd {
  JA = 'JA',
  NEE = 'NEE',
  GEDEELTELIJK = 'GEDEELTELIJK',
}
registerEnumType(ZienswijzeGevolgd, { name: 'ZienswijzeGevolgd', description: 'Of het algemeen bestuur de zienswijze heeft gevolgd.' });

/** A document of the planning-and-control cycle. Write model; the graph reads PcDocumentType. */
@Entity({ tableName: 'pc_document' })
@Unique({ name: 'pc_document_soort_jaar_titel_unique', properties: ['soort', 'jaar', 'titel'] })
@Check({ name: 'pc_document_jaar_check', expression: 'jaar >= 2000 and jaar <= 2200 and (tot_jaar is null or (tot_jaar >= jaar and tot_jaar <= 2200))' })
@Check({
  name: 'pc_document_volgorde_check',
  expression:
    '(vastgesteld_op is null or verzonden_aan_raden_op is null or vastgesteld_op >= verzonden_aan_raden_op) ' +
    'and (verzonden_aan_toezichthouder_op is null or (vastgesteld_op is not null and verzonden_aan_toezichthouder_op >= vastgesteld_op))',
})
export class PcDocument {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Enum({ items: () => PcDocumentSoort })
  soort!: PcDocumentSoort;

  @Property({ type: 'smallint' })
  jaar!: number;

  @Property({ type: 'smallint', nullable: true })
  totJaar?: number | null;

  @Property({ type: 'string', length: 300 })
  titel!: string;

  @Enum({ items: () => PcDocumentStatus })
  status!: PcDocumentStatus;

  @Property({ type: 'date', nullable: true })
  verzondenAanRadenOp?: string | null;

  @Property({ type: 'date', nullable: true })
  zienswijzetermijnTot?: string | null;

  @Property({ type: 'date', nullable: true })
  vastgesteldOp?: string | null;

  @Property({ type: 'date', nullable: true })
  verzondenAanToezichthouderOp?: string | null;
}

/** The modules a document is about; none = all modules. */
@Entity({ tableName: 'pc_document_module' })
@Unique({ name: 'pc_document_module_unique', properties: ['document', 'module'] })
export class PcDocumentModule {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne({ entity: () => PcDocument, deleteRule: 'cascade' })
  document!: PcDocument;

  @ManyToOne({ entity: () => Module, deleteRule: 'restrict' })
  @Index({ name: 'pc_document_module_module_idx' })
  module!: Module;
}

/**
 * The budget figures a document carries: existing begroting versions, linked from here so that the
 * begroting table and every reader of it stay as they are. A version belongs to one document at most.
 */
@Entity({ tableName: 'pc_document_begroting' })
export class PcDocumentBegroting {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne({ entity: () => PcDocument, deleteRule: 'cascade' })
  @Index({ name: 'pc_document_begroting_document_idx' })
  document!: PcDocument;

  @ManyToOne({ entity: () => Begroting, deleteRule: 'restrict' })
  @Unique({ name: 'pc_document_begroting_begroting_unique' })
  begroting!: Begroting;
}

/**
 * The jaarrekeningen a (voorlopige) jaarrekening document carries. A jaarrekening belongs to at most
 * one document of each kind (the voorlopige and the vastgestelde jaarrekening may both carry it);
 * pc.service.ts checks that, this table only refuses a double link to one document.
 */
@Entity({ tableName: 'pc_document_jaarrekening' })
@Unique({ name: 'pc_document_jaarrekening_unique', properties: ['document', 'jaarrekening'] })
export class PcDocumentJaarrekening {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne({ entity: () => PcDocument, deleteRule: 'cascade' })
  document!: PcDocument;

  @ManyToOne({ entity: () => Jaarrekening, deleteRule: 'restrict' })
  @Index({ name: 'pc_document_jaarrekening_jaarrekening_idx' })
  jaarrekening!: Jaarrekening;
}

/** A raad's zienswijze on a document, with the DB's reaction and the AB's decision. */
@Entity({ tableName: 'zienswijze' })
@Unique({ name: 'zienswijze_document_gemeente_unique', properties: ['document', 'gemeente'] })
@Check({ name: 'zienswijze_reactie_check', expression: '(reactie_db is null) = (reactie_db_op is null)' })
export class Zienswijze {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne({ entity: () => PcDocument, deleteRule: 'restrict' })
  document!: PcDocument;

  @ManyToOne({ entity: () => Gemeente, deleteRule: 'restrict' })
  @Index({ name: 'zienswijze_gemeente_idx' })
  gemeente!: Gemeente;

  @Property({ type: 'date' })
  ontvangenOp!: string;

  @Property({ type: 'text' })
  samenvatting!: string;

  @Property({ type: 'text', nullable: true })
  reactieDb?: string | null;

  @Property({ type: 'date', nullable: true })
  reactieDbOp?: string | null;

  @Enum({ items: () => ZienswijzeGevolgd, nullable: true })
  gevolgdDoorAb?: ZienswijzeGevolgd | null;
}

export enum TermijnSoort {
  VASTE_DATUM = 'VASTE_DATUM',
  WEKEN_NA = 'WEKEN_NA',
  WEKEN_NA_UITERLIJK = 'WEKEN_NA_UITERLIJK',
}
registerEnumType(TermijnSoort, {
  name: 'TermijnSoort',
  description:
    'Vaste datum: vóór dag/maand van documentjaar + jaarVerschil. Weken na: N weken na een stap van het stuk. ' +
    'Weken na, uiterlijk: N weken na een stap, maar vóór de vaste datum (de vroegste van de twee).',
});

/**
 * When a step of a kind of document must be done. "Vóór 15 september" is stored as 15 September and
 * means 14 September at the latest. One rule per document kind and step.
 */
@Entity({ tableName: 'termijnregel' })
@Unique({ name: 'termijnregel_soort_stap_unique', properties: ['documentsoort', 'stap'] })
@Check({
  name: 'termijnregel_vorm_check',
  expression:
    "(soort = 'VASTE_DATUM' and voor_maand is not null and voor_dag is not null and jaar_verschil is not null and weken is null and na_stap is null) " +
    "or (soort = 'WEKEN_NA' and weken is not null and na_stap is not null and voor_maand is null and voor_dag is null and jaar_verschil is null) " +
    "or (soort = 'WEKEN_NA_UITERLIJK' and weken is not null and na_stap is not null and voor_maand is not null and voor_dag is not null and jaar_verschil is not null)",
})
@Check({ name: 'termijnregel_waarden_check', expression: '(weken is null or (weken >= 0 and weken <= 104)) and (voor_maand is null or (voor_maand >= 1 and voor_maand <= 12)) and (voor_dag is null or (voor_dag >= 1 and voor_dag <= 31)) and (jaar_verschil is null or abs(jaar_verschil) <= 2)' })
export class Termijnregel {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'string', length: 60 })
  @Unique({ name: 'termijnregel_code_unique' })
  code!: string;

  @Enum({ items: () => PcDocumentSoort })
  documentsoort!: PcDocumentSoort;

  @Enum({ items: () => PcStap })
  stap!: PcStap;

  @Enum({ items: () => TermijnSoort })
  soort!: TermijnSoort;

  @Property({ type: 'smallint', nullable: true })
  weken?: number | null;

  @Enum({ items: () => PcStap, nullable: true })
  naStap?: PcStap | null;

  @Property({ type: 'smallint', nullable: true })
  voorMaand?: number | null;

  @Property({ type: 'smallint', nullable: true })
  voorDag?: number | null;

  @Property({ type: 'smallint', nullable: true })
  jaarVerschil?: number | null;

  @Property({ type: 'text' })
  omschrijving!: string;

  @Property({ type: 'text' })
  grondslag!: string;
}
