import { Check, Entity, Enum, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { NumericType, type Decimal } from '../core/decimal.js';
import { Module } from '../module/module.entity.js';
import { Kant } from './categorieen.js';

/**
 * A realised amount of one module in one quarter on one Iv3 cell (taakveld × economische categorie,
 * lasten or baten). Amounts are per quarter, not year-to-date: a quarter is replaced as a whole and
 * the cumulative figure is derived by summing quarters 1..k, so a correction of one quarter never
 * has to be repeated in the later ones. Write model; the graph reads RealisatieRegelType.
 */
@Entity({ tableName: 'realisatie' })
@Unique({ name: 'realisatie_cel_unique', properties: ['module', 'jaar', 'kwartaal', 'taakveld', 'categorie', 'kant'] })
@Check({ name: 'realisatie_jaar_check', expression: 'jaar >= 2000 and jaar <= 2200' })
@Check({ name: 'realisatie_kwartaal_check', expression: 'kwartaal >= 1 and kwartaal <= 4' })
@Check({ name: 'realisatie_bedrag_check', expression: 'bedrag >= 0' })
export class Realisatie {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne({ entity: () => Module, deleteRule: 'restrict' })
  module!: Module;

  @Property({ type: 'smallint' })
  jaar!: number;

  @Property({ type: 'smallint' })
  kwartaal!: number;

  @Property({ type: 'string', length: 10 })
  taakveld!: string;

  @Property({ type: 'string', length: 10 })
  categorie!: string;

  @Enum({ items: () => Kant })
  kant!: Kant;

  @Property({ type: NumericType, precision: 15, scale: 2 })
  bedrag!: Decimal;
}

/**
 * The forecast for the whole year as a module gives it with a quarter's figures (the
 * bestuursrapportage's prognose), on the same basis as the budget: lasten and baten without the
 * gemeenten' contributions. One per module, year and quarter; replaced with the quarter.
 */
@Entity({ tableName: 'realisatie_prognose' })
@Unique({ name: 'realisatie_prognose_unique', properties: ['module', 'jaar', 'kwartaal'] })
@Check({ name: 'realisatie_prognose_kwartaal_check', expression: 'kwartaal >= 1 and kwartaal <= 4' })
@Check({ name: 'realisatie_prognose_bedragen_check', expression: 'lasten >= 0 and baten >= 0' })
export class RealisatiePrognose {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne({ entity: () => Module, deleteRule: 'restrict' })
  module!: Module;

  @Property({ type: 'smallint' })
  jaar!: number;

  @Property({ type: 'smallint' })
  kwartaal!: number;

  @Property({ type: NumericType, precision: 15, scale: 2 })
  lasten!: Decimal;

  @Property({ type: NumericType, precision: 15, scale: 2 })
  baten!: Decimal;

  @Property({ type: 'text', nullable: true })
  toelichting?: string | null;
}
