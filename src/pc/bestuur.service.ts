import type { EntityManager } from '@mikro-orm/postgresql';
import { audit, momentopname } from '../audit/audit.service.js';
import type { Schrijver } from '../context.js';
import { ErrorCode, hubError, notFound } from '../core/errors.js';
import { gemeenteMetCode } from '../gemeente/gemeente.service.js';
import { Programma } from '../module/programma.entity.js';
import { Bestuurscommissie, BestuurscommissieLid, Commissieadvies, Commissievergadering } from './bestuur.entity.js';
import type { BestuurscommissieLidInvoer, CommissieadviesInvoer, CommissievergaderingInvoer } from './bestuur.inputs.js';
import { bestuurscommissieLezen, type BestuurscommissieType } from './bestuur.types.js';
import { documentMetId, idVan, vereisNietInToekomst } from './pc.service.js';

const fout = (melding: string) => hubError(ErrorCode.BAD_USER_INPUT, melding);

async function commissieVan(em: EntityManager, programmaCode: string): Promise<Bestuurscommissie> {
  const commissie = await em.findOne(Bestuurscommissie, { programma: { code: programmaCode.trim() } });
  if (!commissie) throw notFound('Bestuurscommissie van programma', programmaCode);
  return commissie;
}

export function zoekBestuurscommissies(em: EntityManager): Promise<BestuurscommissieType[]> {
  return bestuurscommissieLezen.find(em, {}, { orderBy: { naam: 'asc' } });
}

/** A bestuurscommissie for a programma (one per programma, as the MGR regeling has it). */
export function bestuurscommissieToevoegen(ctx: Schrijver, programmaCode: string, naam: string): Promise<Bestuurscommissie> {
  const titel = naam.trim();
  if (!titel) throw fout('Geef de bestuurscommissie een naam.');
  return ctx.em.transactional(async (em) => {
    const programma = await em.findOne(Programma, { code: programmaCode.trim() });
    if (!programma) throw notFound('Programma', programmaCode);
    if (await em.count(Bestuurscommissie, { programma })) throw hubError(ErrorCode.CONFLICT, `Programma ${programma.code} heeft al een bestuurscommissie.`);
    const commissie = em.create(Bestuurscommissie, { programma, naam: titel });
    await em.flush();
    audit(em, ctx, 'BESTUURSCOMMISSIE_TOEGEVOEGD', 'Bestuurscommissie', commissie.id, null, momentopname(commissie));
    return commissie;
  });
}

export function bestuurscommissieLidToevoegen(ctx: Schrijver, invoer: BestuurscommissieLidInvoer): Promise<BestuurscommissieLid> {
  const naam = invoer.naam.trim();
  const portefeuille = invoer.portefeuille.trim();
  if (!naam || !portefeuille) throw fout('Geef de naam en de portefeuille van het lid.');
  return ctx.em.transactional(async (em) => {
    const commissie = await commissieVan(em, invoer.programma);
    const gemeente = await gemeenteMetCode(em, invoer.gemeente.trim().toUpperCase());
    if (await em.count(BestuurscommissieLid, { commissie, gemeente, naam })) throw hubError(ErrorCode.CONFLICT, `${naam} (${gemeente.naam}) is al lid van ${commissie.naam}.`);
    const lid = em.create(BestuurscommissieLid, { commissie, gemeente, naam, portefeuille });
    await em.flush();
    audit(em, ctx, 'BESTUURSCOMMISSIE_LID_TOEGEVOEGD', 'BestuurscommissieLid', lid.id, null, momentopname(lid));
    return lid;
  });
}

export function commissievergaderingToevoegen(ctx: Schrijver, invoer: CommissievergaderingInvoer): Promise<Commissievergadering> {
  const onderwerp = invoer.onderwerp.trim();
  if (!onderwerp) throw fout('Geef het onderwerp van de vergadering.');
  return ctx.em.transactional(async (em) => {
    const commissie = await commissieVan(em, invoer.programma);
    const vergadering = em.create(Commissievergadering, { commissie, datum: invoer.datum, onderwerp });
    await em.flush();
    audit(em, ctx, 'COMMISSIEVERGADERING_TOEGEVOEGD', 'Commissievergadering', vergadering.id, null, momentopname(vergadering));
    return vergadering;
  });
}

/** A commissie's advice on a document: given, so not after today, and before the AB adopted it. */
export function commissieadviesVastleggen(ctx: Schrijver, invoer: CommissieadviesInvoer): Promise<Commissieadvies> {
  const tekst = invoer.advies.trim();
  if (!tekst) throw fout('Geef de tekst van het advies.');
  vereisNietInToekomst(invoer.datum, 'van het advies', ctx);
  const id = idVan(invoer.document, 'P&C-stuk');
  return ctx.em.transactional(async (em) => {
    const commissie = await commissieVan(em, invoer.programma);
    const document = await documentMetId(em, id);
    if (document.vastgesteldOp && invoer.datum > document.vastgesteldOp) {
      throw fout(`Het advies (${invoer.datum}) ligt na de vaststelling van "${document.titel}" door het algemeen bestuur (${document.vastgesteldOp}).`);
    }
    if (await em.count(Commissieadvies, { commissie, document })) throw hubError(ErrorCode.CONFLICT, `${commissie.naam} heeft al geadviseerd over "${document.titel}".`);
    const advies = em.create(Commissieadvies, { commissie, document, datum: invoer.datum, advies: tekst });
    await em.flush();
    audit(em, ctx, 'COMMISSIEADVIES_VASTGELEGD', 'Commissieadvies', advies.id, null, momentopname(advies));
    return advies;
  });
}
