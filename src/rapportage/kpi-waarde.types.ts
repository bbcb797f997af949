import { Field, ID, ObjectType } from 'type-graphql';
import { ReadModel } from '../core/read-model.js';
import { DecimaalScalar } from '../core/scalars.js';
import { KpiWaarde } from './kpi-waarde.entity.js';

/** A reported KPI value as the graph reads it; the value is PostgreSQL's text (see ReadModel). */
@ObjectType('KpiWaarde', { simpleResolvers: true, description: 'Waarde van een KPI in een kwartaalrapportage, voor een gemeente of (leeg) de regio.' })
export class KpiWaardeType {
  @Field(() => ID)
  id!: number;

  rapportageId!: number;

  kpiId!: number;

  /** Null: a regional value. */
  gemeenteId!: number | null;

  @Field(() => DecimaalScalar)
  waarde!: string;

  @Field(() => String, { nullable: true })
  toelichting!: string | null;
}

/** How the graph reads reported values (see ReadModel). */
export const kpiWaardeLezen = new ReadModel(KpiWaarde, KpiWaardeType, {
  id: 'e.id',
  rapportageId: 'e.rapportage_id',
  kpiId: 'e.kpi_id',
  gemeenteId: 'e.gemeente_id',
  waarde: 'trim_scale(e.waarde)::text',
  toelichting: 'e.toelichting',
});
