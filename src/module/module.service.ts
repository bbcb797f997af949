import type { EntityManager } from '@mikro-orm/postgresql';
import { notFound } from '../core/errors.js';
import { Module } from './module.entity.js';
import { Programma } from './programma.entity.js';

export function alleModules(em: EntityManager, alleenHoofdmodules: boolean): Promise<Module[]> {
  return em.find(Module, alleenHoofdmodules ? { hoofdmodule: null } : {}, { orderBy: { code: 'asc' } });
}

export async function moduleMetCode(em: EntityManager, code: string): Promise<Module> {
  const module = await em.findOne(Module, { code });
  if (!module) throw notFound('Module', code);
  return module;
}

export function alleProgrammas(em: EntityManager): Promise<Programma[]> {
  return em.find(Programma, {}, { orderBy: { code: 'asc' } });
}
