import { audit } from '../audit/audit.service.js';
import type { Schrijver } from '../context.js';
import { ErrorCode, hubError } from '../core/errors.js';
import { moduleMetCode } from '../module/module.service.js';
import { Begroting, BegrotingSoort } from './begroting.entity.js';
import type { BegrotingInvoer } from './begroting.inputs.js';

/** Records a new budget version (beheerder). An existing version is never changed: that is a CONFLICT. */
export function begrotingVastleggen(ctx: Schrijver, invoer: BegrotingInvoer): Promise<Begroting> {
  if (invoer.lasten.isNegative() || invoer.baten.isNegative()) {
    throw hubError(ErrorCode.BAD_USER_INPUT, 'Lasten en baten kunnen niet negatief zijn.');
  }
  if (invoer.soort !== BegrotingSoort.WIJZIGING && invoer.volgnummer !== undefined && invoer.volgnummer !== null) {
    throw hubError(ErrorCode.BAD_USER_INPUT, 'Alleen een begrotingswijziging heeft een volgnummer.');
  }
  return ctx.em.transactional(async (em) => {
    const module = await moduleMetCode(em, invoer.module);
    let volgnummer = 0;
    if (invoer.soort === BegrotingSoort.WIJZIGING) {
      const laatste = await em.findOne(Begroting, { module, jaar: invoer.jaar, soort: BegrotingSoort.WIJZIGING }, { orderBy: { volgnummer: 'desc' } });
      volgnummer = invoer.volgnummer ?? (laatste?.volgnummer ?? 0) + 1;
    }
    if (await em.count(Begroting, { module, jaar: invoer.jaar, soort: invoer.soort, volgnummer })) {
      throw hubError(
        ErrorCode.CONFLICT,
        `${module.code} heeft voor ${invoer.jaar} al een ${invoer.soort.toLowerCase()}${volgnummer ? ` ${volgnummer}` : ''}; versies worden niet overschreven.`,
      );
    }
    const begroting = em.create(Begroting, {
      module,
      jaar: invoer.jaar,
      soort: invoer.soort,
      volgnummer,
      lasten: invoer.lasten,
      baten: invoer.baten,
      vastgesteldOp: invoer.vastgesteldOp,
      omschrijving: invoer.omschrijving.trim(),
    });
    await em.flush();
    audit(em, ctx.identity, 'BEGROTING_VASTGELEGD', 'Begroting', begroting.id, null, begroting);
    return begroting;
  });
}
