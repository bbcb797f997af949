import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTime } from '../core/graphql-types.js';
import { isoTimestamp, ReadModel } from '../core/read-model.js';
import { BedragScalar, DecimaalScalar } from '../core/scalars.js';
import { Bijdrage, Fase } from './bijdrage.entity.js';

/**
 * What one gemeente pays one module for a year in one phase, with its provenance, as the graph
 * reads it. Amounts and decimals are PostgreSQL's text (see ReadModel).
 */
@ObjectType('Bijdrage', { simpleResolvers: true, description: 'Bijdrage van een gemeente aan een module voor een jaar, in een fase.' })
export class BijdrageType {
  @Field(() => ID)
  id!: number;

  gemeenteId!: number;

  moduleId!: number;

  @Field(() => Int)
  jaar!: number;

  @Field(() => Fase)
  fase!: Fase;

  @Field(() => BedragScalar)
  bedrag!: string;

  @Field(() => String, { description: 'BBV-taakveld waarop de gemeente de bijdrage boekt, bijvoorbeeld 6.4 (WSW en beschut werk).' })
  taakveld!: string;

  /** The budget version a budgeted or amended amount was computed from; which versions are current: actueel.service.ts. */
  begrotingId!: number | null;

  /** The jaarrekening a realised amount was computed from. */
  jaarrekeningId!: number | null;

  verdeelsleutelId!: number | null;

  @Field(() => DecimaalScalar, { nullable: true, description: 'Eenheden van de gemeente in de verdeelsleutel.' })
  eenheden!: string | null;

  @Field(() => Int, { nullable: true, description: 'Dagen deelname in het jaar (pro rata bij toe- of uittreden).' })
  deelnameDagen!: number | null;

  @Field(() => DecimaalScalar, { nullable: true, description: 'Aandeel van de gemeente in de netto lasten (0–1).' })
  aandeel!: string | null;

  @Field(() => DateTime)
  berekendOp!: string;
}

/** How the graph reads contributions (see ReadModel). */
export const bijdrageLezen = new ReadModel(Bijdrage, BijdrageType, {
  id: 'e.id',
  gemeenteId: 'e.gemeente_id',
  moduleId: 'e.module_id',
  jaar: 'e.jaar',
  fase: 'e.fase',
  bedrag: 'e.bedrag::text',
  taakveld: 'e.taakveld',
  begrotingId: 'e.begroting_id',
  jaarrekeningId: 'e.jaarrekening_id',
  verdeelsleutelId: 'e.verdeelsleutel_id',
  eenheden: 'trim_scale(e.eenheden)::text',
  deelnameDagen: 'e.deelname_dagen',
  aandeel: 'trim_scale(e.aandeel)::text',
  berekendOp: isoTimestamp('e.berekend_op'),
});
