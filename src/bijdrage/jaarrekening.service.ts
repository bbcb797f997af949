import { BegrotingSoort } from '../begroting/begroting.entity.js';
import type { JaarrekeningInvoer } from '../begroting/begroting.inputs.js';
import { legBegrotingVast } from '../begroting/begroting.service.js';
import { vandaag, type Schrijver } from '../context.js';
import { ErrorCode, hubError } from '../core/errors.js';
import { Jaarafsluiting, JaarStatus } from '../jaarafsluiting/jaarafsluiting.entity.js';
import { sluitJaarAf } from '../jaarafsluiting/jaarafsluiting.service.js';
import { moduleMetCode } from '../module/module.service.js';
import { actueleBijdragen } from './actueel.service.js';
import { berekenBijdragen, type BerekeningUitkomst } from './bijdrage-berekening.service.js';
import { Bijdrage, Fase } from './bijdrage.entity.js';

export interface JaarrekeningUitkomst extends BerekeningUitkomst {
  afsluiting: Jaarafsluiting;
}

/**
 * Records a module's jaarrekening (beheerder) in one transaction: the realised figures as a budget
 * version, the realised contributions computed from them with the year's key, and the year closed.
 * From then on nothing changes that year until a beheerder reopens it.
 */
export function jaarrekeningVastleggen(ctx: Schrijver, invoer: JaarrekeningInvoer): Promise<JaarrekeningUitkomst> {
  return ctx.em.transactional(async (em) => {
    const begroting = await legBegrotingVast(em, ctx, { ...invoer, soort: BegrotingSoort.REALISATIE }, vandaag(ctx));
    const opdracht = { module: invoer.module, jaar: invoer.jaar, soort: BegrotingSoort.REALISATIE, volgnummer: 0 };
    const uitkomst = await berekenBijdragen(em, ctx, begroting.module, opdracht);
    const afsluiting = await sluitJaarAf(em, ctx, begroting.module, invoer.jaar);
    return { ...uitkomst, afsluiting };
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
      throw hubError(ErrorCode.BAD_USER_INPUT, `Er zijn voor ${module.code} ${jaar} geen gerealiseerde bijdragen; bereken die eerst met bijdragenBerekenen (soort REALISATIE).`);
    }
    return sluitJaarAf(em, ctx, module, jaar);
  });
}
