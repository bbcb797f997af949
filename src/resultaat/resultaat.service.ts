import type { EntityManager } from '@mikro-orm/postgresql';
import { audit } from '../audit/audit.service.js';
import { afrekening, regelVan } from '../bijdrage/afrekening.service.js';
import { Afrekengrondslag, type Afrekening } from '../bijdrage/afrekening.types.js';
import { actueleBijdrage } from '../bijdrage/actueel.service.js';
import { verdeel } from '../bijdrage/verdeling.service.js';
import { vandaag, type Schrijver } from '../context.js';
import { Decimal } from '../core/decimal.js';
import { ErrorCode, hubError } from '../core/errors.js';
import type { Module } from '../module/module.entity.js';
import { leesModule, moduleMetCode } from '../module/module.service.js';
import { Reserve, Reservemutatie, ReservemutatieSoort, ReserveSoort } from './reserve.entity.js';
import { controleerMutatie, door, reserveVoorMutatie, tekst, vereisStandNietNegatief } from './reserve.service.js';
import type { ResultaatbestemmingInvoer } from './resultaat.inputs.js';
import { BestemmingSoort, Resultaatbestemming, ResultaatbestemmingRegel } from './resultaatbestemming.entity.js';
import { JaarresultaatType, Resultaatuitkomst } from './resultaat.types.js';

/** How each kind of line counts towards the result: a surplus is refunded or reserved, a deficit charged or taken from a reserve. */
const TEKEN: Record<BestemmingSoort, 1 | -1> = {
  [BestemmingSoort.TERUGBETALEN_AAN_GEMEENTEN]: 1,
  [BestemmingSoort.TOEVOEGEN_AAN_RESERVE]: 1,
  [BestemmingSoort.BIJ_TE_BETALEN_DOOR_GEMEENTEN]: -1,
  [BestemmingSoort.ONTTREKKEN_AAN_RESERVE]: -1,
};

interface JaarrekeningRij {
  module_id: number;
  code: string;
  lasten: string;
  baten: string;
  vastgesteld_op: string;
  begroot: string;
  gerealiseerd: string;
  resultaat: string;
  bestemming_id: number | null;
  bestemd: string | null;
}

/**
 * The result of every module with a jaarrekening in the year (or of one module): the budgeted net cost
 * na wijziging minus the realised net cost of the jaarrekening (once its realised contributions are
 * computed); the budget as the view actuele_begroting defines it (the one definition of the current
 * figures): the current amendment when the module has one that year, else the primitieve begroting.
 * These are the figures whose contributions the afrekening compares, and contributions add up exactly to their version's net
 * cost, so the result is exactly minus the afrekening's full difference (tests/resultaat.test.ts).
 * One statement, whatever the number of modules; runs in the caller's transaction (em.execute).
 */
export async function jaarresultaten(em: EntityManager, jaar: number, moduleCode?: string): Promise<Array<JaarresultaatType & { vastgesteldOp: string; code: string }>> {
  const rijen = await em.execute<JaarrekeningRij[]>(
    `select r.module_id, m.code, r.lasten::text as lasten, r.baten::text as baten, r.vastgesteld_op::text as vastgesteld_op,
            coalesce(nw.netto, 0)::text as begroot, (r.lasten - r.baten)::text as gerealiseerd,
            (coalesce(nw.netto, 0) - (r.lasten - r.baten))::text as resultaat,
            rb.id as bestemming_id, rb.resultaat::text as bestemd
     from jaarrekening r
     join module m on m.id = r.module_id
     left join lateral (
       select b.lasten - b.baten as netto
       from actuele_begroting a join begroting b on b.id = a.id
       where a.module_id = r.module_id and a.jaar = r.jaar and a.soort in ('PRIMITIEF', 'WIJZIGING')
       order by a.soort = 'WIJZIGING' desc limit 1) nw on true
     left join resultaatbestemming rb on rb.module_id = r.module_id and rb.jaar = r.jaar and rb.ingetrokken_op is null
     where exists (select 1 from bijdrage x where x.jaarrekening_id = r.id) and r.jaar = ? and (?::text is null or m.code = ?)
     order by m.code`,
    [jaar, moduleCode ?? null, moduleCode ?? null],
  );
  return rijen.map((rij) => {
    const resultaat = new Decimal(rij.resultaat);
    const nogTeBestemmen = rij.bestemd === null ? resultaat : resultaat.minus(rij.bestemd);
    const uitkomst = resultaat.isZero() ? Resultaatuitkomst.NIHIL : resultaat.isPositive() ? Resultaatuitkomst.VOORDELIG : Resultaatuitkomst.NADELIG;
    return Object.assign(new JaarresultaatType(), {
      moduleId: rij.module_id,
      code: rij.code,
      jaar,
      lasten: rij.lasten,
      baten: rij.baten,
      vastgesteldOp: rij.vastgesteld_op,
      begrootNaWijziging: new Decimal(rij.begroot).toFixed(2),
      gerealiseerd: new Decimal(rij.gerealiseerd).toFixed(2),
      resultaat: resultaat.toFixed(2),
      uitkomst,
      resultaatbestemmingId: rij.bestemming_id,
      nogTeBestemmen: nogTeBestemmen.toFixed(2),
    });
  });
}

/** The result of one module and year; refused while there is no jaarrekening. */
export async function jaarresultaat(em: EntityManager, moduleCode: string, jaar: number) {
  const [resultaat] = await jaarresultaten(em, jaar, moduleCode);
  if (!resultaat) {
    // Only now tell an unknown module (NOT_FOUND) from one without a jaarrekening.
    const module = await leesModule(em, moduleCode);
    throw hubError(ErrorCode.INVALID_STATUS, `${module.code} heeft over ${jaar} nog geen jaarrekening met gerealiseerde bijdragen; leg die eerst vast met jaarrekeningVastleggen.`);
  }
  return resultaat;
}

const bedragTekst = (d: Decimal) => d.toFixed(2);

/**
 * Records the AB's resultaatbestemming of a module's year (beheerder), in one transaction with the
 * reserve movements it causes. It comes after the jaarrekening (which closes the year) and changes
 * none of that year's figures, so a closed year is no obstacle; the reserve movements are booked on
 * the besluit date, in the year of the decision, which must be open for a module's reserve. The
 * lines must add up exactly to the result; a reserve never goes below zero. One in force per module
 * and year: a new decision needs the earlier one withdrawn first (resultaatbestemmingIntrekken).
 */
export function resultaatbestemmingVastleggen(ctx: Schrijver, invoer: ResultaatbestemmingInvoer): Promise<Resultaatbestemming> {
  return ctx.em.transactional(async (em) => {
    const module = await moduleMetCode(em, invoer.module);
    const resultaat = await jaarresultaat(em, module.code, invoer.jaar);
    if (resultaat.resultaatbestemmingId !== null) {
      throw hubError(
        ErrorCode.CONFLICT,
        `Het algemeen bestuur heeft al over het resultaat ${invoer.jaar} van ${module.code} besloten; een resultaatbestemming wordt niet overschreven. ` +
          'Neemt het AB een nieuw besluit, trek het oude dan eerst in met resultaatbestemmingIntrekken.',
      );
    }
    if (invoer.besluitOp < resultaat.vastgesteldOp) {
      throw hubError(
        ErrorCode.BAD_USER_INPUT,
        `Het besluit over de resultaatbestemming (${invoer.besluitOp}) kan niet vóór de vaststelling van de jaarrekening ${invoer.jaar} (${resultaat.vastgesteldOp}) liggen.`,
        { veld: 'besluitOp' },
      );
    }
    if (invoer.besluitOp > vandaag(ctx)) throw hubError(ErrorCode.BAD_USER_INPUT, `De besluitdatum ${invoer.besluitOp} ligt in de toekomst.`, { veld: 'besluitOp' });

    const problemen: Array<{ regel: number; probleem: string }> = [];
    const reserves = new Map<number, Reserve>();
    for (const [i, regel] of invoer.regels.entries()) {
      const nr = i + 1;
      if (!regel.bedrag.isPositive() || regel.bedrag.isZero()) problemen.push({ regel: nr, probleem: 'het bedrag moet groter dan nul zijn (de soort zegt de richting)' });
      const reserveregel = regel.soort === BestemmingSoort.TOEVOEGEN_AAN_RESERVE || regel.soort === BestemmingSoort.ONTTREKKEN_AAN_RESERVE;
      if (!reserveregel) {
        if (regel.reserve != null) problemen.push({ regel: nr, probleem: `${regel.soort} noemt geen reserve` });
        continue;
      }
      if (regel.reserve == null) {
        problemen.push({ regel: nr, probleem: `${regel.soort} moet een reserve noemen` });
        continue;
      }
      const reserve = reserves.get(regel.reserve) ?? (await em.findOne(Reserve, { id: regel.reserve }, { populate: ['module'] }));
      if (!reserve) {
        problemen.push({ regel: nr, probleem: `reserve ${regel.reserve} bestaat niet` });
        continue;
      }
      reserves.set(reserve.id, reserve);
      // BBV art. 44: a voorziening is a liability, formed through the lasten, not from the result.
      if (reserve.soort === ReserveSoort.VOORZIENING) {
        problemen.push({ regel: nr, probleem: `"${reserve.naam}" is een voorziening; een resultaat gaat naar of komt uit een reserve (BBV: een voorziening wordt via de lasten gevormd)` });
      }
      if (reserve.module && reserve.module.id !== module.id) {
        problemen.push({ regel: nr, probleem: `"${reserve.naam}" is een reserve van ${reserve.module.code}, niet van ${module.code} (of MGR-breed)` });
      }
    }
    const bestemd = invoer.regels.reduce((som, r) => som.plus(r.bedrag.times(TEKEN[r.soort])), new Decimal(0));
    const doel = new Decimal(resultaat.resultaat);
    if (!bestemd.equals(doel)) {
      const verschil = doel.minus(bestemd);
      problemen.push({
        regel: 0,
        probleem: `de regels tellen op tot ${bedragTekst(bestemd)} maar het resultaat is ${bedragTekst(doel)} (verschil ${bedragTekst(verschil)}; terugbetalen en toevoegen tellen positief, bijbetalen en onttrekken negatief)`,
      });
    }
    if (problemen.length) {
      const tekst = problemen.map((p) => (p.regel ? `regel ${p.regel}: ${p.probleem}` : p.probleem)).join('; ');
      throw hubError(ErrorCode.BAD_USER_INPUT, `De resultaatbestemming ${invoer.jaar} van ${module.code} klopt niet: ${tekst}. Er is niets vastgelegd.`, {
        problemen,
        verschil: bedragTekst(doel.minus(bestemd)),
      });
    }

    const wie = door(ctx);
    const bestemming = em.create(Resultaatbestemming, {
      module,
      jaar: invoer.jaar,
      besluitOp: invoer.besluitOp,
      resultaat: doel,
      omschrijving: tekst(invoer.omschrijving, 'omschrijving', 'Omschrijving'),
      vastgelegdOp: ctx.now(),
      vastgelegdDoor: wie,
    });
    const geraakt = new Set<Reserve>();
    for (const regel of invoer.regels) {
      const reserve = regel.reserve == null ? null : await reserveVoorMutatie(em, regel.reserve);
      em.create(ResultaatbestemmingRegel, { resultaatbestemming: bestemming, soort: regel.soort, bedrag: regel.bedrag, reserve });
      if (!reserve) continue;
      const soort = regel.soort === BestemmingSoort.TOEVOEGEN_AAN_RESERVE ? ReservemutatieSoort.TOEVOEGING : ReservemutatieSoort.ONTTREKKING;
      await controleerMutatie(em, ctx, reserve, soort, invoer.besluitOp, 'een mutatie van een reserve in het jaar van het besluit');
      em.create(Reservemutatie, {
        reserve,
        soort,
        datum: invoer.besluitOp,
        bedrag: regel.bedrag,
        reden: `Resultaatbestemming ${invoer.jaar} ${module.code}: ${bestemming.omschrijving}`,
        resultaatbestemming: bestemming,
        vastgelegdOp: ctx.now(),
        vastgelegdDoor: wie,
      });
      geraakt.add(reserve);
    }
    await em.flush();
    for (const reserve of geraakt) await vereisStandNietNegatief(em, reserve);
    audit(em, ctx, 'RESULTAATBESTEMMING_VASTGELEGD', 'Resultaatbestemming', bestemming.id, null, {
      module: module.code,
      jaar: invoer.jaar,
      besluitOp: invoer.besluitOp,
      resultaat: bedragTekst(doel),
      regels: invoer.regels.map((r) => ({ soort: r.soort, bedrag: bedragTekst(r.bedrag), reserve: r.reserve ?? null })),
    });
    return bestemming;
  });
}

/** The opposite movement that books a reserve movement back. */
const TEGENBOEKING: Partial<Record<ReservemutatieSoort, ReservemutatieSoort>> = {
  [ReservemutatieSoort.TOEVOEGING]: ReservemutatieSoort.ONTTREKKING,
  [ReservemutatieSoort.ONTTREKKING]: ReservemutatieSoort.TOEVOEGING,
};

/**
 * Withdraws the resultaatbestemming in force of a module's year (beheerder), in one transaction: when
 * the AB revokes or replaces its decision, or after a corrected jaarrekening. Nothing is deleted: the
 * decision stays with who withdrew it, when and why, and each of its reserve movements is booked back
 * by the opposite movement on the day of withdrawal (that year must be open for a module's reserve),
 * so every earlier stand stays as it was reported. A reserve that has been used since and would go
 * below zero refuses the withdrawal. Afterwards the afrekening is the full difference again until a
 * new decision is recorded.
 */
export function resultaatbestemmingIntrekken(ctx: Schrijver, moduleCode: string, jaar: number, reden: string): Promise<Resultaatbestemming> {
  return ctx.em.transactional(async (em) => {
    const toelichting = reden.trim();
    if (toelichting.length < 10) {
      throw hubError(ErrorCode.BAD_USER_INPUT, 'Geef een reden van minstens tien tekens: waarom trekt het algemeen bestuur de resultaatbestemming in?', { veld: 'reden' });
    }
    const module = await moduleMetCode(em, moduleCode);
    const bestemming = await em.findOne(Resultaatbestemming, { module, jaar, ingetrokkenOp: null });
    if (!bestemming) {
      throw hubError(ErrorCode.INVALID_STATUS, `Er is geen resultaatbestemming ${jaar} van ${module.code} die geldt; er valt niets in te trekken.`);
    }
    const op = vandaag(ctx);
    const wie = door(ctx);
    const mutaties = await em.find(Reservemutatie, { resultaatbestemming: bestemming }, { orderBy: { id: 'asc' } });
    const geraakt = new Map<number, Reserve>();
    const terug: Array<{ reserve: number; soort: ReservemutatieSoort; bedrag: string }> = [];
    for (const mutatie of mutaties) {
      const reserve = geraakt.get(mutatie.reserve.id) ?? (await reserveVoorMutatie(em, mutatie.reserve.id));
      const soort = TEGENBOEKING[mutatie.soort]!;
      await controleerMutatie(em, ctx, reserve, soort, op, 'het terugboeken van een reserve bij het intrekken van een resultaatbestemming');
      em.create(Reservemutatie, {
        reserve,
        soort,
        datum: op,
        bedrag: mutatie.bedrag,
        reden: `Intrekking resultaatbestemming ${jaar} ${module.code}: ${toelichting}`,
        resultaatbestemming: bestemming,
        vastgelegdOp: ctx.now(),
        vastgelegdDoor: wie,
      });
      geraakt.set(reserve.id, reserve);
      terug.push({ reserve: reserve.id, soort, bedrag: bedragTekst(mutatie.bedrag) });
    }
    bestemming.ingetrokkenOp = op;
    bestemming.ingetrokkenDoor = wie;
    bestemming.redenIntrekking = toelichting;
    await em.flush();
    for (const reserve of geraakt.values()) await vereisStandNietNegatief(em, reserve);
    audit(em, ctx, 'RESULTAATBESTEMMING_INGETROKKEN', 'Resultaatbestemming', bestemming.id, { module: module.code, jaar, ingetrokkenOp: null }, {
      module: module.code,
      jaar,
      ingetrokkenOp: op,
      reden: toelichting,
      tegenboekingen: terug,
    });
    return bestemming;
  });
}

/**
 * The afrekening of a module's year. With a resultaatbestemming it settles what the AB decided: the
 * refund lines minus the extra-charge lines, split over the gemeenten by the year's allocation key as
 * the realised contributions used it (units × participation days, exact to the cent, largest
 * remainder). Without one, the full difference per gemeente, as before.
 */
export async function afrekeningVolgensResultaat(em: EntityManager, module: Module, jaar: number): Promise<Afrekening> {
  const volledig = await afrekening(em, module, jaar);
  const [bestemming] = await em.execute<Array<{ netto: string }>>(
    `select coalesce(sum(case r.soort when 'BIJ_TE_BETALEN_DOOR_GEMEENTEN' then r.bedrag when 'TERUGBETALEN_AAN_GEMEENTEN' then -r.bedrag else 0 end), 0)::text as netto
     from resultaatbestemming rb left join resultaatbestemming_regel r on r.resultaatbestemming_id = rb.id
     where rb.module_id = ? and rb.jaar = ? and rb.ingetrokken_op is null group by rb.id`,
    [module.id, jaar],
  );
  if (!bestemming) return volledig;
  // A jaarrekening corrected after the decision (year reopened) changes the result but not what the AB
  // decided: the decided amounts are settled, and the rest shows as nogTeBestemmen in the jaarresultaat.
  const gewichten = await em.execute<Array<{ gemeente_id: number; cbs_code: string; gewicht: string }>>(
    `select b.gemeente_id, g.cbs_code, (b.eenheden * b.deelname_dagen)::text as gewicht
     from bijdrage b join gemeente g on g.id = b.gemeente_id
     where b.module_id = ? and b.jaar = ? and b.fase = 'GEREALISEERD' and ${actueleBijdrage('b')}
       and b.eenheden is not null and b.deelname_dagen is not null
     order by g.cbs_code`,
    [module.id, jaar],
  );
  const netto = new Decimal(bestemming.netto);
  const deel = new Map<number, Decimal>();
  if (!netto.isZero()) {
    const delen = verdeel(netto, gewichten.map((w) => ({ sleutel: w.cbs_code, gewicht: new Decimal(w.gewicht) })));
    for (const [i, d] of delen.entries()) deel.set(gewichten[i].gemeente_id, d.bedrag);
  }
  const nul = new Decimal(0);
  const regels = volledig.regels.map((r) => regelVan(r.gemeenteId, r.gefactureerd, r.gerealiseerd, deel.get(r.gemeenteId!) ?? nul));
  const totaal = regelVan(null, volledig.totaal.gefactureerd, volledig.totaal.gerealiseerd, netto);
  return { jaar, grondslag: Afrekengrondslag.RESULTAATBESTEMMING, regels, totaal };
}
