import type { EntityManager } from '@mikro-orm/postgresql';
import { audit } from '../audit/audit.service.js';
import type { Schrijver } from '../context.js';
import { ErrorCode, hubError } from '../core/errors.js';
import type { Module } from '../module/module.entity.js';
import { moduleMetCode } from '../module/module.service.js';
import { Jaarafsluiting, JaarStatus } from './jaarafsluiting.entity.js';
import { jaarafsluitingLezen, type JaarafsluitingType } from './jaarafsluiting.types.js';

const datum = (moment: Date) => moment.toISOString().slice(0, 10);

/**
 * Refuses a change that touches a closed year of the module (from `van` up to and including `tot`;
 * `tot` null = open-ended). The one rule every writing service asks; the database triggers guard
 * the same rule for budgets, keys and contributions.
 */
export async function vereisOpenJaren(em: EntityManager, module: Module, van: number, tot: number | null, wat: string): Promise<void> {
  const jaren = tot === null ? { $gte: van } : { $gte: van, $lte: tot };
  const gesloten = await em.find(Jaarafsluiting, { module, status: JaarStatus.AFGESLOTEN, jaar: jaren }, { orderBy: { jaar: 'asc' } });
  if (gesloten.length === 0) return;
  const eerste = gesloten[0];
  const welke = gesloten.length === 1 ? `Het jaar ${eerste.jaar}` : `De jaren ${gesloten.map((a) => a.jaar).join(', ')}`;
  throw hubError(
    ErrorCode.JAAR_AFGESLOTEN,
    `${welke} van ${module.code} ${gesloten.length === 1 ? 'is' : 'zijn'} afgesloten (jaarrekening vastgelegd, afgesloten op ${datum(eerste.afgeslotenOp)}); ` +
      `${wat} kan daarom niet. Een beheerder kan een jaar heropenen met jaarHeropenen, met een reden.`,
    { module: module.code, jaren: gesloten.map((a) => a.jaar) },
  );
}

export function vereisOpenJaar(em: EntityManager, module: Module, jaar: number, wat: string): Promise<void> {
  return vereisOpenJaren(em, module, jaar, jaar, wat);
}

/** Closes the module's year, inside the caller's transaction (when the jaarrekening is recorded). */
export async function sluitJaarAf(em: EntityManager, ctx: Pick<Schrijver, 'identity' | 'now'>, module: Module, jaar: number): Promise<Jaarafsluiting> {
  const bestaand = await em.findOne(Jaarafsluiting, { module, jaar });
  const { identity: wie } = ctx;
  const nu = ctx.now();
  const door = `${wie.naam} (${wie.id}, ${wie.rol})`;
  const voor = bestaand ? { status: bestaand.status } : null;
  const afsluiting = bestaand ?? em.create(Jaarafsluiting, { module, jaar, status: JaarStatus.AFGESLOTEN, afgeslotenOp: nu, afgeslotenDoor: door });
  Object.assign(afsluiting, { status: JaarStatus.AFGESLOTEN, afgeslotenOp: nu, afgeslotenDoor: door });
  await em.flush();
  audit(em, ctx, 'JAAR_AFGESLOTEN', 'Jaarafsluiting', afsluiting.id, voor, { module: module.code, jaar, status: JaarStatus.AFGESLOTEN });
  return afsluiting;
}

/** Reopens a closed year (beheerder), with a reason; audited. */
export function jaarHeropenen(ctx: Schrijver, moduleCode: string, jaar: number, reden: string): Promise<Jaarafsluiting> {
  const toelichting = reden.trim();
  if (toelichting.length < 10) {
    throw hubError(ErrorCode.BAD_USER_INPUT, 'Geef een reden van minstens tien tekens: waarom moet de afgesloten jaarrekening worden heropend?');
  }
  return ctx.em.transactional(async (em) => {
    const module = await moduleMetCode(em, moduleCode);
    const afsluiting = await em.findOne(Jaarafsluiting, { module, jaar });
    if (!afsluiting) {
      throw hubError(ErrorCode.INVALID_STATUS, `Het jaar ${jaar} van ${module.code} is niet afgesloten: er is nog geen jaarrekening vastgelegd.`);
    }
    if (afsluiting.status === JaarStatus.HEROPEND) throw hubError(ErrorCode.INVALID_STATUS, `Het jaar ${jaar} van ${module.code} is al heropend.`);
    Object.assign(afsluiting, {
      status: JaarStatus.HEROPEND,
      heropendOp: ctx.now(),
      heropendDoor: `${ctx.identity.naam} (${ctx.identity.id}, ${ctx.identity.rol})`,
      redenHeropening: toelichting,
    });
    await em.flush();
    audit(em, ctx, 'JAAR_HEROPEND', 'Jaarafsluiting', afsluiting.id, { status: JaarStatus.AFGESLOTEN }, { module: module.code, jaar, status: JaarStatus.HEROPEND, reden: toelichting });
    return afsluiting;
  });
}

/** The closings of the years, per module and year. */
export function zoekJaarafsluitingen(em: EntityManager, moduleCode?: string, jaar?: number): Promise<JaarafsluitingType[]> {
  return jaarafsluitingLezen.find(
    em,
    { ...(moduleCode ? { module: { code: moduleCode } } : {}), ...(jaar !== undefined ? { jaar } : {}) },
    { orderBy: { module: { code: 'asc' }, jaar: 'asc' } },
  );
}
