import type { EntityManager } from '@mikro-orm/postgresql';
import { audit } from '../audit/audit.service.js';
import { vandaag, type Schrijver } from '../context.js';
import { ErrorCode, hubError, notFound } from '../core/errors.js';
import { vereisOpenJaar } from '../jaarafsluiting/jaarafsluiting.service.js';
import { moduleMetCode } from '../module/module.service.js';
import { Reserve, Reservemutatie, ReservemutatieSoort, ReserveSoort } from './reserve.entity.js';
import type { ReserveInvoer, ReservemutatieInvoer } from './resultaat.inputs.js';
import { reserveLezen, type ReserveType, type ReservestandType } from './resultaat.types.js';

/** Trimmed text; only spaces counts as empty and is refused like a missing field. */
export function tekst(waarde: string, veld: string, label: string): string {
  const getrimd = waarde.trim();
  if (!getrimd) throw hubError(ErrorCode.BAD_USER_INPUT, `${label} mag niet leeg zijn.`, { veld });
  return getrimd;
}

/** Who records a change, as the write tables keep it. */
export const door = (ctx: Schrijver) => `${ctx.identity.naam} (${ctx.identity.id}, ${ctx.identity.rol})`;

/** The signed amount of a movement in SQL: a toevoeging raises the stand, an onttrekking or vrijval lowers it. */
const GETEKEND = `case when m.soort = '${ReservemutatieSoort.TOEVOEGING}' then m.bedrag else -m.bedrag end`;

/** Sets up a reserve or voorziening (beheerder); audited. */
export function reserveInstellen(ctx: Schrijver, invoer: ReserveInvoer): Promise<Reserve> {
  return ctx.em.transactional(async (em) => {
    const module = invoer.module ? await moduleMetCode(em, invoer.module) : null;
    if (invoer.ingesteldOp > vandaag(ctx)) {
      throw hubError(ErrorCode.BAD_USER_INPUT, `De datum van instelling (${invoer.ingesteldOp}) ligt in de toekomst.`, { veld: 'ingesteldOp' });
    }
    const naam = tekst(invoer.naam, 'naam', 'Naam');
    if (await em.count(Reserve, { naam })) throw hubError(ErrorCode.CONFLICT, `Er is al een reserve of voorziening met de naam "${naam}".`, { veld: 'naam' });
    const reserve = em.create(Reserve, { module, soort: invoer.soort, naam, doel: tekst(invoer.doel, 'doel', 'Doel'), ingesteldOp: invoer.ingesteldOp });
    await em.flush();
    audit(em, ctx, 'RESERVE_INGESTELD', 'Reserve', reserve.id, null, { module: module?.code ?? null, soort: reserve.soort, naam, doel: reserve.doel, ingesteldOp: reserve.ingesteldOp });
    return reserve;
  });
}

/**
 * Checks a movement against its reserve before it is written: a vrijval only for a voorziening, a date
 * not before the reserve was set up and not in the future, and for a module's reserve an open year
 * (a closed year's figures are final, so its reserve movements are too).
 */
export async function controleerMutatie(em: EntityManager, ctx: Schrijver, reserve: Reserve, soort: ReservemutatieSoort, datum: string, wat: string): Promise<void> {
  if (soort === ReservemutatieSoort.VRIJVAL && reserve.soort !== ReserveSoort.VOORZIENING) {
    throw hubError(ErrorCode.BAD_USER_INPUT, `Vrijval kan alleen bij een voorziening; "${reserve.naam}" is een ${reserve.soort === ReserveSoort.ALGEMENE_RESERVE ? 'algemene reserve' : 'bestemmingsreserve'} (gebruik ONTTREKKING).`, { veld: 'soort' });
  }
  if (datum < reserve.ingesteldOp) {
    throw hubError(ErrorCode.BAD_USER_INPUT, `"${reserve.naam}" is ingesteld op ${reserve.ingesteldOp}; een mutatie op ${datum} ligt daarvóór.`, { veld: 'datum' });
  }
  if (datum > vandaag(ctx)) throw hubError(ErrorCode.BAD_USER_INPUT, `De datum ${datum} ligt in de toekomst.`, { veld: 'datum' });
  if (reserve.module) await vereisOpenJaar(em, reserve.module, Number(datum.slice(0, 4)), wat);
}

/**
 * Refuses (and so rolls back) when a reserve's stand would be below zero on any day: a backdated
 * onttrekking can make a later day negative as well. Movements of one day count together.
 */
export async function vereisStandNietNegatief(em: EntityManager, reserve: Reserve): Promise<void> {
  const [negatief] = await em.execute<Array<{ datum: string; stand: string }>>(
    `select d.datum::text as datum, d.stand::text as stand from (
       select m.datum, sum(sum(${GETEKEND})) over (order by m.datum) as stand
       from reservemutatie m where m.reserve_id = ? group by m.datum) d
     where d.stand < 0 order by d.datum limit 1`,
    [reserve.id],
  );
  if (negatief) {
    throw hubError(
      ErrorCode.BAD_USER_INPUT,
      `De stand van "${reserve.naam}" zou op ${negatief.datum} ${negatief.stand} euro worden; een reserve of voorziening kan niet negatief worden. Er is niets vastgelegd.`,
      { reserve: reserve.id, datum: negatief.datum, stand: negatief.stand },
    );
  }
}

/** Locks the reserve row for this transaction, so two movements never both pass the stand check. */
export async function reserveVoorMutatie(em: EntityManager, id: number): Promise<Reserve> {
  await em.execute('select id from reserve where id = ? for update', [id]);
  const reserve = await em.findOne(Reserve, { id }, { populate: ['module'] });
  if (!reserve) throw notFound('Reserve', String(id));
  return reserve;
}

/** Records a toevoeging, onttrekking or vrijval (beheerder) in one transaction; audited. */
export function reservemutatieVastleggen(ctx: Schrijver, invoer: ReservemutatieInvoer): Promise<Reservemutatie> {
  return ctx.em.transactional(async (em) => {
    const reserve = await reserveVoorMutatie(em, invoer.reserve);
    await controleerMutatie(em, ctx, reserve, invoer.soort, invoer.datum, 'een mutatie van een reserve in dat jaar');
    const mutatie = em.create(Reservemutatie, {
      reserve,
      soort: invoer.soort,
      datum: invoer.datum,
      bedrag: invoer.bedrag,
      reden: tekst(invoer.reden, 'reden', 'Reden'),
      vastgelegdOp: ctx.now(),
      vastgelegdDoor: door(ctx),
    });
    await em.flush();
    await vereisStandNietNegatief(em, reserve);
    audit(em, ctx, 'RESERVEMUTATIE_VASTGELEGD', 'Reserve', reserve.id, null, {
      soort: mutatie.soort,
      datum: mutatie.datum,
      bedrag: mutatie.bedrag.toFixed(2),
      reden: mutatie.reden,
    });
    return mutatie;
  });
}

/** Reserves and voorzieningen, of one module (with the MGR-wide ones left out) or all. */
export function zoekReserves(em: EntityManager, moduleCode?: string | null): Promise<ReserveType[]> {
  return reserveLezen.find(em, moduleCode ? { module: { code: moduleCode } } : {}, { orderBy: [{ module: { code: 'asc' } }, { naam: 'asc' }] });
}

/**
 * The course of every reserve in a year, computed from the movements in one statement: the stand on
 * 1 January, the movements of the year per kind, and the stand on 31 December. Reserves set up after
 * the year are left out.
 */
export async function reservestanden(em: EntityManager, jaar: number, moduleCode?: string | null): Promise<ReservestandType[]> {
  return em.execute<ReservestandType[]>(
    `select r.id as "reserveId", ?::int as jaar,
       round(coalesce(sum(${GETEKEND}) filter (where m.datum < make_date(?, 1, 1)), 0), 2)::text as beginstand,
       round(coalesce(sum(m.bedrag) filter (where extract(year from m.datum) = ? and m.soort = 'TOEVOEGING'), 0), 2)::text as toevoegingen,
       round(coalesce(sum(m.bedrag) filter (where extract(year from m.datum) = ? and m.soort = 'ONTTREKKING'), 0), 2)::text as onttrekkingen,
       round(coalesce(sum(m.bedrag) filter (where extract(year from m.datum) = ? and m.soort = 'VRIJVAL'), 0), 2)::text as vrijval,
       round(coalesce(sum(${GETEKEND}) filter (where m.datum < make_date(? + 1, 1, 1)), 0), 2)::text as eindstand
     from reserve r
     left join module mo on mo.id = r.module_id
     left join reservemutatie m on m.reserve_id = r.id
     where r.ingesteld_op < make_date(? + 1, 1, 1) and (?::text is null or mo.code = ?)
     group by r.id, mo.code
     order by mo.code nulls first, r.naam`,
    [jaar, jaar, jaar, jaar, jaar, jaar, jaar, moduleCode ?? null, moduleCode ?? null],
  );
}
