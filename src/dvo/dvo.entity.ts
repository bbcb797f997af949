import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '../core/graphql-types.js';
import { Gemeente } from '../gemeente/gemeente.entity.js';
import { Module } from '../module/module.entity.js';
import { Organisatie } from '../organisatie/organisatie.entity.js';

export enum DvoStatus {
  CONCEPT = 'CONCEPT',
  ACTIEF = 'ACTIEF',
  BEEINDIGD = 'BEEINDIGD',
}
registerEnumType(DvoStatus, { name: 'DvoStatus' });

/** A service agreement of a module with either a gemeente or an external organisation, never both. */
@ObjectType({ simpleResolvers: true, description: 'Dienstverleningsovereenkomst (DVO) waaronder een module werkt.' })
@Entity({ tableName: 'dvo' })
@Check({ name: 'dvo_partij_check', expression: '(gemeente_id is null) <> (organisatie_id is null)' })
@Check({ name: 'dvo_looptijd_check', expression: 'einddatum is null or einddatum >= ingangsdatum' })
@Index({ name: 'dvo_module_idx', properties: ['module'] })
@Index({ name: 'dvo_gemeente_idx', properties: ['gemeente'] })
export class Dvo {
  @Field(() => ID)
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field(() => String, { description: 'Kenmerk van de overeenkomst, bijvoorbeeld DVO-WGSW-SCALABOR-2023.' })
  @Property({ type: 'string', length: 60 })
  @Unique({ name: 'dvo_kenmerk_unique' })
  kenmerk!: string;

  @Field(() => String)
  @Property({ type: 'text' })
  omschrijving!: string;

  @ManyToOne({ entity: () => Module, deleteRule: 'restrict' })
  module!: Module;

  @ManyToOne({ entity: () => Gemeente, nullable: true, deleteRule: 'restrict' })
  gemeente?: Gemeente | null;

  @ManyToOne({ entity: () => Organisatie, nullable: true, deleteRule: 'restrict' })
  organisatie?: Organisatie | null;

  @Field(() => LocalDate)
  @Property({ type: 'date' })
  ingangsdatum!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Laatste dag van de looptijd; leeg = onbepaalde tijd.' })
  @Property({ type: 'date', nullable: true })
  einddatum?: string | null;

  @Field(() => DvoStatus)
  @Enum({ items: () => DvoStatus })
  status!: DvoStatus;
}
