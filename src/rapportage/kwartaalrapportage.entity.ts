import { Check, Entity, Enum, ManyToOne, PrimaryKey, Property, Unique, type Opt } from '@mikro-orm/core';
import { registerEnumType } from 'type-graphql';
import { Module } from '../module/module.entity.js';

export enum RapportageStatus {
  CONCEPT = 'CONCEPT',
  INGEDIEND = 'INGEDIEND',
  GOEDGEKEURD = 'GOEDGEKEURD',
  TERUGGESTUURD = 'TERUGGESTUURD',
}
registerEnumType(RapportageStatus, {
  name: 'RapportageStatus',
  description: 'Een controller keurt een ingediende rapportage goed of stuurt haar terug; vaststellen is aan een bestuursorgaan.',
});

/**
 * One version of a module's KPI report for a quarter. An approved version is never overwritten:
 * a correction is a new version (versie + 1) with a reason. Write model; the graph reads
 * KwartaalrapportageType.
 */
@Entity({ tableName: 'kwartaalrapportage' })
@Unique({ name: 'kwartaalrapportage_versie_unique', properties: ['module', 'jaar', 'kwartaal', 'versie'] })
@Check({ name: 'kwartaalrapportage_kwartaal_check', expression: 'kwartaal >= 1 and kwartaal <= 4' })
@Check({ name: 'kwartaalrapportage_jaar_check', expression: 'jaar >= 2000 and jaar <= 2200' })
@Check({ name: 'kwartaalrapportage_versie_check', expression: 'versie >= 1' })
@Check({
  name: 'kwartaalrapportage_reden_check',
  expression: "(status <> 'TERUGGESTUURD' and versie = 1) or reden is not null",
})
export class Kwartaalrapportage {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne({ entity: () => Module, deleteRule: 'restrict' })
  module!: Module;

  @Property({ type: 'smallint' })
  jaar!: number;

  @Property({ type: 'smallint' })
  kwartaal!: number;

  @Property({ type: 'smallint' })
  versie!: number;

  @Enum({ items: () => RapportageStatus })
  status!: RapportageStatus;

  @Property({ type: 'text', nullable: true })
  reden?: string | null;

  @Property({ type: 'datetime', nullable: true })
  ingediendOp?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  goedgekeurdOp?: Date | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  gewijzigdOp: Opt<Date> = new Date();

  /** Bumped by every write; a write names the revisie it read, so a stale write is refused. */
  @Property({ type: 'integer', default: 1 })
  revisie: Opt<number> = 1;
}
