import { Check, Entity, Enum, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { registerEnumType } from 'type-graphql';
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
 * Write model; the graph reads JaarafsluitingType.
 */
@Entity({ tableName: 'jaarafsluiting' })
@Unique({ name: 'jaarafsluiting_module_jaar_unique', properties: ['module', 'jaar'] })
@Check({ name: 'jaarafsluiting_heropening_check', expression: "status <> 'HEROPEND' or (heropend_op is not null and reden_heropening is not null)" })
export class Jaarafsluiting {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne({ entity: () => Module, deleteRule: 'restrict' })
  module!: Module;

  @Property({ type: 'smallint' })
  jaar!: number;

  @Enum({ items: () => JaarStatus })
  status!: JaarStatus;

  @Property({ type: 'datetime' })
  afgeslotenOp!: Date;

  @Property({ type: 'string', length: 200 })
  afgeslotenDoor!: string;

  @Property({ type: 'datetime', nullable: true })
  heropendOp?: Date | null;

  @Property({ type: 'string', length: 200, nullable: true })
  heropendDoor?: string | null;

  @Property({ type: 'text', nullable: true })
  redenHeropening?: string | null;
}
