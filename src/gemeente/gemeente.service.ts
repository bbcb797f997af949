import type { EntityManager } from '@mikro-orm/postgresql';
import { audit } from '../audit/audit.service.js';
import type { Schrijver } from '../context.js';
import { ErrorCode, hubError, notFound } from '../core/errors.js';
import { Gemeente } from './gemeente.entity.js';
import type { GemeenteInvoer, InwonertalInvoer } from './gemeente.inputs.js';
import { gemeenteWhere, type GemeenteWhere } from './gemeente.where.js';
import { Inwonertal } from './inwonertal.entity.js';
import { gemeenteLezen, type GemeenteType } from './gemeente.types.js';
import type { InwonertalType } from './inwonertal.types.js';

export function alleGemeenten(em: EntityManager, where?: GemeenteWhere): Promise<GemeenteType[]> {
  return gemeenteLezen.find(em, gemeenteWhere(where), { orderBy: { naam: 'asc' } });
}

/** A gemeente as the graph reads it, by CBS code. */
export async function leesGemeente(em: EntityManager, cbsCode: string): Promise<GemeenteType> {
  const [gemeente] = await gemeenteLezen.find(em, { cbsCode });
  if (!gemeente) throw notFound('Gemeente', cbsCode);
  return gemeente;
}

export async function gemeenteMetCode(em: EntityManager, cbsCode: string): Promise<Gemeente> {
  const gemeente = await em.findOne(Gemeente, { cbsCode });
  if (!gemeente) throw notFound('Gemeente', cbsCode);
  return gemeente;
}

/** Inhabitants in `jaar`, or in the latest year known when no year is asked; null when unknown. */
export function inwonersIn(tallen: InwonertalType[], jaar: number | undefined): number | null {
  if (jaar !== undefined) return tallen.find((t) => t.jaar === jaar)?.aantal ?? null;
  return tallen.reduce<InwonertalType | null>((laatste, t) => (!laatste || t.jaar > laatste.jaar ? t : laatste), null)?.aantal ?? null;
}

/** Adds a gemeente (beheerder); one transaction, audited. */
export function gemeenteToevoegen(ctx: Schrijver, invoer: GemeenteInvoer): Promise<Gemeente> {
  return ctx.em.transactional(async (em) => {
    if (await em.count(Gemeente, { cbsCode: invoer.cbsCode })) {
      throw hubError(ErrorCode.CONFLICT, `Gemeente ${invoer.cbsCode} bestaat al.`, { cbsCode: invoer.cbsCode });
    }
    const gemeente = em.create(Gemeente, { cbsCode: invoer.cbsCode, naam: invoer.naam.trim() });
    await em.flush();
    audit(em, ctx, 'GEMEENTE_TOEGEVOEGD', 'Gemeente', gemeente.id, null, gemeente);
    return gemeente;
  });
}

/** Records (or corrects) a gemeente's inhabitants for a year; the previous figure goes to the audit log. */
export function inwonertalVastleggen(ctx: Schrijver, invoer: InwonertalInvoer): Promise<Inwonertal> {
  return ctx.em.transactional((em) => legInwonertalVast(em, ctx, invoer));
}

/** The write of inwonertalVastleggen inside the caller's transaction (also used by the StatLine import). */
export async function legInwonertalVast(em: EntityManager, ctx: Schrijver, invoer: Pick<InwonertalInvoer, 'gemeente' | 'jaar' | 'aantal' | 'bron'>): Promise<Inwonertal> {
  const gemeente = await gemeenteMetCode(em, invoer.gemeente);
  const bestaand = await em.findOne(Inwonertal, { gemeente, jaar: invoer.jaar });
  const voor = bestaand ? { ...bestaand } : null;
  const tal = bestaand ?? em.create(Inwonertal, { gemeente, jaar: invoer.jaar, aantal: invoer.aantal, bron: invoer.bron });
  tal.aantal = invoer.aantal;
  tal.bron = invoer.bron.trim();
  await em.flush();
  audit(em, ctx, 'INWONERTAL_VASTGELEGD', 'Inwonertal', tal.id, voor, tal);
  return tal;
}
