import type { EntityManager, QBFilterQuery } from '@mikro-orm/postgresql';
import { groupColumns, totalsPerGroup } from '../core/totals.js';
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
  const kolommen = groupColumns(KOLOM, [...groepen, BijdrageGroepering.FASE]);
  if (!alleenActueel) kolommen.push('v.volgnummer');
  const filter = alleenActueel ? { $and: [bijdrageWhere(where), actueleBijdragen()] } : bijdrageWhere(where);
  const qb = em.createQueryBuilder(Bijdrage, 'b').where(filter as QBFilterQuery<Bijdrage>);
  // Realised contributions have no budget version (versie null): one jaarrekening per module and year.
  if (!alleenActueel) qb.leftJoin('b.begroting', 'v');
  const rijen = await totalsPerGroup<Groep, Bijdrage>(qb, kolommen, 'b.bedrag', 2);
  return rijen.map(({ group: r, ...totalen }) => ({
    gemeenteId: r.gemeente_id ?? null,
    moduleId: r.module_id ?? null,
    jaar: r.jaar ?? null,
    fase: r.fase,
    versie: r.volgnummer ?? null,
    taakveld: r.taakveld ?? null,
    ...totalen,
  }));
}
