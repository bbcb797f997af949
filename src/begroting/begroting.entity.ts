import { Check, Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { registerEnumType } from 'type-graphql';
import { NumericType, type Decimal } from '../core/decimal.js';
import { Module } from '../module/module.entity.js';

export enum BegrotingSoort {
  PRIMITIEF = 'PRIMITIEF',
  WIJZIGING = 'WIJZIGING',
}
registerEnumType(BegrotingSoort, {
  name: 'BegrotingSoort',
  description: 'Primitieve begroting of begrotingswijziging (1, 2, …). De jaarrekening is geen begrotingsversie maar een eigen object (Jaarrekening).',
});

/** A module's budget version for a year. Write model; the graph reads BegrotingType. */
@Entity({ tableName: 'begroting' })
@Unique({ name: 'begroting_versie_unique', properties: ['module', 'jaar', 'soort', 'volgnummer'] })
@Check({ name: 'begroting_jaar_check', expression: 'jaar >= 2000 and jaar <= 2200' })
@Check({
  name: 'begroting_volgnummer_check',
  expression: "(soort = 'WIJZIGING' and volgnummer >= 1) or (soort <> 'WIJZIGING' and volgnummer = 0)",
})
@Check({ name: 'begroting_bedragen_check', expression: 'lasten >= 0 and baten >= 0' })
export class Begroting {
  [OptionalProps]?: 'nettoLasten';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne({ entity: () => Module, deleteRule: 'restrict' })
  module!: Module;

  @Property({ type: 'smallint' })
  jaar!: number;

  @Enum({ items: () => BegrotingSoort })
  soort!: BegrotingSoort;

  @Property({ type: 'smallint' })
  volgnummer!: number;

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
