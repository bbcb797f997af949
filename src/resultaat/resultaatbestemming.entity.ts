import { Check, Entity, Enum, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { registerEnumType } from 'type-graphql';
import { NumericType, type Decimal } from '../core/decimal.js';
import { Module } from '../module/module.entity.js';
import { Reserve } from './reserve.entity.js';

export enum BestemmingSoort {
  TERUGBETALEN_AAN_GEMEENTEN = 'TERUGBETALEN_AAN_GEMEENTEN',
  BIJ_TE_BETALEN_DOOR_GEMEENTEN = 'BIJ_TE_BETALEN_DOOR_GEMEENTEN',
  TOEVOEGEN_AAN_RESERVE = 'TOEVOEGEN_AAN_RESERVE',
  ONTTREKKEN_AAN_RESERVE = 'ONTTREKKEN_AAN_RESERVE',
}
registerEnumType(BestemmingSoort, {
  name: 'BestemmingSoort',
  description:
    'Wat het algemeen bestuur met (een deel van) het resultaat doet: terugbetalen aan of laten bijbetalen door de deelnemende gemeenten ' +
    '(naar de verdeelsleutel van het jaar), of toevoegen aan of onttrekken aan een reserve.',
});

/**
 * The AB's decision on a module's result of a year (after the jaarrekening). Its lines add up exactly to
 * the result it records. A withdrawn decision stays, with who withdrew it, when and why; at most one per
 * module and year is in force. Write model; the graph reads ResultaatbestemmingType.
 */
@Entity({ tableName: 'resultaatbestemming' })
@Unique({
  name: 'resultaatbestemming_module_jaar_unique',
  expression: 'create unique index "resultaatbestemming_module_jaar_unique" on "resultaatbestemming" ("module_id", "jaar") where "ingetrokken_op" is null',
})
@Check({ name: 'resultaatbestemming_jaar_check', expression: 'jaar >= 2000 and jaar <= 2200' })
@Check({
  name: 'resultaatbestemming_intrekking_check',
  expression: '(ingetrokken_op is null) = (ingetrokken_door is null) and (ingetrokken_op is null) = (reden_intrekking is null)',
})
export class Resultaatbestemming {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne({ entity: () => Module, deleteRule: 'restrict' })
  module!: Module;

  @Property({ type: 'smallint' })
  jaar!: number;

  @Property({ type: 'date' })
  besluitOp!: string;

  /** The result the decision allocates, as it was when recorded. */
  @Property({ type: NumericType, precision: 15, scale: 2 })
  resultaat!: Decimal;

  @Property({ type: 'string', length: 300 })
  omschrijving!: string;

  @Property({ type: 'datetime' })
  vastgelegdOp!: Date;

  @Property({ type: 'string', length: 200 })
  vastgelegdDoor!: string;

  /** The day the decision was withdrawn (its reserve movements are then booked back on that day). */
  @Property({ type: 'date', nullable: true })
  ingetrokkenOp?: string | null;

  @Property({ type: 'string', length: 200, nullable: true })
  ingetrokkenDoor?: string | null;

  @Property({ type: 'string', length: 2000, nullable: true })
  redenIntrekking?: string | null;
}

/** One line of a resultaatbestemming; a reserve line names its reserve, a settlement line none. */
@Entity({ tableName: 'resultaatbestemming_regel' })
@Check({ name: 'resultaatbestemming_regel_bedrag_check', expression: 'bedrag > 0' })
@Check({
  name: 'resultaatbestemming_regel_reserve_check',
  expression:
    "(reserve_id is not null and (soort = 'TOEVOEGEN_AAN_RESERVE' or soort = 'ONTTREKKEN_AAN_RESERVE')) or " +
    "(reserve_id is null and soort <> 'TOEVOEGEN_AAN_RESERVE' and soort <> 'ONTTREKKEN_AAN_RESERVE')",
})
export class ResultaatbestemmingRegel {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne({ entity: () => Resultaatbestemming, deleteRule: 'cascade' })
  resultaatbestemming!: Resultaatbestemming;

  @Enum({ items: () => BestemmingSoort })
  soort!: BestemmingSoort;

  @Property({ type: NumericType, precision: 15, scale: 2 })
  bedrag!: Decimal;

  @ManyToOne({ entity: () => Reserve, deleteRule: 'restrict', nullable: true })
  reserve?: Reserve | null;
}
