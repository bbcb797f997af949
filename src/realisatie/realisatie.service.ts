import type { EntityManager } from '@mikro-orm/postgresql';
import { audit } from '../audit/audit.service.js';
import { Rol, type Identity } from '../auth/identity.js';
import type { Schrijver } from '../context.js';
import type { Decimal } from '../core/decimal.js';
import { ErrorCode, hubError } from '../core/errors.js';
import { ImportWijziging } from '../core/spreadsheet-in.js';
import { vereisOpenJaar } from '../jaarafsluiting/jaarafsluiting.service.js';
import { moduleMetCode } from '../module/module.service.js';
import { taakveldIn, taakveldNaam } from '../taakveld/taakvelden.js';
import { BIJDRAGEN_GEMEENTEN, categorieIn, categorieProbleem, combinatieProbleem, Kant } from './categorieen.js';
import { iv3CelProbleem, iv3JaarProbleem, iv3Vertaling } from './iv3-codelijsten.js';
import { Realisatie, RealisatiePrognose } from './realisatie.entity.js';
import type { RealisatieInvoer } from './realisatie.inputs.js';
import { BestuursrapportageRegelType, Iv3AanleveringType, Iv3RegelType, RealisatieRegelType } from './realisatie.types.js';

/**
 * A module manager records the realisation of its own modules only; the beheerder of every module.
 * Which role may write at all is the resolver's check (vereisRol).
 */
export function vereisRealisatieScope(identity: Identity, module: string): void {
  if (identity.rol === Rol.MODULEMANAGER && !identity.modules.includes(module)) {
    throw hubError(ErrorCode.FORBIDDEN, `U bent geen modulemanager van ${module} en kunt de realisatie van die module niet vastleggen.`, { module });
  }
}

/** Which part of a quarter's input a problem is about: a row (index into `regels`) and its field, or the forecast. */
export interface RealisatieProbleem {
  /** Index into `invoer.regels`, or null for the forecast. */
  regel: number | null;
  veld: 'taakveld' | 'categorie' | 'kant' | 'bedrag' | 'prognose';
  melding: string;
}

/**
 * What is wrong with a quarter's input, in Dutch, one problem per cell (empty = fine). Located, so the
 * spreadsheet import names the row and column; the mutation names the row in the text (realisatieProblemen).
 */
export function realisatieProblemenPerCel(invoer: RealisatieInvoer): RealisatieProbleem[] {
  const problemen: RealisatieProbleem[] = [];
  const gezien = new Set<string>();
  for (const [i, r] of invoer.regels.entries()) {
    const meld = (veld: RealisatieProbleem['veld'], melding: string) => problemen.push({ regel: i, veld, melding });
    const sleutel = `${r.taakveld}|${r.categorie}|${r.kant}`;
    if (gezien.has(sleutel)) meld('taakveld', 'deze cel staat meer dan eens in het kwartaal; tel de bedragen op tot één regel');
    gezien.add(sleutel);
    if (!taakveldIn(r.taakveld, invoer.jaar)) meld('taakveld', `taakveld ${r.taakveld} staat in ${invoer.jaar} niet in de BBV-lijst van taakvelden (query taakvelden)`);
    const categorie = categorieProbleem(r.categorie, r.kant, invoer.jaar);
    if (categorie) meld('categorie', categorie);
    const combinatie = combinatieProbleem(r.taakveld, r.categorie, r.kant);
    if (combinatie) meld('categorie', combinatie);
    // Iv3 carries negative amounts only as corrections; a quarter is replaced as a whole, so a
    // correction is recorded by recording the quarter again with the right amount.
    if (r.bedrag.isNegative()) meld('bedrag', 'een bedrag kan niet negatief zijn; corrigeer het kwartaal door het opnieuw vast te leggen');
  }
  const p = invoer.prognose;
  if (p && (p.lasten.isNegative() || p.baten.isNegative())) problemen.push({ regel: null, veld: 'prognose', melding: 'lasten en baten kunnen niet negatief zijn' });
  return problemen;
}

/** What is wrong with a quarter's input, in Dutch, one line per problem naming its row (empty = fine). */
export function realisatieProblemen(invoer: RealisatieInvoer): string[] {
  return realisatieProblemenPerCel(invoer).map(({ regel, melding }) => {
    if (regel === null) return `prognose: ${melding}`;
    const r = invoer.regels[regel];
    return `regel ${regel + 1} (${r.taakveld} × ${r.categorie}, ${r.kant.toLowerCase()}): ${melding}`;
  });
}

const datum = (d: Date) => d.toISOString().slice(0, 10);

/** A quarter's rows and forecast as one comparable text: equal texts, equal figures. */
function kwartaalTekst(
  regels: ReadonlyArray<{ taakveld: string; categorie: string; kant: Kant; bedrag: Decimal }>,
  prognose: { lasten: Decimal; baten: Decimal; toelichting?: string | null } | null | undefined,
): string {
  const cellen = regels.map((r) => `${r.taakveld}|${r.categorie}|${r.kant}|${r.bedrag.toFixed(2)}`).sort();
  const p = prognose ? `${prognose.lasten.toFixed(2)}|${prognose.baten.toFixed(2)}|${prognose.toelichting?.trim() || ''}` : 'geen';
  return `${cellen.join(';')}#${p}`;
}

/**
 * Records a module's realisation for a quarter (beheerder, or the module's manager): replaces all
 * rows and the forecast of that quarter, in one transaction with audit. Refuses a quarter that has
 * not begun, a closed year, and any row outside the year's Iv3 lists or in a forbidden cell. Says
 * whether the quarter is NIEUW, GEWIJZIGD or GELIJK (then nothing is written, and nothing audited).
 */
export function realisatieVastleggen(ctx: Schrijver, invoer: RealisatieInvoer): Promise<ImportWijziging> {
  return ctx.em.transactional((em) => legRealisatieVast(em, ctx, invoer));
}

/**
 * realisatieVastleggen within a transaction the caller holds (the spreadsheet import: all quarters of
 * a file in one). Every refusal comes before the first write.
 */
export async function legRealisatieVast(em: EntityManager, ctx: Schrijver, invoer: RealisatieInvoer): Promise<ImportWijziging> {
  try {
    vereisRealisatieScope(ctx.identity, invoer.module);
  } catch (error) {
    // An unknown module is NOT_FOUND for everyone, as for the quarterly reports.
    await moduleMetCode(em, invoer.module);
    throw error;
  }
  const begin = new Date(Date.UTC(invoer.jaar, (invoer.kwartaal - 1) * 3, 1));
  if (begin > ctx.now()) {
    throw hubError(ErrorCode.BAD_USER_INPUT, `Kwartaal ${invoer.kwartaal} van ${invoer.jaar} begint pas op ${datum(begin)}; leg de realisatie vast als het kwartaal loopt of voorbij is.`);
  }
  const problemen = realisatieProblemen(invoer);
  if (problemen.length) {
    throw hubError(ErrorCode.BAD_USER_INPUT, `Ongeldige realisatie van ${invoer.module} over kwartaal ${invoer.kwartaal} ${invoer.jaar}: ${problemen.join('; ')}.`, { problemen });
  }
  const module = await moduleMetCode(em, invoer.module);
  await vereisOpenJaar(em, module, invoer.jaar, 'de realisatie vastleggen');
  const kwartaal = { module, jaar: invoer.jaar, kwartaal: invoer.kwartaal };
  const oud = await em.find(Realisatie, kwartaal, { orderBy: { id: 'asc' } });
  const oudePrognose = await em.findOne(RealisatiePrognose, kwartaal);
  const nieuw = !oud.length && !oudePrognose;
  // The same figures again change nothing: no rows replaced, no audit line (uploading a file twice).
  if (kwartaalTekst(oud, oudePrognose) === kwartaalTekst(invoer.regels, invoer.prognose)) return ImportWijziging.GELIJK;
  await em.nativeDelete(Realisatie, kwartaal);
  await em.nativeDelete(RealisatiePrognose, kwartaal);
  for (const r of invoer.regels) em.create(Realisatie, { ...kwartaal, taakveld: r.taakveld, categorie: r.categorie, kant: r.kant, bedrag: r.bedrag });
  const p = invoer.prognose;
  if (p) em.create(RealisatiePrognose, { ...kwartaal, lasten: p.lasten, baten: p.baten, toelichting: p.toelichting?.trim() || null });
  await em.flush();
  const regel = (r: { taakveld: string; categorie: string; kant: Kant; bedrag: { toFixed(n: number): string } }) => ({ taakveld: r.taakveld, categorie: r.categorie, kant: r.kant, bedrag: r.bedrag.toFixed(2) });
  const prognose = (x: { lasten: { toFixed(n: number): string }; baten: { toFixed(n: number): string } } | null | undefined) =>
    x ? { lasten: x.lasten.toFixed(2), baten: x.baten.toFixed(2) } : null;
  audit(
    em,
    ctx,
    'REALISATIE_VASTGELEGD',
    'Realisatie',
    `${module.code}/${invoer.jaar}/${invoer.kwartaal}`,
    nieuw ? null : { regels: oud.map(regel), prognose: prognose(oudePrognose) },
    { module: module.code, jaar: invoer.jaar, kwartaal: invoer.kwartaal, regels: invoer.regels.map(regel), prognose: prognose(p) },
  );
  return nieuw ? ImportWijziging.NIEUW : ImportWijziging.GEWIJZIGD;
}

export interface RegelRij {
  id: number;
  module_id: number;
  jaar: number;
  kwartaal: number;
  taakveld: string;
  categorie: string;
  kant: Kant;
  bedrag: string;
}

/** Realised rows of a year, optionally of one module and one quarter; one statement. Lasten before baten, then by cell. */
export async function zoekRealisatie(em: EntityManager, filter: { jaar: number; module?: string | null; kwartaal?: number | null }): Promise<RealisatieRegelType[]> {
  const rijen = await em.getConnection().execute<RegelRij[]>(
    `select r.id, r.module_id, r.jaar, r.kwartaal, r.taakveld, r.categorie, r.kant, r.bedrag::text as bedrag
     from realisatie r join module m on m.id = r.module_id
     where r.jaar = ? and (?::text is null or m.code = ?) and (?::int is null or r.kwartaal = ?)
     order by m.code, r.kwartaal, r.kant = 'BATEN', string_to_array(r.taakveld, '.')::text[], string_to_array(r.categorie, '.')::text[]`,
    [filter.jaar, filter.module ?? null, filter.module ?? null, filter.kwartaal ?? null, filter.kwartaal ?? null],
  );
  return rijen.map((r) =>
    Object.assign(new RealisatieRegelType(), {
      id: r.id,
      moduleId: r.module_id,
      jaar: r.jaar,
      kwartaal: r.kwartaal,
      taakveld: r.taakveld,
      taakveldNaam: taakveldNaam(r.taakveld, r.jaar),
      categorie: r.categorie,
      categorieNaam: categorieIn(r.categorie, r.kant, r.jaar)?.naam ?? null,
      kant: r.kant,
      bedrag: r.bedrag,
    }),
  );
}

interface RapportageRij {
  module_id: number;
  kwartaal: number;
  begroot_lasten: string | null;
  begroot_baten: string | null;
  prognose_lasten: string | null;
  prognose_baten: string | null;
  prognose_toelichting: string | null;
  lasten: string;
  baten: string;
  bijdragen: string;
  lasten_tot_nu: string;
  baten_tot_nu: string;
  bijdragen_tot_nu: string;
}

// The budget after amendment per module: the current amendment if there is one, else the primitive
// budget, both as the view actuele_begroting defines them (one definition of the current figure).
const BESTUURSRAPPORTAGE_SQL = `
  with na_wijziging as (
    select distinct on (a.module_id) a.module_id, b.lasten, b.baten
    from actuele_begroting a join begroting b on b.id = a.id
    where a.jaar = ? and a.soort in ('PRIMITIEF', 'WIJZIGING')
    order by a.module_id, (a.soort = 'WIJZIGING') desc
  ), per_kwartaal as (
    select module_id, kwartaal,
      coalesce(sum(bedrag) filter (where kant = 'LASTEN'), 0) as lasten,
      coalesce(sum(bedrag) filter (where kant = 'BATEN' and categorie <> '${BIJDRAGEN_GEMEENTEN}'), 0) as baten,
      coalesce(sum(bedrag) filter (where kant = 'BATEN' and categorie = '${BIJDRAGEN_GEMEENTEN}'), 0) as bijdragen
    from realisatie where jaar = ? group by module_id, kwartaal
  ), sleutels as (
    select module_id, kwartaal from per_kwartaal
    union select module_id, kwartaal from realisatie_prognose where jaar = ?
  )
  select s.module_id, s.kwartaal,
    nw.lasten::text as begroot_lasten, nw.baten::text as begroot_baten,
    p.lasten::text as prognose_lasten, p.baten::text as prognose_baten, p.toelichting as prognose_toelichting,
    coalesce(k.lasten, 0)::numeric(15,2)::text as lasten,
    coalesce(k.baten, 0)::numeric(15,2)::text as baten,
    coalesce(k.bijdragen, 0)::numeric(15,2)::text as bijdragen,
    (sum(coalesce(k.lasten, 0)) over tot_nu)::numeric(15,2)::text as lasten_tot_nu,
    (sum(coalesce(k.baten, 0)) over tot_nu)::numeric(15,2)::text as baten_tot_nu,
    (sum(coalesce(k.bijdragen, 0)) over tot_nu)::numeric(15,2)::text as bijdragen_tot_nu
  from sleutels s
  join module m on m.id = s.module_id
  left join na_wijziging nw on nw.module_id = s.module_id
  left join per_kwartaal k on k.module_id = s.module_id and k.kwartaal = s.kwartaal
  left join realisatie_prognose p on p.module_id = s.module_id and p.jaar = ? and p.kwartaal = s.kwartaal
  where (?::text is null or m.code = ?) and (?::int is null or s.kwartaal <= ?)
  window tot_nu as (partition by s.module_id order by s.kwartaal)
  order by m.code, s.kwartaal`;

/**
 * The bestuursrapportage of a year: per module and quarter with figures, the budget after amendment,
 * the forecast and the realisation (of the quarter and year-to-date). One statement.
 */
export async function bestuursrapportage(
  em: EntityManager,
  filter: { jaar: number; module?: string | null; totKwartaal?: number | null },
): Promise<BestuursrapportageRegelType[]> {
  const { jaar } = filter;
  const module = filter.module ?? null;
  const tot = filter.totKwartaal ?? null;
  const rijen = await em.getConnection().execute<RapportageRij[]>(BESTUURSRAPPORTAGE_SQL, [jaar, jaar, jaar, jaar, module, module, tot, tot]);
  return rijen.map((r) =>
    Object.assign(new BestuursrapportageRegelType(), {
      moduleId: r.module_id,
      jaar,
      kwartaal: r.kwartaal,
      begrootLasten: r.begroot_lasten,
      begrootBaten: r.begroot_baten,
      prognoseLasten: r.prognose_lasten,
      prognoseBaten: r.prognose_baten,
      prognoseToelichting: r.prognose_toelichting,
      gerealiseerdLasten: r.lasten,
      gerealiseerdBaten: r.baten,
      bijdragenGemeenten: r.bijdragen,
      gerealiseerdLastenTotNu: r.lasten_tot_nu,
      gerealiseerdBatenTotNu: r.baten_tot_nu,
      bijdragenGemeentenTotNu: r.bijdragen_tot_nu,
    }),
  );
}

interface CelRij {
  kant: Kant;
  taakveld: string;
  categorie: string;
  bedrag: string;
}

/**
 * The Iv3 verdelingsmatrix of the regeling for a quarter or for the year. Quarters are cumulative, as CBS
 * asks for Iv3 quarterly figures (periode k: 1 January up to and including quarter k, so a late booking
 * never disappears between quarters and periode 4 is the whole year); periode 5 is the year (the
 * jaarrekening delivery, the sum of the four quarters). Per taakveld × categorie the sum over all
 * modules, summed in PostgreSQL (NUMERIC, exact). The hub's taakveld codes are written as CBS's codes
 * of that boekjaar (iv3-codelijsten.ts); hub codes that land on the same CBS code are summed there.
 * Cells that sum to zero are left out. Refused with IV3_CODELIJST, and all problems listed, when a
 * cell's taakveld or categorie is not in CBS's list of the boekjaar: CBS would reject the file.
 */
export async function iv3Aanlevering(em: EntityManager, jaar: number, kwartaal: number | null): Promise<Iv3AanleveringType> {
  const jaarProbleem = iv3JaarProbleem(jaar);
  if (jaarProbleem) throw hubError(ErrorCode.IV3_CODELIJST, `Geen Iv3-aanlevering mogelijk: ${jaarProbleem}.`, { problemen: [jaarProbleem] });
  const vertaling = iv3Vertaling(jaar);
  const rijen = await em.getConnection().execute<CelRij[]>(
    `with vertaling(hub, iv3) as (select key, value from jsonb_each_text(?::jsonb))
     select r.kant, coalesce(v.iv3, r.taakveld) as taakveld, r.categorie, sum(r.bedrag)::numeric(15,2)::text as bedrag
     from realisatie r left join vertaling v on v.hub = r.taakveld
     where r.jaar = ? and (?::int is null or r.kwartaal <= ?)
     group by 1, 2, 3 having sum(r.bedrag) <> 0
     order by r.kant = 'BATEN', string_to_array(coalesce(v.iv3, r.taakveld), '.')::text[], string_to_array(r.categorie, '.')::text[]`,
    [JSON.stringify(Object.fromEntries(vertaling)), jaar, kwartaal, kwartaal],
  );
  const problemen = rijen.map((r) => iv3CelProbleem(r.taakveld, r.categorie, r.kant, jaar)).filter((p): p is string => p !== null);
  if (problemen.length) {
    const aantal = problemen.length === 1 ? 'één cel past' : `${problemen.length} cellen passen`;
    throw hubError(ErrorCode.IV3_CODELIJST, `Geen Iv3-aanlevering voor ${jaar}${kwartaal ? ` kwartaal ${kwartaal}` : ''}: ${aantal} niet in de codelijsten van CBS voor dat boekjaar. ${problemen.join('; ')}.`, { problemen });
  }
  const periode = kwartaal ?? 5;
  const cel = (r: CelRij) => Object.assign(new Iv3RegelType(), { boekjaar: jaar, periode, sectie: r.kant === Kant.LASTEN ? 'lasten' : 'baten', taakveld: r.taakveld, categorie: r.categorie, bedrag: r.bedrag });
  const regels = rijen.map(cel);
  const lasten = regels.filter((r) => r.sectie === 'lasten');
  const baten = regels.filter((r) => r.sectie === 'baten');
  const [totalen] = await em.getConnection().execute<Array<{ lasten: string; baten: string }>>(
    `select coalesce(sum(bedrag) filter (where kant = 'LASTEN'), 0)::numeric(15,2)::text as lasten,
            coalesce(sum(bedrag) filter (where kant = 'BATEN'), 0)::numeric(15,2)::text as baten
     from realisatie where jaar = ? and (?::int is null or kwartaal <= ?)`,
    [jaar, kwartaal, kwartaal],
  );
  return Object.assign(new Iv3AanleveringType(), {
    overheidslaag: 'GR',
    boekjaar: jaar,
    periode,
    status: 'Realisatie',
    lasten,
    baten,
    regels,
    totaalLasten: totalen.lasten,
    totaalBaten: totalen.baten,
  });
}
