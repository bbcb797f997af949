import { Entity, Enum, ManyToOne, PrimaryKey, Property, Unique, Check } from '@mikro-orm/core';
import { registerEnumType } from 'type-graphql';
import { Module } from '../module/module.entity.js';

export enum Grondslag {
  INWONERS = 'INWONERS',
  LEERLINGEN = 'LEERLINGEN',
  SW_ARBEIDSJAREN = 'SW_ARBEIDSJAREN',
  GEBRUIK = 'GEBRUIK',
  GELIJKE_DELEN = 'GELIJKE_DELEN',
  VASTE_PERCENTAGES = 'VASTE_PERCENTAGES',
}
registerEnumType(Grondslag, { name: 'Grondslag', description: 'Waarnaar de netto kosten over de gemeenten worden verdeeld.' });

/** A module's allocation key for a year. Write model; the graph reads VerdeelsleutelType. */
@Entity({ tableName: 'verdeelsleutel' })
@Unique({ name: 'verdeelsleutel_module_jaar_unique', properties: ['module', 'jaar'] })
@Check({ name: 'verdeelsleutel_jaar_check', expression: 'jaar >= 2000 and jaar <= 2200' })
export class Verdeelsleutel {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne({ entity: () => Module, deleteRule: 'restrict' })
  module!: Module;

  @Property({ type: 'smallint' })
  jaar!: number;

  @Enum({ items: () => Grondslag })
  grondslag!: Grondslag;

  @Property({ type: 'string', length: 300 })
  omschrijving!: string;
}
