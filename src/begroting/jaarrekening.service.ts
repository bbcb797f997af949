import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { audit, type Door } from '../audit/audit.service.js';
import { ErrorCode, hubError } from '../core/errors.js';
import { vereisOpenJaar } from '../jaarafsluiting/jaarafsluiting.service.js';
import { moduleMetCode } from '../module/module.service.js';
import { toekomst } from './begroting.service.js';
import type { JaarrekeningInvoer } from './begroting.inputs.js';
import { Jaarrekening } from './jaarrekening.entity.js';
import { jaarrekeningLezen, type JaarrekeningType } from './jaarrekening.types.js';

/** Jaarrekeningen, optionally of one year and of some modules; by module code, then year. */
export function zoekJaarrekeningen(em: EntityManager, filter: { jaar?: number; modules?: string[] }): Promise<JaarrekeningType[]> {
  const where: FilterQuery<Jaarrekening> = {};
  if (filter.jaar !== undefined) where.jaar = filter.jaar;
  if (filter.modules) where.module = { code: { $in: filter.modules.map((m) => m.trim().toUpperCase()) } };
  return jaarrekeningLezen.find(em, where, { orderBy: { module: { code: 'asc' }, jaar: 'asc' } });
}

/** One module's jaarrekening of a year; NOT_FOUND for an unknown module or a year without one. */
export async function leesJaarrekening(em: EntityManager, moduleCode: string, jaar: number): Promise<JaarrekeningType> {
  const module = await moduleMetCode(em, moduleCode);
  const [jaarrekening] = await jaarrekeningLezen.find(em, { module, jaar });
  if (!jaarrekening) {
    throw hubError(ErrorCode.NOT_FOUND, `${module.code} heeft over ${jaar} (nog) geen jaarrekening; een beheerder legt die vast met jaarrekeningVastleggen.`, {
      key: `${module.code} ${jaar}`,
    });
  }
  return jaarrekening;
}

/** When a jaarrekening can plausibly have been adopted (Wgr art. 34a: in the year after, or at the latest the year after that): why not, or null. */
function vaststellingsProbleem(invoer: JaarrekeningInvoer, vandaagDatum: string, vorige: Jaarrekening | null): string | null {
  const { jaar, vastgesteldOp: datum } = invoer;
  if (datum > vandaagDatum) return toekomst(datum);
  if (datum < `${jaar + 1}-01-01` || datum > `${jaar + 2}-12-31`) {
    return `de jaarrekening ${jaar} wordt na afloop van het jaar vastgesteld, in ${jaar + 1} (Wgr art. 34a) of uiterlijk ${jaar + 2}; niet op ${datum}`;
  }
  if (vorige && datum < vorige.vastgesteldOp) {
    return `een gecorrigeerde jaarrekening kan niet eerder zijn vastgesteld dan de jaarrekening die zij vervangt (${vorige.vastgesteldOp})`;
  }
  return null;
}

export interface VastgelegdeJaarrekening {
  jaarrekening: Jaarrekening;
  /** False when the module's year already had exactly this jaarrekening. */
  gewijzigd: boolean;
}

/**
 * Records a module's jaarrekening of a year inside the caller's transaction. The year must be open:
 * the first time, or after a beheerder reopened it (jaarHeropenen) to correct it. A correction
 * replaces the figures of the one jaarrekening of the module and year (audited, old → new); the same
 * figures again change nothing.
 */
export async function legJaarrekeningVast(em: EntityManager, door: Door, invoer: JaarrekeningInvoer, vandaagDatum: string): Promise<VastgelegdeJaarrekening> {
  if (invoer.lasten.isNegative() || invoer.baten.isNegative()) throw hubError(ErrorCode.BAD_USER_INPUT, 'Lasten en baten kunnen niet negatief zijn.');
  const module = await moduleMetCode(em, invoer.module);
  const vorige = await em.findOne(Jaarrekening, { module, jaar: invoer.jaar });
  await vereisOpenJaar(em, module, invoer.jaar, vorige ? 'de jaarrekening corrigeren' : 'de jaarrekening vastleggen');
  const probleem = vaststellingsProbleem(invoer, vandaagDatum, vorige);
  if (probleem) throw hubError(ErrorCode.BAD_USER_INPUT, `Onwaarschijnlijke vaststellingsdatum: ${probleem}.`, { veld: 'vastgesteldOp' });
  const waarden = { lasten: invoer.lasten, baten: invoer.baten, vastgesteldOp: invoer.vastgesteldOp, omschrijving: invoer.omschrijving.trim() };
  const beeld = (j: Jaarrekening) => ({ module: module.code, jaar: j.jaar, lasten: j.lasten.toFixed(2), baten: j.baten.toFixed(2), vastgesteldOp: j.vastgesteldOp, omschrijving: j.omschrijving });
  if (!vorige) {
    const jaarrekening = em.create(Jaarrekening, { module, jaar: invoer.jaar, ...waarden });
    await em.flush();
    audit(em, door, 'JAARREKENING_VASTGELEGD', 'Jaarrekening', jaarrekening.id, null, beeld(jaarrekening));
    return { jaarrekening, gewijzigd: true };
  }
  const voor = beeld(vorige);
  const zelfde =
    vorige.lasten.equals(waarden.lasten) && vorige.baten.equals(waarden.baten) && vorige.vastgesteldOp === waarden.vastgesteldOp && vorige.omschrijving === waarden.omschrijving;
  if (zelfde) return { jaarrekening: vorige, gewijzigd: false };
  Object.assign(vorige, waarden);
  await em.flush();
  audit(em, door, 'JAARREKENING_GECORRIGEERD', 'Jaarrekening', vorige.id, voor, beeld(vorige));
  return { jaarrekening: vorige, gewijzigd: true };
}
