import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDate } from '../core/graphql-types.js';
import { ReadModel } from '../core/read-model.js';
import { DecimaalScalar } from '../core/scalars.js';
import { DvoNorm } from './dvo-norm.entity.js';
import { Kpi, KpiEenheid, KpiNiveau, KpiPeriode, KpiRichting } from './kpi.entity.js';

/** A KPI definition as the graph reads it; bounds are PostgreSQL's text (see ReadModel). */
@ObjectType('Kpi', { simpleResolvers: true, description: 'Indicator waarover een module elk kwartaal verantwoording aflegt.' })
export class KpiType {
  @Field(() => ID)
  id!: number;

  moduleId!: number;

  @Field(() => String)
  code!: string;

  @Field(() => String)
  naam!: string;

  @Field(() => KpiEenheid)
  eenheid!: KpiEenheid;

  @Field(() => KpiRichting)
  richting!: KpiRichting;

  @Field(() => KpiNiveau)
  niveau!: KpiNiveau;

  @Field(() => DecimaalScalar, { nullable: true, description: 'Laagst toegestane waarde.' })
  ondergrens!: string | null;

  @Field(() => DecimaalScalar, { nullable: true, description: 'Hoogst toegestane waarde.' })
  bovengrens!: string | null;

  @Field(() => KpiPeriode, { description: 'Waarover één gerapporteerde waarde gaat; jaarcijfers staan in de rapportage van het vierde kwartaal.' })
  periode!: KpiPeriode;

  @Field(() => LocalDate)
  actiefVanaf!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Eerste dag waarop de KPI niet meer geldt; leeg = open.' })
  actiefTot!: string | null;
}

/** How the graph reads KPI definitions (see ReadModel). */
export const kpiLezen = new ReadModel(Kpi, KpiType, {
  id: 'e.id',
  moduleId: 'e.module_id',
  code: 'e.code',
  naam: 'e.naam',
  eenheid: 'e.eenheid',
  richting: 'e.richting',
  niveau: 'e.niveau',
  ondergrens: 'trim_scale(e.ondergrens)::text',
  bovengrens: 'trim_scale(e.bovengrens)::text',
  periode: 'e.periode',
  actiefVanaf: 'e.actief_vanaf::text',
  actiefTot: 'e.actief_tot::text',
});

/** A DVO target for a KPI as the graph reads it. */
@ObjectType('DvoNorm', { simpleResolvers: true, description: 'Norm (streefwaarde) voor een KPI in een jaar, zoals afgesproken in de DVO.' })
export class DvoNormType {
  @Field(() => ID)
  id!: number;

  dvoId!: number;

  kpiId!: number;

  /** Null: the norm holds for the whole DVO. */
  gemeenteId!: number | null;

  @Field(() => Int)
  jaar!: number;

  @Field(() => KpiPeriode, { description: 'Waarover de norm gaat; hij wordt alleen vergeleken met waarden over dezelfde periode.' })
  periode!: KpiPeriode;

  @Field(() => DecimaalScalar)
  norm!: string;
}

/** How the graph reads DVO norms (see ReadModel). */
export const dvoNormLezen = new ReadModel(DvoNorm, DvoNormType, {
  id: 'e.id',
  dvoId: 'e.dvo_id',
  kpiId: 'e.kpi_id',
  gemeenteId: 'e.gemeente_id',
  jaar: 'e.jaar',
  periode: 'e.periode',
  norm: 'trim_scale(e.norm)::text',
});
