import type { JaarrekeningInvoer } from '../begroting/begroting.inputs.js';
import { Jaarrekening } from '../begroting/jaarrekening.entity.js';
import { legJaarrekeningVast } from '../begroting/jaarrekening.service.js';
import { vandaag, type Schrijver } from '../context.js';
import { ErrorCode, hubError } from '../core/errors.js';
import { Jaarafsluiting, JaarStatus } from '../jaarafsluiting/jaarafsluiting.entity.js';
import { sluitJaarAf, vereisOpenJaar } from '../jaarafsluiting/jaarafsluiting.service.js';
import { moduleMetCode } from '../module/module.service.js';
import { berekenBijdragen, type BerekeningUitkomst } from './bijdrage-berekening.service.js';
import { actueleBijdragen } from './actueel.service.js';
import { Bijdrage, Fase } from './bijdrage.entity.js';

export interface JaarrekeningUitkomst extends BerekeningUitkomst<Jaarrekening> {
  afsluiting: Jaarafsluiting;
}

/**
 * Records a module's jaarrekening (beheerder) in one transaction: the realised figures, the realised
 * contributions computed from them with the year's key, and the year closed. From then on nothing
 * changes that year until a beheerder reopens it; in a reopened year the same mutation records the
 * corrected jaarrekening: it replaces the figures (audited, old → new), recomputes the realised
 * contributions and closes the year again.
 */
export function jaarrekeningVastleggen(ctx: Schrijver, invoer: JaarrekeningInvoer): Promise<JaarrekeningUitkomst> {
  return ctx.em.transactional(async (em) => {
    const { jaarrekening, gewijzigd } = await legJaarrekeningVast(em, ctx, invoer, vandaag(ctx));
    const uitkomst = await berekenBijdragen(em, ctx, jaarrekening.module, jaarrekening);
    const afsluiting = await sluitJaarAf(em, ctx, jaarrekening.module, invoer.jaar);
    return { ...uitkomst, gewijzigd: gewijzigd || uitkomst.gewijzigd, afsluiting };
  });
}

/**
 * Recomputes the realised contributions from the module's jaarrekening of the year (controller,
 * beheerder), with the same rules as every computation: only in an open (reopened) year.
 */
export function gerealiseerdeBijdragenBerekenen(ctx: Schrijver, moduleCode: string, jaar: number): Promise<BerekeningUitkomst<Jaarrekening>> {
  return ctx.em.transactional(async (em) => {
    const module = await moduleMetCode(em, moduleCode);
    await vereisOpenJaar(em, module, jaar, 'gerealiseerde bijdragen opnieuw berekenen');
    const jaarrekening = await em.findOne(Jaarrekening, { module, jaar });
    if (!jaarrekening) {
      throw hubError(ErrorCode.INVALID_STATUS, `${module.code} heeft voor ${jaar} nog geen jaarrekening; leg die vast met jaarrekeningVastleggen.`);
    }
    return berekenBijdragen(em, ctx, module, jaarrekening);
  });
}

/** Closes a reopened year again (beheerder), once its realised contributions are in place. */
export function jaarAfsluiten(ctx: Schrijver, moduleCode: string, jaar: number): Promise<Jaarafsluiting> {
  return ctx.em.transactional(async (em) => {
    const module = await moduleMetCode(em, moduleCode);
    const afsluiting = await em.findOne(Jaarafsluiting, { module, jaar });
    if (!afsluiting) {
      throw hubError(ErrorCode.INVALID_STATUS, `${module.code} heeft voor ${jaar} nog geen jaarrekening; leg die vast met jaarrekeningVastleggen.`);
    }
    if (afsluiting.status === JaarStatus.AFGESLOTEN) throw hubError(ErrorCode.INVALID_STATUS, `Het jaar ${jaar} van ${module.code} is al afgesloten.`);
    const gerealiseerd = await em.count(Bijdrage, { $and: [{ module, jaar, fase: Fase.GEREALISEERD }, actueleBijdragen()] });
    if (gerealiseerd === 0) {
      throw hubError(ErrorCode.BAD_USER_INPUT, `Er zijn voor ${module.code} ${jaar} geen gerealiseerde bijdragen; bereken die eerst met gerealiseerdeBijdragenBerekenen.`);
    }
    return sluitJaarAf(em, ctx, module, jaar);
  });
}
