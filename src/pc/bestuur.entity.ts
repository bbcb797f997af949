import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Gemeente } from '../gemeente/gemeente.entity.js';
import { Programma } from '../module/programma.entity.js';
import { PcDocument } from './pc.entity.js';

/**
 * A bestuurscommissie. The MGR regeling since 2022 gives every programma one ("Ieder Programma heeft
 * een bestuurscommissie", CVDR672204); it advises on plans, budget, accounts and kaders.
 */
@Entity({ tableName: 'bestuurscommissie' })
export class Bestuurscommissie {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne({ entity: () => Programma, deleteRule: 'restrict' })
  @Unique({ name: 'bestuurscommissie_programma_unique' })
  programma!: Programma;

  @Property({ type: 'string', length: 200 })
  naam!: string;
}

/** A member: the portefeuillehouder of a participating gemeente. */
@Entity({ tableName: 'bestuurscommissie_lid' })
@Unique({ name: 'bestuurscommissie_lid_unique', properties: ['commissie', 'gemeente', 'naam'] })
export class BestuurscommissieLid {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne({ entity: () => Bestuurscommissie, deleteRule: 'restrict' })
  commissie!: Bestuurscommissie;

  @ManyToOne({ entity: () => Gemeente, deleteRule: 'restrict' })
  @Index({ name: 'bestuurscommissie_lid_gemeente_idx' })
  gemeente!: Gemeente;

  @Property({ type: 'string', length: 200 })
  naam!: string;

  @Property({ type: 'string', length: 300 })
  portefeuille!: string;
}

/** A meeting of a bestuurscommissie. */
@Entity({ tableName: 'commissievergadering' })
@Index({ name: 'commissievergadering_commissie_datum_idx', properties: ['commissie', 'datum'] })
export class Commissievergadering {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne({ entity: () => Bestuurscommissie, deleteRule: 'restrict' })
  commissie!: Bestuurscommissie;

  @Property({ type: 'date' })
  datum!: string;

  @Property({ type: 'string', length: 300 })
  onderwerp!: string;
}

/** A bestuurscommissie's advice on a P&C document; one per commissie and document. */
@Entity({ tableName: 'commissieadvies' })
@Unique({ name: 'commissieadvies_unique', properties: ['document', 'commissie'] })
export class Commissieadvies {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne({ entity: () => Bestuurscommissie, deleteRule: 'restrict' })
  @Index({ name: 'commissieadvies_commissie_idx' })
  commissie!: Bestuurscommissie;

  @ManyToOne({ entity: () => PcDocument, deleteRule: 'restrict' })
  document!: PcDocument;

  @Property({ type: 'date' })
  datum!: string;

  @Property({ type: 'text' })
  advies!: string;
}
