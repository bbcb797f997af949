import type { EntityManager, QBFilterQuery } from '@mikro-orm/postgresql';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { Decimal } from '../core/decimal.js';
import { BedragScalar } from '../core/scalars.js';
import { groepKolommen, totalenPerGroep } from '../core/totalen.js';
import { Bijdrage, Fase } from './bijdrage.entity.js';
import { actueleBijdragen } from './actueel.js';
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

@ObjectType({
  simpleResolvers: true,
  description:
    'Som, gemiddelde, minimum, maximum en aantal van een groep bijdragen, altijd binnen één fase (begroot, gewijzigd en ' +
    'gerealiseerd tellen nooit bij elkaar op); niet-gegroepeerde velden zijn leeg.',
})
export class BijdrageTotaal {
  gemeenteId!: number | null;
  moduleId!: number | null;

  @Field(() => Int, { nullable: true })
  jaar!: number | null;

  @Field(() => Fase, { description: 'De fase van deze groep; elk totaal blijft binnen één fase.' })
  fase!: Fase;

  @Field(() => Int, {
    nullable: true,
    description: 'Alleen met alleenActueel: false: de begrotingsversie (volgnummer) van deze groep; versies tellen nooit bij elkaar op.',
  })
  versie!: number | null;

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

interface Groep {
  gemeente_id?: number;
  module_id?: number;
  jaar?: number;
  fase: Fase;
  volgnummer?: number;
  taakveld?: string;
}

/**
 * Totals per group, computed by PostgreSQL (GROUP BY) in one statement; sums are exact NUMERIC.
 * Always per phase: a total never adds budgeted, amended and realised figures. By default only the
 * current versions count; with `alleenActueel: false` every version is its own group.
 */
export async function bijdrageTotalen(
  em: EntityManager,
  groepen: BijdrageGroepering[],
  where: BijdrageWhere | undefined,
  alleenActueel: boolean,
): Promise<BijdrageTotaal[]> {
  const kolommen = groepKolommen(KOLOM, [...groepen, BijdrageGroepering.FASE]);
  if (!alleenActueel) kolommen.push('v.volgnummer');
  const filter = alleenActueel ? { $and: [bijdrageWhere(where), actueleBijdragen()] } : bijdrageWhere(where);
  const qb = em.createQueryBuilder(Bijdrage, 'b').where(filter as QBFilterQuery<Bijdrage>);
  if (!alleenActueel) qb.join('b.begroting', 'v');
  const rijen = await totalenPerGroep<Groep, Bijdrage>(qb, kolommen, 'b.bedrag', 2);
  return rijen.map(({ groep: r, ...totalen }) => ({
    gemeenteId: r.gemeente_id ?? null,
    moduleId: r.module_id ?? null,
    jaar: r.jaar ?? null,
    fase: r.fase,
    versie: r.volgnummer ?? null,
    taakveld: r.taakveld ?? null,
    ...totalen,
  }));
}
