import { Check, Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { LocalDate } from '../core/graphql-types.js';
import { Gemeente } from '../gemeente/gemeente.entity.js';
import { Module } from '../module/module.entity.js';

/**
 * A gemeente's participation in a (sub)module over the half-open period [vanaf, tot).
 * Periods of one gemeente in one module never overlap: the exclusion constraint
 * `deelname_geen_overlap` enforces it in PostgreSQL (btree_gist is created by the first migration).
 */
@ObjectType({ simpleResolvers: true, description: 'Deelname van een gemeente aan een (sub)module, vanaf een datum tot een datum of open.' })
@Entity({ tableName: 'deelname' })
@Check({ name: 'deelname_periode_check', expression: 'tot is null or tot > vanaf' })
@Index({ name: 'deelname_module_idx', properties: ['module', 'vanaf'] })
@Index({ name: 'deelname_gemeente_idx', properties: ['gemeente', 'vanaf'] })
@Index({
  name: 'deelname_geen_overlap',
  expression:
    'alter table "deelname" add constraint "deelname_geen_overlap" exclude using gist ' +
    `("gemeente_id" with =, "module_id" with =, daterange("vanaf", "tot", '[)') with &&)`,
})
export class Deelname {
  @Field(() => ID)
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne({ entity: () => Gemeente, deleteRule: 'restrict' })
  gemeente!: Gemeente;

  @ManyToOne({ entity: () => Module, deleteRule: 'restrict' })
  module!: Module;

  @Field(() => LocalDate, { description: 'Eerste dag van deelname.' })
  @Property({ type: 'date' })
  vanaf!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Eerste dag waarop de gemeente niet meer deelneemt; leeg = open einde.' })
  @Property({ type: 'date', nullable: true })
  tot?: string | null;
}
