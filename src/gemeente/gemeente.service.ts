import type { EntityManager } from '@mikro-orm/postgresql';
import { notFound } from '../core/errors.js';
import { Gemeente } from './gemeente.entity.js';
import type { Inwonertal } from './inwonertal.entity.js';

export function alleGemeenten(em: EntityManager): Promise<Gemeente[]> {
  return em.find(Gemeente, {}, { orderBy: { naam: 'asc' } });
}

export async function gemeenteMetCode(em: EntityManager, cbsCode: string): Promise<Gemeente> {
  const gemeente = await em.findOne(Gemeente, { cbsCode });
  if (!gemeente) throw notFound('Gemeente', cbsCode);
  return gemeente;
}

/** Inhabitants in `jaar`, or in the latest year known when no year is asked; null when unknown. */
export function inwonersIn(tallen: Inwonertal[], jaar: number | undefined): number | null {
  if (jaar !== undefined) return tallen.find((t) => t.jaar === jaar)?.aantal ?? null;
  return tallen.reduce<Inwonertal | null>((laatste, t) => (!laatste || t.jaar > laatste.jaar ? t : laatste), null)?.aantal ?? null;
}
