import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { NumericType, type Decimal } from '../core/decimal.js';
import { DecimaalScalar } from '../core/scalars.js';
import { Gemeente } from '../gemeente/gemeente.entity.js';
import { Kpi } from '../kpi/kpi.entity.js';
import { Kwartaalrapportage } from './kwartaalrapportage.entity.js';

/** A reported value; gemeente is empty for a regional KPI. One value per (report, kpi, gemeente-or-none). */
@ObjectType({ simpleResolvers: true, description: 'Waarde van een KPI in een kwartaalrapportage, voor een gemeente of (leeg) de regio.' })
@Entity({ tableName: 'kpi_waarde' })
@Unique({
  name: 'kpi_waarde_unique',
  expression:
    'create unique index "kpi_waarde_unique" on "kpi_waarde" ("rapportage_id", "kpi_id", coalesce("gemeente_id", 0))',
})
@Index({ name: 'kpi_waarde_kpi_gemeente_idx', properties: ['kpi', 'gemeente'] })
export class KpiWaarde {
  @Field(() => ID)
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne({ entity: () => Kwartaalrapportage, deleteRule: 'cascade' })
  rapportage!: Kwartaalrapportage;

  @ManyToOne({ entity: () => Kpi, deleteRule: 'restrict' })
  kpi!: Kpi;

  @ManyToOne({ entity: () => Gemeente, nullable: true, deleteRule: 'restrict' })
  gemeente?: Gemeente | null;

  @Field(() => DecimaalScalar)
  @Property({ type: NumericType, precision: 14, scale: 4 })
  waarde!: Decimal;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  toelichting?: string | null;
}
