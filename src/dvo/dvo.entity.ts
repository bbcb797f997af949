import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { registerEnumType } from 'type-graphql';
import { Gemeente } from '../gemeente/gemeente.entity.js';
import { Module } from '../module/module.entity.js';
import { Organisatie } from '../organisatie/organisatie.entity.js';

export enum DvoStatus {
  CONCEPT = 'CONCEPT',
  ACTIEF = 'ACTIEF',
  BEEINDIGD = 'BEEINDIGD',
}
registerEnumType(DvoStatus, { name: 'DvoStatus' });

/**
 * A service agreement of a module with either a gemeente or an external organisation, never both.
 * Write model; the graph reads DvoType.
 */
@Entity({ tableName: 'dvo' })
@Check({ name: 'dvo_partij_check', expression: '(gemeente_id is null) <> (organisatie_id is null)' })
@Check({ name: 'dvo_looptijd_check', expression: 'einddatum is null or einddatum >= ingangsdatum' })
@Index({ name: 'dvo_module_idx', properties: ['module'] })
@Index({ name: 'dvo_gemeente_idx', properties: ['gemeente'] })
export class Dvo {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'string', length: 60 })
  @Unique({ name: 'dvo_kenmerk_unique' })
  kenmerk!: string;

  @Property({ type: 'text' })
  omschrijving!: string;

  @ManyToOne({ entity: () => Module, deleteRule: 'restrict' })
  module!: Module;

  @ManyToOne({ entity: () => Gemeente, nullable: true, deleteRule: 'restrict' })
  gemeente?: Gemeente | null;

  @ManyToOne({ entity: () => Organisatie, nullable: true, deleteRule: 'restrict' })
  organisatie?: Organisatie | null;

  @Property({ type: 'date' })
  ingangsdatum!: string;

  @Property({ type: 'date', nullable: true })
  einddatum?: string | null;

  @Enum({ items: () => DvoStatus })
  status!: DvoStatus;
}
