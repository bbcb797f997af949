import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { audit } from '../audit/audit.service.js';
import type { Schrijver } from '../context.js';
import { ErrorCode, hubError, notFound } from '../core/errors.js';
import { gemeenteMetCode } from '../gemeente/gemeente.service.js';
import { moduleMetCode } from '../module/module.service.js';
import { Organisatie } from '../organisatie/organisatie.entity.js';
import type { DvoInvoer } from './dvo.inputs.js';
import { Dvo } from './dvo.entity.js';
import { dvoLezen, type DvoType } from './dvo.types.js';

export function zoekDvos(em: EntityManager, moduleCode?: string): Promise<DvoType[]> {
  const where: FilterQuery<Dvo> = moduleCode ? { module: { code: moduleCode } } : {};
  return dvoLezen.find(em, where, { orderBy: { kenmerk: 'asc' } });
}

/** A DVO as the graph reads it, by reference. */
export async function leesDvo(em: EntityManager, kenmerk: string): Promise<DvoType> {
  const [dvo] = await dvoLezen.find(em, { kenmerk });
  if (!dvo) throw notFound('DVO', kenmerk);
  return dvo;
}

export async function dvoMetKenmerk(em: EntityManager, kenmerk: string): Promise<Dvo> {
  const dvo = await em.findOne(Dvo, { kenmerk });
  if (!dvo) throw notFound('DVO', kenmerk);
  return dvo;
}

/** Registers a DVO (beheerder): exactly one party, a valid term, a unique reference. Audited. */
export function dvoToevoegen(ctx: Schrijver, invoer: DvoInvoer): Promise<Dvo> {
  if (Boolean(invoer.gemeente) === Boolean(invoer.organisatie)) {
    throw hubError(ErrorCode.BAD_USER_INPUT, 'Geef als partij óf een gemeente óf een organisatie op, niet beide en niet geen van beide.');
  }
  if (invoer.einddatum && invoer.einddatum < invoer.ingangsdatum) {
    throw hubError(ErrorCode.BAD_USER_INPUT, `De einddatum ligt vóór de ingangsdatum ${invoer.ingangsdatum}.`);
  }
  return ctx.em.transactional(async (em) => {
    if (await em.count(Dvo, { kenmerk: invoer.kenmerk })) {
      throw hubError(ErrorCode.CONFLICT, `Er bestaat al een DVO met kenmerk ${invoer.kenmerk}.`);
    }
    const module = await moduleMetCode(em, invoer.module);
    const gemeente = invoer.gemeente ? await gemeenteMetCode(em, invoer.gemeente) : null;
    const organisatie = invoer.organisatie ? await em.findOne(Organisatie, { naam: invoer.organisatie }) : null;
    if (invoer.organisatie && !organisatie) throw notFound('Organisatie', invoer.organisatie);
    const dvo = em.create(Dvo, {
      kenmerk: invoer.kenmerk.trim(),
      omschrijving: invoer.omschrijving.trim(),
      module,
      gemeente,
      organisatie,
      ingangsdatum: invoer.ingangsdatum,
      einddatum: invoer.einddatum ?? null,
      status: invoer.status,
    });
    await em.flush();
    audit(em, ctx, 'DVO_TOEGEVOEGD', 'Dvo', dvo.id, null, dvo);
    return dvo;
  });
}
