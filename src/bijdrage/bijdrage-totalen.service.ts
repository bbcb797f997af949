import { raw } from '@mikro-orm/core';
import type { EntityManager, QBFilterQuery } from '@mikro-orm/postgresql';
import { Decimal } from '../core/decimal.js';
import { Bijdrage, Fase } from './bijdrage.entity.js';
import { actueleBijdragen } from './actueel.service.js';
import { bijdrageWhere, type BijdrageWhere } from './bijdrage.where.js';
import { BijdrageGroepering, BijdrageTotaal } from './bijdrage-totalen.types.js';

const KOLOM: Record<BijdrageGroepering, string> = {
  GEMEENTE: 'b.gemeente_id',
  MODULE: 'b.module_id',
  JAAR: 'b.jaar',
  FASE: 'b.fase',
  TAAKVELD: 'b.taakveld',
};

interface TotaalRij {
  gemeente_id?: number;
  module_id?: number;
  jaar?: number;
  fase: Fase;
  volgnummer?: number;
  taakveld?: string;
  som: string;
  gemiddelde: string;
  minimum: string;
  maximum: string;
  aantal: string;
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
  const kolommen = [...new Set([...groepen, BijdrageGroepering.FASE])].map((g) => KOLOM[g]);
  if (!alleenActueel) kolommen.push('v.volgnummer');
  const filter = alleenActueel ? { $and: [bijdrageWhere(where), actueleBijdragen()] } : bijdrageWhere(where);
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
    .where(filter as QBFilterQuery<Bijdrage>);
  if (!alleenActueel) qb.join('b.begroting', 'v');
  qb.groupBy(kolommen.map((k) => raw(k))).orderBy(kolommen.map((k) => ({ [raw(k)]: 'asc' })));
  const rijen = await qb.execute<TotaalRij[]>('all', false);
  return rijen
    .filter((r) => Number(r.aantal) > 0)
    .map((r) => ({
      gemeenteId: r.gemeente_id ?? null,
      moduleId: r.module_id ?? null,
      jaar: r.jaar ?? null,
      fase: r.fase,
      versie: r.volgnummer ?? null,
      taakveld: r.taakveld ?? null,
      som: new Decimal(r.som),
      gemiddelde: new Decimal(r.gemiddelde),
      minimum: new Decimal(r.minimum),
      maximum: new Decimal(r.maximum),
      aantal: Number(r.aantal),
    }));
}
