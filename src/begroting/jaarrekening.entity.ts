import { Check, Entity, ManyToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { NumericType, type Decimal } from '../core/decimal.js';
import { Module } from '../module/module.entity.js';

/**
 * A module's jaarrekening for a year: the realised lasten and baten as the algemeen bestuur adopted
 * them (Wgr art. 34a). Its own object, not a budget version: one per module and year, replaced
 * (audited, old → new) only when the year has been reopened. The realised contributions
 * (bijdrage.jaarrekening_id) are computed from it. Write model; the graph reads JaarrekeningType.
 */
@Entity({ tableName: 'jaarrekening' })
@Unique({ name: 'jaarrekening_module_jaar_unique', properties: ['module', 'jaar'] })
@Check({ name: 'jaarrekening_jaar_check', expression: 'jaar >= 2000 and jaar <= 2200' })
@Check({ name: 'jaarrekening_bedragen_check', expression: 'lasten >= 0 and baten >= 0' })
export class Jaarrekening {
  [OptionalProps]?: 'nettoLasten';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne({ entity: () => Module, deleteRule: 'restrict' })
  module!: Module;

  @Property({ type: 'smallint' })
  jaar!: number;

  @Property({ type: NumericType, precision: 15, scale: 2 })
  lasten!: Decimal;

  @Property({ type: NumericType, precision: 15, scale: 2 })
  baten!: Decimal;

  @Property({ type: 'date' })
  vastgesteldOp!: string;

  @Property({ type: 'string', length: 300 })
  omschrijving!: string;

  // Not called "saldo": in BBV the saldo van baten en lasten is baten − lasten, the opposite sign.
  get nettoLasten(): Decimal {
    return this.lasten.minus(this.baten);
  }
}
