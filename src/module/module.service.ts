import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { audit } from '../audit/audit.service.js';
import { vandaag, type Schrijver } from '../context.js';
import { taakveldProbleem } from '../taakveld/taakvelden.js';
import { ErrorCode, hubError, notFound } from '../core/errors.js';
import type { ModuleInvoer } from './module.inputs.js';
import { moduleWhere, type ModuleWhere } from './module.where.js';
import { Module } from './module.entity.js';
import { Programma } from './programma.entity.js';
import { moduleLezen, programmaLezen, type ModuleType, type ProgrammaType } from './module.types.js';

export function alleModules(em: EntityManager, alleenHoofdmodules: boolean, where?: ModuleWhere): Promise<ModuleType[]> {
  const filter: FilterQuery<Module> = { $and: [moduleWhere(where), alleenHoofdmodules ? { hoofdmodule: null } : {}] };
  return moduleLezen.find(em, filter, { orderBy: { code: 'asc' } });
}

/** A module as the graph reads it, by code. */
export async function leesModule(em: EntityManager, code: string): Promise<ModuleType> {
  const [module] = await moduleLezen.find(em, { code });
  if (!module) throw notFound('Module', code);
  return module;
}

export async function moduleMetCode(em: EntityManager, code: string): Promise<Module> {
  const module = await em.findOne(Module, { code });
  if (!module) throw notFound('Module', code);
  return module;
}

export function alleProgrammas(em: EntityManager): Promise<ProgrammaType[]> {
  return programmaLezen.find(em, {}, { orderBy: { code: 'asc' } });
}

/** Adds a module or submodule (beheerder): the MGR grows over time. One transaction, audited. */
export function moduleToevoegen(ctx: Schrijver, invoer: ModuleInvoer): Promise<Module> {
  const taakveld = invoer.taakveld?.trim() || null;
  const probleem = taakveld ? taakveldProbleem(taakveld, Number(vandaag(ctx).slice(0, 4))) : null;
  if (probleem) throw hubError(ErrorCode.BAD_USER_INPUT, `Ongeldig taakveld: ${probleem}.`, { veld: 'taakveld' });
  return ctx.em.transactional(async (em) => {
    if (await em.count(Module, { code: invoer.code })) {
      throw hubError(ErrorCode.CONFLICT, `Module ${invoer.code} bestaat al.`, { code: invoer.code });
    }
    const programma = invoer.programma ? await em.findOne(Programma, { code: invoer.programma }) : null;
    if (invoer.programma && !programma) throw notFound('Programma', invoer.programma);
    const hoofdmodule = invoer.hoofdmodule ? await moduleMetCode(em, invoer.hoofdmodule) : null;
    if (hoofdmodule?.hoofdmodule) {
      throw hubError(ErrorCode.BAD_USER_INPUT, `${hoofdmodule.code} is zelf een submodule; submodules hebben geen submodules.`);
    }
    const module = em.create(Module, {
      code: invoer.code,
      naam: invoer.naam.trim(),
      omschrijving: invoer.omschrijving.trim(),
      programma: programma ?? hoofdmodule?.programma ?? null,
      hoofdmodule,
      startdatum: invoer.startdatum,
      taakveld,
    });
    await em.flush();
    audit(em, ctx, 'MODULE_TOEGEVOEGD', 'Module', module.id, null, module);
    return module;
  });
}
