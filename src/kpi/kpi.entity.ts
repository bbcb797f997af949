import { Check, Entity, Enum, ManyToOne, PrimaryKey, Property, Unique, type Opt } from '@mikro-orm/core';
import { registerEnumType } from 'type-graphql';
import { NumericType, type Decimal } from '../core/decimal.js';
import { Module } from '../module/module.entity.js';

export enum KpiEenheid {
  AANTAL = 'AANTAL',
  PERCENTAGE = 'PERCENTAGE',
  EURO = 'EURO',
  DAGEN = 'DAGEN',
  FTE = 'FTE',
}
registerEnumType(KpiEenheid, { name: 'KpiEenheid' });

export enum KpiRichting {
  HOGER_IS_BETER = 'HOGER_IS_BETER',
  LAGER_IS_BETER = 'LAGER_IS_BETER',
}
registerEnumType(KpiRichting, { name: 'KpiRichting', description: 'Of een hogere of een lagere waarde beter is.' })

export enum KpiNiveau {
  GEMEENTE = 'GEMEENTE',
  REGIO = 'REGIO',
}
registerEnumType(KpiNiveau, { name: 'KpiNiveau', description: 'Wordt de KPI per gemeente of voor de hele regio gerapporteerd?' });

/** What one reported value covers; a norm is compared only with values of its own period. */
export enum KpiPeriode {
  KWARTAAL = 'KWARTAAL',
  JAAR_TOT_NU = 'JAAR_TOT_NU',
  JAAR = 'JAAR',
}
registerEnumType(KpiPeriode, {
  name: 'KpiPeriode',
  description: 'Waarover een waarde (en een norm) gaat.',
  valuesConfig: {
    KWARTAAL: { description: 'Het kwartaal zelf: een aantal in het kwartaal, of de stand aan het einde ervan.' },
    JAAR_TOT_NU: { description: 'Cumulatief van 1 januari tot het einde van het kwartaal (year to date).' },
    JAAR: { description: 'Het hele jaar: een jaarcijfer, gerapporteerd in de rapportage van het vierde kwartaal.' },
  },
});

/** The quarter in whose report a yearly figure is given. */
export const KWARTAAL_VAN_JAARCIJFER = 4;

/** A KPI definition (write model; the graph reads KpiType). */
@Entity({ tableName: 'kpi' })
@Unique({ name: 'kpi_module_code_unique', properties: ['module', 'code'] })
@Check({ name: 'kpi_code_check', expression: "code ~ '^[A-Z][A-Z0-9_]{1,39}$'" })
@Check({ name: 'kpi_grenzen_check', expression: 'ondergrens is null or bovengrens is null or ondergrens <= bovengrens' })
@Check({
  name: 'kpi_percentage_check',
  expression: "eenheid <> 'PERCENTAGE' or (coalesce(ondergrens, 0) >= 0 and coalesce(bovengrens, 100) <= 100)",
})
@Check({ name: 'kpi_actief_check', expression: 'actief_tot is null or actief_tot > actief_vanaf' })
export class Kpi {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne({ entity: () => Module, deleteRule: 'restrict' })
  module!: Module;

  @Property({ type: 'string', length: 40 })
  code!: string;

  @Property({ type: 'string', length: 200 })
  naam!: string;

  @Enum({ items: () => KpiEenheid })
  eenheid!: KpiEenheid;

  @Enum({ items: () => KpiRichting })
  richting!: KpiRichting;

  @Enum({ items: () => KpiNiveau })
  niveau!: KpiNiveau;

  @Property({ type: NumericType, precision: 14, scale: 4, nullable: true })
  ondergrens?: Decimal | null;

  @Property({ type: NumericType, precision: 14, scale: 4, nullable: true })
  bovengrens?: Decimal | null;

  @Enum({ items: () => KpiPeriode, default: KpiPeriode.KWARTAAL })
  periode: Opt<KpiPeriode> = KpiPeriode.KWARTAAL;

  @Property({ type: 'date' })
  actiefVanaf!: string;

  @Property({ type: 'date', nullable: true })
  actiefTot?: string | null;
}
