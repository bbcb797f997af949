import { type Opt, Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { registerEnumType } from 'type-graphql';
import { Begroting } from '../begroting/begroting.entity.js';
import { Jaarrekening } from '../begroting/jaarrekening.entity.js';
import { NumericType, type Decimal } from '../core/decimal.js';
import { Gemeente } from '../gemeente/gemeente.entity.js';
import { Module } from '../module/module.entity.js';
import { Verdeelsleutel } from '../verdeelsleutel/verdeelsleutel.entity.js';

export enum Fase {
  BEGROOT = 'BEGROOT',
  GEWIJZIGD = 'GEWIJZIGD',
  GEREALISEERD = 'GEREALISEERD',
}
registerEnumType(Fase, {
  name: 'Fase',
  description: 'Begrotingsfase van een bijdrage; elke fase heeft één actuele versie per module en jaar.',
  valuesConfig: {
    BEGROOT: { description: 'Primitieve begroting (begroting vóór wijziging), vastgesteld in het jaar ervoor.' },
    GEWIJZIGD: { description: 'De laatste begrotingswijziging die geldt (met berekende bijdragen).' },
    GEREALISEERD: { description: 'Realisatie volgens de jaarrekening.' },
  },
});

/**
 * What one gemeente pays one module for a year in one phase, with its provenance: the budget
 * version and allocation key it was computed from, the gemeente's units, participation days and share.
 * Write model; the graph reads BijdrageType.
 */
@Entity({ tableName: 'bijdrage' })
// One contribution per gemeente per budget version or jaarrekening (which fixes module, year and
// phase); it also serves the look-up of a version's or jaarrekening's contributions.
@Unique({ name: 'bijdrage_unique', properties: ['begroting', 'gemeente'] })
@Unique({ name: 'bijdrage_jaarrekening_unique', properties: ['jaarrekening', 'gemeente'] })
@Index({ name: 'bijdrage_jaar_fase_idx', properties: ['jaar', 'fase', 'gemeente', 'module'] })
@Index({ name: 'bijdrage_module_jaar_idx', properties: ['module', 'jaar'] })
@Check({ name: 'bijdrage_jaar_check', expression: 'jaar >= 2000 and jaar <= 2200' })
@Check({ name: 'bijdrage_taakveld_check', expression: "taakveld ~ '^[0-8]\\.[0-9]{1,2}[a-z]?$'" })
@Check({ name: 'bijdrage_aandeel_check', expression: 'aandeel is null or (aandeel >= 0 and aandeel <= 1)' })
// Budgeted and amended contributions come from a budget version, realised ones from the jaarrekening.
@Check({
  name: 'bijdrage_bron_check',
  expression: "(begroting_id is null) <> (jaarrekening_id is null) and (jaarrekening_id is not null) = (fase = 'GEREALISEERD')",
})
@Check({ name: 'bijdrage_dagen_check', expression: 'deelname_dagen is null or deelname_dagen >= 0 and deelname_dagen <= 366' })
export class Bijdrage {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne({ entity: () => Gemeente, deleteRule: 'restrict' })
  gemeente!: Gemeente;

  @ManyToOne({ entity: () => Module, deleteRule: 'restrict' })
  module!: Module;

  @Property({ type: 'smallint' })
  jaar!: number;

  @Enum({ items: () => Fase })
  fase!: Fase;

  @Property({ type: NumericType, precision: 15, scale: 2 })
  bedrag!: Decimal;

  @Property({ type: 'string', length: 5 })
  taakveld!: string;

  /** Provenance of a budgeted or amended amount: the budget version it was computed from; which versions are current: actueel.service.ts. */
  @ManyToOne({ entity: () => Begroting, nullable: true, deleteRule: 'restrict' })
  begroting?: Begroting | null;

  /** Provenance of a realised amount: the module's jaarrekening of the year (exactly one of begroting and jaarrekening). */
  @ManyToOne({ entity: () => Jaarrekening, nullable: true, deleteRule: 'restrict' })
  jaarrekening?: Jaarrekening | null;

  @ManyToOne({ entity: () => Verdeelsleutel, nullable: true, deleteRule: 'restrict' })
  verdeelsleutel?: Verdeelsleutel | null;

  @Property({ type: NumericType, precision: 14, scale: 4, nullable: true })
  eenheden?: Decimal | null;

  @Property({ type: 'smallint', nullable: true })
  deelnameDagen?: number | null;

  @Property({ type: NumericType, precision: 12, scale: 10, nullable: true })
  aandeel?: Decimal | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  berekendOp: Opt<Date> = new Date();
}
