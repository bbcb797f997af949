import { Check, Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Gemeente } from '../gemeente/gemeente.entity.js';
import { Module } from '../module/module.entity.js';

/**
 * A gemeente's participation in a (sub)module over the half-open period [vanaf, tot).
 * Periods of one gemeente in one module never overlap: the exclusion constraint
 * `deelname_geen_overlap` enforces it in PostgreSQL (btree_gist is created by the first migration).
 * Write model; the graph reads DeelnameType.
 */
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
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne({ entity: () => Gemeente, deleteRule: 'restrict' })
  gemeente!: Gemeente;

  @ManyToOne({ entity: () => Module, deleteRule: 'restrict' })
  module!: Module;

  @Property({ type: 'date' })
  vanaf!: string;

  @Property({ type: 'date', nullable: true })
  tot?: string | null;
}
