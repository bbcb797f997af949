import { Check, Entity, Enum, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTime } from '../core/graphql-types.js';
import { Module } from '../module/module.entity.js';

export enum JaarStatus {
  AFGESLOTEN = 'AFGESLOTEN',
  HEROPEND = 'HEROPEND',
}
registerEnumType(JaarStatus, {
  name: 'JaarStatus',
  description: 'Afgesloten: de jaarrekening is vastgelegd en niets van het jaar verandert nog. Heropend: een beheerder heeft het jaar met reden heropend.',
});

/**
 * The closing of a module's year: recording the jaarrekening closes it. While closed, nothing
 * changes that year's budgets, allocation key, contributions or participation; the database refuses
 * such writes too (triggers in the jaarafsluiting migration). Reopening is explicit, with a reason.
 */
@ObjectType({ simpleResolvers: true, description: 'Afsluiting van het jaar van een module na de jaarrekening.' })
@Entity({ tableName: 'jaarafsluiting' })
@Unique({ name: 'jaarafsluiting_module_jaar_unique', properties: ['module', 'jaar'] })
@Check({ name: 'jaarafsluiting_heropening_check', expression: "status <> 'HEROPEND' or (heropend_op is not null and reden_heropening is not null)" })
export class Jaarafsluiting {
  @Field(() => ID)
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne({ entity: () => Module, deleteRule: 'restrict' })
  module!: Module;

  @Field(() => Int)
  @Property({ type: 'smallint' })
  jaar!: number;

  @Field(() => JaarStatus)
  @Enum({ items: () => JaarStatus })
  status!: JaarStatus;

  @Field(() => DateTime)
  @Property({ type: 'datetime' })
  afgeslotenOp!: Date;

  @Field(() => String, { description: 'Wie het jaar (het laatst) afsloot.' })
  @Property({ type: 'string', length: 200 })
  afgeslotenDoor!: string;

  @Field(() => DateTime, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  heropendOp?: Date | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  heropendDoor?: string | null;

  @Field(() => String, { nullable: true, description: 'Waarom het jaar is heropend.' })
  @Property({ type: 'text', nullable: true })
  redenHeropening?: string | null;
}
