import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { notFound } from '../core/errors.js';
import { Dvo } from './dvo.entity.js';

export function zoekDvos(em: EntityManager, moduleCode?: string): Promise<Dvo[]> {
  const where: FilterQuery<Dvo> = moduleCode ? { module: { code: moduleCode } } : {};
  return em.find(Dvo, where, { orderBy: { kenmerk: 'asc' } });
}

export async function dvoMetKenmerk(em: EntityManager, kenmerk: string): Promise<Dvo> {
  const dvo = await em.findOne(Dvo, { kenmerk });
  if (!dvo) throw notFound('DVO', kenmerk);
  return dvo;
}
