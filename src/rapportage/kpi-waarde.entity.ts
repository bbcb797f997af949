import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { NumericType, type Decimal } from '../core/decimal.js';
import { Gemeente } from '../gemeente/gemeente.entity.js';
import { Kpi } from '../kpi/kpi.entity.js';
import { Kwartaalrapportage } from './kwartaalrapportage.entity.js';

/**
 * A reported value; gemeente is empty for a regional KPI. One value per (report, kpi, gemeente-or-none).
 * Write model; the graph reads KpiWaardeType.
 */
@Entity({ tableName: 'kpi_waarde' })
@Unique({
  name: 'kpi_waarde_unique',
  expression:
    'create unique index "kpi_waarde_unique" on "kpi_waarde" ("rapportage_id", "kpi_id", coalesce("gemeente_id", 0))',
})
@Index({ name: 'kpi_waarde_kpi_gemeente_idx', properties: ['kpi', 'gemeente'] })
export class KpiWaarde {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne({ entity: () => Kwartaalrapportage, deleteRule: 'cascade' })
  rapportage!: Kwartaalrapportage;

  @ManyToOne({ entity: () => Kpi, deleteRule: 'restrict' })
  kpi!: Kpi;

  @ManyToOne({ entity: () => Gemeente, nullable: true, deleteRule: 'restrict' })
  gemeente?: Gemeente | null;

  @Property({ type: NumericType, precision: 14, scale: 4 })
  waarde!: Decimal;

  @Property({ type: 'text', nullable: true })
  toelichting?: string | null;
}
