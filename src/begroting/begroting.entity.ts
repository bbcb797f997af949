import { Check, Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { NumericType, type Decimal } from '../core/decimal.js';
import { LocalDate } from '../core/graphql-types.js';
import { BedragScalar } from '../core/scalars.js';
import { Module } from '../module/module.entity.js';

export enum BegrotingSoort {
  PRIMITIEF = 'PRIMITIEF',
  WIJZIGING = 'WIJZIGING',
  REALISATIE = 'REALISATIE',
}
registerEnumType(BegrotingSoort, {
  name: 'BegrotingSoort',
  description: 'Primitieve begroting, begrotingswijziging (1, 2, …) of realisatie volgens de jaarrekening.',
});

@ObjectType({ simpleResolvers: true, description: 'Begrotingsversie van een module voor een jaar.' })
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

  @Field(() => ID)
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne({ entity: () => Module, deleteRule: 'restrict' })
  module!: Module;

  @Field(() => Int)
  @Property({ type: 'smallint' })
  jaar!: number;

  @Field(() => BegrotingSoort)
  @Enum({ items: () => BegrotingSoort })
  soort!: BegrotingSoort;

  @Field(() => Int, { description: '0 voor primitief en realisatie; 1, 2, … voor begrotingswijzigingen.' })
  @Property({ type: 'smallint' })
  volgnummer!: number;

  @Field(() => BedragScalar)
  @Property({ type: NumericType, precision: 15, scale: 2 })
  lasten!: Decimal;

  @Field(() => BedragScalar)
  @Property({ type: NumericType, precision: 15, scale: 2 })
  baten!: Decimal;

  @Field(() => LocalDate, { description: 'Datum van vaststelling door het algemeen bestuur.' })
  @Property({ type: 'date' })
  vastgesteldOp!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 300 })
  omschrijving!: string;

  // Not called "saldo": in BBV the saldo van baten en lasten is baten − lasten, the opposite sign.
  @Field(() => BedragScalar, { description: 'Netto lasten (lasten − baten): wat de deelnemende gemeenten samen betalen en wat de verdeelsleutel verdeelt.' })
  get nettoLasten(): Decimal {
    return this.lasten.minus(this.baten);
  }
}
