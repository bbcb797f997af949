import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { audit, momentopname, type Door } from '../audit/audit.service.js';
import { vandaag, type Schrijver } from '../context.js';
import type { Decimal } from '../core/decimal.js';
import { ErrorCode, hubError } from '../core/errors.js';
import { vereisOpenJaar } from '../jaarafsluiting/jaarafsluiting.service.js';
import { moduleMetCode } from '../module/module.service.js';
import { Begroting, BegrotingSoort } from './begroting.entity.js';
import { BegrotingRaming } from './begroting-raming.entity.js';
import type { BegrotingInvoer } from './begroting.inputs.js';
import { begrotingLezen, type BegrotingType } from './begroting.types.js';

/** The order of budget versions within a module: per year as adopted (primitief, wijzigingen). */
export const BEGROTING_VOLGORDE = { jaar: 'asc', vastgesteldOp: 'asc', volgnummer: 'asc' } as const;

/** Budget versions, optionally of one module, year or kind; by module code, then in BEGROTING_VOLGORDE. */
export function zoekBegrotingen(em: EntityManager, filter: { module?: string; jaar?: number; soort?: BegrotingSoort }): Promise<BegrotingType[]> {
  const where: FilterQuery<Begroting> = {};
  if (filter.module) where.module = { code: filter.module };
  if (filter.jaar !== undefined) where.jaar = filter.jaar;
  if (filter.soort) where.soort = filter.soort;
  return begrotingLezen.find(em, where, { orderBy: { module: { code: 'asc' }, ...BEGROTING_VOLGORDE } });
}

/** A budget version to record: the primitieve begroting or an amendment (the jaarrekening is no version: jaarrekening.entity.ts). */
export interface BegrotingVersie {
  module: string;
  jaar: number;
  soort: BegrotingSoort;
  volgnummer?: number | null;
  lasten: Decimal;
  baten: Decimal;
  vastgesteldOp: string;
  omschrijving: string;
  /** The years t+1 … t+3, or none. */
  meerjarenraming?: Raming[] | null;
}

export interface Raming {
  jaar: number;
  lasten: Decimal;
  baten: Decimal;
}

/** How many years after the begrotingsjaar a meerjarenraming covers (BBV: the begroting year and the three after it). */
export const RAMING_JAREN = 3;

/** Why a version's meerjarenraming cannot be recorded, or null: exactly the years t+1 … t+3, amounts ≥ 0. */
export function ramingProbleem(versie: Pick<BegrotingVersie, 'jaar' | 'meerjarenraming'>): string | null {
  const raming = versie.meerjarenraming ?? [];
  if (raming.length === 0) return null;
  const verwacht = Array.from({ length: RAMING_JAREN }, (_, i) => versie.jaar + 1 + i);
  const jaren = raming.map((r) => r.jaar).sort((a, b) => a - b);
  if (jaren.length !== verwacht.length || jaren.some((j, i) => j !== verwacht[i])) {
    return `de meerjarenraming bij de begroting ${versie.jaar} gaat over de jaren ${verwacht.join(', ')}, elk precies één keer (nu: ${jaren.join(', ')})`;
  }
  const negatief = raming.filter((r) => r.lasten.isNegative() || r.baten.isNegative()).map((r) => r.jaar);
  if (negatief.length) return `lasten en baten van de raming kunnen niet negatief zijn (${negatief.join(', ')})`;
  return null;
}

/** Why an adoption date in the future cannot be recorded (versions and jaarrekeningen alike). */
export const toekomst = (datum: string) => `de vaststellingsdatum ${datum} ligt in de toekomst; leg het stuk vast nadat het bestuur het heeft vastgesteld`;

/**
 * When a version can plausibly have been adopted (Wgr art. 34: the algemeen bestuur adopts the
 * begroting in the year before it applies): why not, or null. The jaarrekening: jaarrekening.service.ts.
 */
function vaststellingsProbleem(versie: BegrotingVersie, vandaagDatum: string, eerdere: Begroting[]): string | null {
  const { jaar, vastgesteldOp: datum } = versie;
  if (datum > vandaagDatum) return toekomst(datum);
  if (versie.soort === BegrotingSoort.PRIMITIEF && !datum.startsWith(`${jaar - 1}-`)) {
    return `het algemeen bestuur stelt de begroting ${jaar} vast in het jaar ervoor (Wgr art. 34); kies een datum in ${jaar - 1}, niet ${datum}`;
  }
  if (versie.soort === BegrotingSoort.WIJZIGING) {
    if (datum < `${jaar}-01-01` || datum > `${jaar + 1}-03-31`) {
      return `een begrotingswijziging ${jaar} wordt vastgesteld in ${jaar} of kort daarna (uiterlijk 31 maart ${jaar + 1}), niet op ${datum}`;
    }
    const vorige = eerdere.reduce((max, b) => (b.vastgesteldOp > max ? b.vastgesteldOp : max), '');
    if (vorige && datum < vorige) return `een begrotingswijziging kan niet eerder zijn vastgesteld dan de vorige versie van ${jaar} (${vorige})`;
  }
  return null;
}

/**
 * Records a new budget version inside the caller's transaction. An existing version is never
 * changed (CONFLICT); a closed year takes no new versions (JAAR_AFGESLOTEN).
 */
export async function legBegrotingVast(em: EntityManager, door: Door, versie: BegrotingVersie, vandaagDatum: string): Promise<Begroting> {
  if (versie.lasten.isNegative() || versie.baten.isNegative()) {
    throw hubError(ErrorCode.BAD_USER_INPUT, 'Lasten en baten kunnen niet negatief zijn.');
  }
  if (versie.soort !== BegrotingSoort.WIJZIGING && versie.volgnummer !== undefined && versie.volgnummer !== null) {
    throw hubError(ErrorCode.BAD_USER_INPUT, 'Alleen een begrotingswijziging heeft een volgnummer.');
  }
  const module = await moduleMetCode(em, versie.module);
  await vereisOpenJaar(em, module, versie.jaar, 'een nieuwe begrotingsversie vastleggen');
  const eerdere = await em.find(Begroting, { module, jaar: versie.jaar });
  let volgnummer = 0;
  if (versie.soort === BegrotingSoort.WIJZIGING) {
    const laatste = Math.max(0, ...eerdere.filter((b) => b.soort === BegrotingSoort.WIJZIGING).map((b) => b.volgnummer));
    volgnummer = versie.volgnummer ?? laatste + 1;
  }
  if (eerdere.some((b) => b.soort === versie.soort && b.volgnummer === volgnummer)) {
    throw hubError(
      ErrorCode.CONFLICT,
      `${module.code} heeft voor ${versie.jaar} al een ${versie.soort.toLowerCase()}${volgnummer ? ` ${volgnummer}` : ''}; versies worden niet overschreven.`,
    );
  }
  const probleem = vaststellingsProbleem(versie, vandaagDatum, eerdere);
  if (probleem) throw hubError(ErrorCode.BAD_USER_INPUT, `Onwaarschijnlijke vaststellingsdatum: ${probleem}.`, { veld: 'vastgesteldOp' });
  const raming = ramingProbleem(versie);
  if (raming) throw hubError(ErrorCode.BAD_USER_INPUT, `Ongeldige meerjarenraming: ${raming}.`, { veld: 'meerjarenraming' });
  const begroting = em.create(Begroting, {
    module,
    jaar: versie.jaar,
    soort: versie.soort,
    volgnummer,
    lasten: versie.lasten,
    baten: versie.baten,
    vastgesteldOp: versie.vastgesteldOp,
    omschrijving: versie.omschrijving.trim(),
  });
  const ramingen = (versie.meerjarenraming ?? []).map((r) => em.create(BegrotingRaming, { begroting, jaar: r.jaar, lasten: r.lasten, baten: r.baten }));
  await em.flush();
  const meerjarenraming = ramingen.map((r) => ({ jaar: r.jaar, lasten: r.lasten.toFixed(2), baten: r.baten.toFixed(2) }));
  audit(em, door, 'BEGROTING_VASTGELEGD', 'Begroting', begroting.id, null, ramingen.length ? { ...momentopname(begroting) as object, meerjarenraming } : begroting);
  return begroting;
}

/** Records a primitieve begroting or an amendment (beheerder); the jaarrekening has its own mutation. */
export function begrotingVastleggen(ctx: Schrijver, invoer: BegrotingInvoer): Promise<Begroting> {
  return ctx.em.transactional((em) => legBegrotingVast(em, ctx, invoer, vandaag(ctx)));
}
