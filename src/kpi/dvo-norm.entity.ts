import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { NumericType, type Decimal } from '../core/decimal.js';
import { Gemeente } from '../gemeente/gemeente.entity.js';
import { Kpi, KpiPeriode } from '../kpi/kpi.entity.js';
import { Dvo } from '../dvo/dvo.entity.js';

/**
 * A KPI target agreed in a DVO for one year and period (per quarter, year to date, per year); for a
 * per-gemeente KPI the target may be set per gemeente. One norm per (dvo, kpi, jaar, periode,
 * gemeente-or-none). Which norm applies to a value is decided in one place: the view kpi_norm_keuze.
 * Write model; the graph reads DvoNormType.
 */
@Entity({ tableName: 'dvo_norm' })
@Unique({
  name: 'dvo_norm_unique',
  expression: 'create unique index "dvo_norm_unique" on "dvo_norm" ("dvo_id", "kpi_id", "jaar", coalesce("gemeente_id", 0))',
})
@Check({ name: 'dvo_norm_jaar_check', expression: 'jaar >= 2000 and jaar <= 2200' })
// By gemeente too: kies_kpi_norm looks up the norms set for one gemeente (migration normKeuze).
@Index({ name: 'dvo_norm_kpi_jaar_gemeente_idx', properties: ['kpi', 'jaar', 'gemeente'] })
export class DvoNorm {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne({ entity: () => Dvo, deleteRule: 'cascade' })
  dvo!: Dvo;

  @ManyToOne({ entity: () => Kpi, deleteRule: 'restrict' })
  kpi!: Kpi;

  @ManyToOne({ entity: () => Gemeente, nullable: true, deleteRule: 'restrict' })
  gemeente?: Gemeente | null;

  @Property({ type: 'smallint' })
  jaar!: number;

  @Enum({ items: () => KpiPeriode })
  periode!: KpiPeriode;

  @Property({ type: NumericType, precision: 14, scale: 4 })
  norm!: Decimal;
}
