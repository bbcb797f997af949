import { raw } from '@mikro-orm/core';
import type { EntityManager, QBFilterQuery } from '@mikro-orm/postgresql';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Decimal } from '../core/decimal.js';
import { BedragScalar } from '../core/scalars.js';
import { Bijdrage, Fase } from './bijdrage.entity.js';
import { bijdrageWhere, type BijdrageWhere } from './bijdrage.where.js';

export enum BijdrageGroepering {
  GEMEENTE = 'GEMEENTE',
  MODULE = 'MODULE',
  JAAR = 'JAAR',
  FASE = 'FASE',
  TAAKVELD = 'TAAKVELD',
}
registerEnumType(BijdrageGroepering, { name: 'BijdrageGroepering', description: 'Waarop bijdragen worden gegroepeerd.' });

const KOLOM: Record<BijdrageGroepering, string> = {
  GEMEENTE: 'b.gemeente_id',
  MODULE: 'b.module_id',
  JAAR: 'b.jaar',
  FASE: 'b.fase',
  TAAKVELD: 'b.taakveld',
};

@ObjectType({ simpleResolvers: true, description: 'Som, gemiddelde, minimum, maximum en aantal van een groep bijdragen; niet-gegroepeerde velden zijn leeg.' })
export class BijdrageTotaal {
  gemeenteId!: number | null;
  moduleId!: number | null;

  @Field(() => Int, { nullable: true })
  jaar!: number | null;

  @Field(() => Fase, { nullable: true })
  fase!: Fase | null;

  @Field(() => String, { nullable: true })
  taakveld!: string | null;

  @Field(() => BedragScalar)
  som!: Decimal;

  @Field(() => BedragScalar, { description: 'Gemiddelde, afgerond op centen.' })
  gemiddelde!: Decimal;

  @Field(() => BedragScalar)
  minimum!: Decimal;

  @Field(() => BedragScalar)
  maximum!: Decimal;

  @Field(() => Int)
  aantal!: number;
}

interface TotaalRij {
  gemeente_id?: number;
  module_id?: number;
  jaar?: number;
  fase?: Fase;
  taakveld?: string;
  som: string;
  gemiddelde: string;
  minimum: string;
  maximum: string;
  aantal: string;
}

/** Totals per group, computed by PostgreSQL (GROUP BY) in one statement; sums are exact NUMERIC. */
export async function bijdrageTotalen(em: EntityManager, groepen: BijdrageGroepering[], where?: BijdrageWhere): Promise<BijdrageTotaal[]> {
  const kolommen = [...new Set(groepen)].map((g) => KOLOM[g]);
  const qb = em
    .createQueryBuilder(Bijdrage, 'b')
    .select([
      ...kolommen.map((k) => raw(k)),
      raw('sum(b.bedrag) as som'),
      raw('round(avg(b.bedrag), 2) as gemiddelde'),
      raw('min(b.bedrag) as minimum'),
      raw('max(b.bedrag) as maximum'),
      raw('count(*) as aantal'),
    ])
    .where(bijdrageWhere(where) as QBFilterQuery<Bijdrage>);
  if (kolommen.length) qb.groupBy(kolommen.map((k) => raw(k))).orderBy(kolommen.map((k) => ({ [raw(k)]: 'asc' })));
  const rijen = await qb.execute<TotaalRij[]>('all', false);
  return rijen
    .filter((r) => Number(r.aantal) > 0)
    .map((r) => ({
      gemeenteId: r.gemeente_id ?? null,
      moduleId: r.module_id ?? null,
      jaar: r.jaar ?? null,
      fase: r.fase ?? null,
      taakveld: r.taakveld ?? null,
      som: new Decimal(r.som),
      gemiddelde: new Decimal(r.gemiddelde),
      minimum: new Decimal(r.minimum),
      maximum: new Decimal(r.maximum),
      aantal: Number(r.aantal),
    }));
}
