import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { audit } from '../audit/audit.service.js';
import type { Schrijver } from '../context.js';
import { Decimal } from '../core/decimal.js';
import { ErrorCode, hubError, notFound } from '../core/errors.js';
import { Deelname } from '../deelname/deelname.entity.js';
import { Kpi, KpiNiveau } from '../kpi/kpi.entity.js';
import { moduleMetCode } from '../module/module.service.js';
import { Kwartaalrapportage, RapportageStatus } from './kwartaalrapportage.entity.js';
import { kwartaalrapportageUitRij, type KwartaalrapportageRij, type KwartaalrapportageType } from './kwartaalrapportage.types.js';
import type { RapportageKwartaal, RapportageMetReden, RapportageOpslaanInvoer, RapportageSleutel } from './rapportage.inputs.js';
import { vereisModuleScope } from './rapportage.access.js';
import {
  deelnameInKwartaal,
  JAARCIJFER_MELDING,
  kpiActiefInKwartaal,
  kwartaalPeriode,
  rapporteertIn,
  volledigheidsProblemen,
  waardeProbleem,
  type GemeldeWaarde,
  type KpiRegels,
  type Probleem,
} from './rapportage-validatie.service.js';

// Every write here is a few set-based statements in one transaction: a conditional UPDATE claims the
// current version (lookup, status check and revision check in one), reading what the rules need in the
// same statement; only when it finds no row does a second select tell why. MikroORM's `?` placeholders
// are inlined as escaped literals, so lists travel as one JSON parameter (an empty `in ()` is no SQL).

type Rij = Record<string, unknown>;

/** The current version of a module's report for a quarter (parameters: module code, jaar, kwartaal). */
const ACTUELE_VERSIE = 'select id from kwartaalrapportage where module_id = (select id from module where code = ?) and jaar = ? and kwartaal = ? order by versie desc limit 1';

/** What a write sets besides revisie and gewijzigd_op. */
type Velden = Partial<Pick<Kwartaalrapportage, 'status' | 'reden' | 'ingediendOp' | 'goedgekeurdOp'>>;

/**
 * Claims the current version for this write: one UPDATE that succeeds only if it has an allowed status
 * and nobody wrote since the caller read `revisie`. It also locks the row, so concurrent writers queue
 * and the losers find no row (see `weigerClaim`). Returns the CTE `claim` and its parameters.
 */
function claim(em: EntityManager, sleutel: RapportageSleutel, toegestaan: RapportageStatus[], nu: Date, velden: Velden = {}): { sql: string; params: unknown[] } {
  const { properties } = em.getMetadata().find(Kwartaalrapportage)!;
  const zet = Object.keys(velden).map((veld) => `, ${properties[veld as keyof Velden].fieldNames[0]} = ?`).join('');
  const waarden = Object.values(velden).map((waarde) => (waarde instanceof Date ? waarde.toISOString() : waarde));
  return {
    sql: `claim as (
      update kwartaalrapportage r set revisie = r.revisie + 1, gewijzigd_op = ?::timestamptz${zet}
      where r.id = (${ACTUELE_VERSIE}) and r.revisie = ? and r.status in (?)
      returning r.*)`,
    params: [nu.toISOString(), ...waarden, sleutel.module, sleutel.jaar, sleutel.kwartaal, sleutel.revisie ?? null, toegestaan],
  };
}

/**
 * Why a write found no row to claim, as the errors the checks give one by one: unknown module, no
 * report, a status that does not allow it, no revisie for an existing report, or someone else wrote
 * first. Always throws.
 */
async function weigerClaim(
  em: EntityManager,
  sleutel: RapportageSleutel,
  toegestaan: RapportageStatus[],
  wat: string,
  geenRapportage = () => hubError(ErrorCode.NOT_FOUND, `Er is geen rapportage van ${sleutel.module} over ${sleutel.jaar}-K${sleutel.kwartaal}.`),
): Promise<never> {
  const [rij] = await em.execute<{ status: RapportageStatus | null; revisie: number | null }[]>(
    `select r.status, r.revisie from module m
     left join lateral (select status, revisie from kwartaalrapportage where module_id = m.id and jaar = ? and kwartaal = ? order by versie desc limit 1) r on true
     where m.code = ?`,
    [sleutel.jaar, sleutel.kwartaal, sleutel.module],
  );
  if (!rij) throw notFound('Module', sleutel.module);
  if (rij.status === null || rij.revisie === null) throw geenRapportage();
  vereisStatus(rij.status, toegestaan, wat);
  if (sleutel.revisie === undefined || sleutel.revisie === null) {
    throw hubError(ErrorCode.CONFLICT, `Deze rapportage bestaat al (revisie ${rij.revisie}); geef de revisie mee waarop uw wijziging is gebaseerd.`, {
      revisie: rij.revisie,
    });
  }
  throw hubError(
    ErrorCode.CONFLICT,
    `De rapportage ${sleutel.jaar}-K${sleutel.kwartaal} is intussen gewijzigd (revisie ${rij.revisie}); haal haar opnieuw op en probeer het nog eens.`,
    { revisie: rij.revisie },
  );
}

function vereisStatus(status: RapportageStatus, toegestaan: RapportageStatus[], wat: string): void {
  if (!toegestaan.includes(status)) {
    throw hubError(ErrorCode.INVALID_STATUS, `Een rapportage met status ${status} kan niet worden ${wat}.`, { status });
  }
}

/** The module scope of a manager; an unknown module is NOT_FOUND for everyone, as before the scope check. */
export async function vereisScope(em: EntityManager, ctx: Schrijver, module: string): Promise<void> {
  try {
    vereisModuleScope(ctx.identity, module);
  } catch (error) {
    await moduleMetCode(em, module);
    throw error;
  }
}

/** The claimed (or created) row as the read type the mutation returns, without reading it again. */
const alsRapportage = (em: EntityManager, rij: Rij): KwartaalrapportageType =>
  kwartaalrapportageUitRij(em.getPlatform(), rij as unknown as KwartaalrapportageRij);

/** A KPI as JSON with its bounds as text: NUMERIC never passes through a float. */
const KPI_JSON = `json_build_object('id', k.id, 'code', k.code, 'niveau', k.niveau, 'eenheid', k.eenheid, 'periode', k.periode,
  'ondergrens', k.ondergrens::text, 'bovengrens', k.bovengrens::text)`;

interface KpiJson {
  id: number;
  code: string;
  niveau: KpiRegels['niveau'];
  eenheid: KpiRegels['eenheid'];
  periode: KpiRegels['periode'];
  ondergrens: string | null;
  bovengrens: string | null;
}

const alsKpi = (k: KpiJson): KpiRegels => ({
  ...k,
  ondergrens: k.ondergrens === null ? null : new Decimal(k.ondergrens),
  bovengrens: k.bovengrens === null ? null : new Decimal(k.bovengrens),
});

/** A report's values as JSON (kpi code, gemeente CBS code, waarde as text), in the order they were made. */
const waardenJson = (waarden: string) => `(select coalesce(json_agg(json_build_object('kpiId', w.kpi_id, 'kpi', k.code, 'gemeente', g.cbs_code,
  'waarde', w.waarde::text, 'toelichting', w.toelichting) order by w.id), '[]') from ${waarden} w join kpi k on k.id = w.kpi_id left join gemeente g on g.id = w.gemeente_id)`;

interface WaardeJson {
  kpiId: number;
  kpi: string;
  gemeente: string | null;
  waarde: string;
  toelichting: string | null;
}

const alsGemeldeWaarde = (w: WaardeJson): GemeldeWaarde => ({
  kpi: { id: w.kpiId, code: w.kpi },
  gemeente: w.gemeente ? { cbsCode: w.gemeente } : null,
  waarde: new Decimal(w.waarde),
});

const momentopnameWaarden = (waarden: WaardeJson[]) =>
  waarden.map((w) => ({ kpi: w.kpi, gemeente: w.gemeente, waarde: new Decimal(w.waarde).toFixed(), toelichting: w.toelichting }));

function weigerBijProblemen(problemen: Probleem[], inleiding: string): void {
  if (problemen.length === 0) return;
  const tekst = problemen.map((p) => `${p.kpi ?? ''}${p.gemeente ? ` (${p.gemeente})` : ''}: ${p.probleem}`).join('; ');
  throw hubError(ErrorCode.BAD_USER_INPUT, `${inleiding} ${tekst}.`, { problemen });
}

/** The module's KPIs active in (part of) the quarter, as a subquery (`select k.*`). */
export function actieveKpis(em: EntityManager, sleutel: RapportageKwartaal) {
  return em.createQueryBuilder(Kpi, 'k').select('k.*').where({ $and: [{ module: { code: sleutel.module } }, kpiActiefInKwartaal(sleutel.jaar, sleutel.kwartaal)] });
}

/** The gemeenten taking part in the module's report of the quarter, as a subquery of gemeente ids. */
export function deelnemendeGemeenten(em: EntityManager, sleutel: RapportageKwartaal) {
  return em.createQueryBuilder(Deelname, 'd').select('d.gemeente').where({ $and: [{ module: { code: sleutel.module } }, deelnameInKwartaal(sleutel.jaar, sleutel.kwartaal)] });
}

/** A problem of a save, with where it lies: the value's index in `invoer.waarden` and the field it concerns. */
export interface OpslaanProbleem extends Probleem {
  index: number;
  veld: 'kpi' | 'gemeente' | 'waarde';
}

export interface OpslaanOpties {
  /**
   * Judges the problems the rules found (possibly none) before anything is written, in the save's
   * transaction (`em`); throwing refuses the save and rolls it back. The default refuses when there
   * are any, with KPI code and gemeente per problem. The Excel upload passes its own, which adds the
   * sheet's problems and names rows and columns.
   */
  beoordeel?: (problemen: OpslaanProbleem[], em: EntityManager) => void | Promise<void>;
}

const weigerOpslaan = (problemen: OpslaanProbleem[]) =>
  weigerBijProblemen(
    problemen.map(({ kpi, gemeente, probleem }) => ({ kpi, gemeente, probleem })),
    'De waarden zijn niet opgeslagen:',
  );

/** The KPIs named in a save (any of the module's, active or not) and the gemeenten, read with the claim. */
const OPSLAAN_CONTEXT = `
  (select coalesce(json_agg(${KPI_JSON}), '[]') from kpi k
   where k.module_id = r.module_id and k.code in (select jsonb_array_elements_text(?::jsonb))) as kpis,
  (select coalesce(json_agg(json_build_object('id', g.id, 'cbsCode', g.cbs_code)), '[]') from gemeente g
   where g.cbs_code in (select jsonb_array_elements_text(?::jsonb))) as gemeenten`;

/**
 * Saves (part of) a draft: the values given replace earlier ones; an empty waarde removes one. When a
 * value for the same KPI and gemeente is given twice, the last one counts.
 */
export function kwartaalrapportageOpslaan(ctx: Schrijver, invoer: RapportageOpslaanInvoer, opties: OpslaanOpties = {}): Promise<KwartaalrapportageType> {
  return ctx.em.transactional(async (em) => {
    await vereisScope(em, ctx, invoer.module);
    const toegestaan = [RapportageStatus.CONCEPT, RapportageStatus.TERUGGESTUURD];
    const wat = 'opgeslagen (corrigeer een goedgekeurde rapportage met kwartaalrapportageCorrigeren)';
    const codes = JSON.stringify([...new Set(invoer.waarden.map((w) => w.kpi))]);
    const gemeenteCodes = JSON.stringify([...new Set(invoer.waarden.map((w) => w.gemeente).filter((g): g is string => Boolean(g)))]);

    let rijen: Rij[];
    if (!invoer.revisie) {
      // A new draft, unless the quarter has a report already; two creators at once meet in the unique
      // index (module, jaar, kwartaal, versie): the second gets CONFLICT.
      rijen = await em.execute(
        `with r as (
           insert into kwartaalrapportage (module_id, jaar, kwartaal, versie, status, gewijzigd_op, revisie)
           select m.id, ?, ?, 1, 'CONCEPT', ?::timestamptz, 1 from module m
           where m.code = ? and not exists (select 1 from kwartaalrapportage where module_id = m.id and jaar = ? and kwartaal = ?)
           returning *)
         select r.*, ${OPSLAAN_CONTEXT} from r`,
        [invoer.jaar, invoer.kwartaal, ctx.now().toISOString(), invoer.module, invoer.jaar, invoer.kwartaal, codes, gemeenteCodes],
      );
    } else {
      const c = claim(em, invoer, toegestaan, ctx.now(), { status: RapportageStatus.CONCEPT });
      rijen = await em.execute(`with ${c.sql} select r.*, ${OPSLAAN_CONTEXT} from claim r`, [...c.params, codes, gemeenteCodes]);
    }
    if (rijen.length === 0) {
      await weigerClaim(em, invoer, toegestaan, wat, () =>
        hubError(ErrorCode.CONFLICT, 'Deze rapportage bestaat (nog) niet; laat revisie leeg voor een nieuwe.'),
      );
    }
    const { kpis: kpiRijen, gemeenten: gemeenteRijen, ...rij } = rijen[0] as Rij & { kpis: KpiJson[]; gemeenten: { id: number; cbsCode: string }[] };
    const rapportage = alsRapportage(em, rij);
    const kpis = kpiRijen.map(alsKpi);

    const problemen: OpslaanProbleem[] = [];
    for (const [index, w] of invoer.waarden.entries()) {
      const kpi = kpis.find((k) => k.code === w.kpi);
      const melding = (veld: OpslaanProbleem['veld'], probleem: string) => problemen.push({ kpi: w.kpi, gemeente: w.gemeente ?? null, probleem, index, veld });
      if (!kpi) melding('kpi', `geen KPI van ${invoer.module}`);
      else if (kpi.niveau === KpiNiveau.REGIO && w.gemeente) melding('gemeente', 'regionale KPI: laat de gemeente leeg');
      else if (kpi.niveau === KpiNiveau.GEMEENTE && !w.gemeente) melding('gemeente', 'KPI per gemeente: geef de gemeente op');
      else if (w.gemeente && !gemeenteRijen.some((g) => g.cbsCode === w.gemeente)) melding('gemeente', 'onbekende gemeente');
      else if (w.waarde && !rapporteertIn(kpi, rapportage.kwartaal)) melding('waarde', JAARCIJFER_MELDING);
      else if (w.waarde) {
        const fout = waardeProbleem(kpi, w.waarde);
        if (fout) melding('waarde', fout);
      }
    }
    await (opties.beoordeel ?? weigerOpslaan)(problemen, em);

    // One row per KPI and gemeente, the last given: a set-based upsert may touch a row only once.
    const perSleutel = new Map<string, { kpi_id: number; gemeente_id: number | null; waarde: string | null; toelichting: string | null }>();
    for (const w of invoer.waarden) {
      const gemeente = w.gemeente ? gemeenteRijen.find((g) => g.cbsCode === w.gemeente)! : null;
      const kpi = kpis.find((k) => k.code === w.kpi)!;
      perSleutel.set(`${kpi.id}:${gemeente?.id ?? ''}`, {
        kpi_id: kpi.id,
        gemeente_id: gemeente?.id ?? null,
        waarde: w.waarde ? w.waarde.toFixed() : null,
        toelichting: w.toelichting ?? null,
      });
    }
    // The statement sees the values as they were before it (its snapshot): "voor" directly, "na" as
    // those minus the removed and changed rows plus what the upsert returned. The claim's lock keeps
    // other writers of this report out meanwhile.
    const [{ voor, na }] = await em.execute<{ voor: WaardeJson[]; na: WaardeJson[] }[]>(
      `with invoer as (
         select * from jsonb_to_recordset(?::jsonb) as i(kpi_id int, gemeente_id int, waarde numeric, toelichting text)),
       weg as (
         delete from kpi_waarde w using invoer i
         where w.rapportage_id = ? and i.waarde is null and w.kpi_id = i.kpi_id and w.gemeente_id is not distinct from i.gemeente_id
         returning w.id),
       gezet as (
         insert into kpi_waarde (rapportage_id, kpi_id, gemeente_id, waarde, toelichting)
         select ?, kpi_id, gemeente_id, waarde, toelichting from invoer where waarde is not null
         on conflict (rapportage_id, kpi_id, coalesce(gemeente_id, 0))
         do update set waarde = excluded.waarde, toelichting = coalesce(excluded.toelichting, kpi_waarde.toelichting)
         returning *),
       voor as (select * from kpi_waarde where rapportage_id = ?),
       na as (select * from voor where id not in (select id from weg union all select id from gezet) union all select * from gezet)
       select ${waardenJson('voor')} as voor, ${waardenJson('na')} as na`,
      [JSON.stringify([...perSleutel.values()]), rapportage.id, rapportage.id, rapportage.id],
    );
    audit(em, ctx, 'KWARTAALRAPPORTAGE_OPGESLAGEN', 'Kwartaalrapportage', rapportage.id, { waarden: momentopnameWaarden(voor) }, {
      waarden: momentopnameWaarden(na),
      revisie: rapportage.revisie,
    });
    return rapportage;
  });
}

/** Submits a draft after the quarter has ended, if complete and within bounds; every problem at once. */
export function kwartaalrapportageIndienen(ctx: Schrijver, sleutel: RapportageSleutel): Promise<KwartaalrapportageType> {
  return ctx.em.transactional(async (em) => {
    await vereisScope(em, ctx, sleutel.module);
    const toegestaan = [RapportageStatus.CONCEPT];
    const nu = ctx.now();
    const c = claim(em, sleutel, toegestaan, nu, { status: RapportageStatus.INGEDIEND, ingediendOp: nu });
    // The rules for "active in the quarter" stay filters; the query builder renders them into this statement.
    const knex = em.getKnex();
    const rijen: Rij[] = await em.execute(
      knex.raw(
        `with ${c.sql}
         select r.*,
           (select coalesce(json_agg(${KPI_JSON} order by k.code), '[]') from ? k) as kpis,
           (select coalesce(json_agg(g.cbs_code), '[]') from gemeente g where g.id in ?) as deelnemers,
           ${waardenJson('(select * from kpi_waarde where rapportage_id = r.id)')} as waarden
         from claim r`,
        [...c.params, actieveKpis(em, sleutel).getKnexQuery(), deelnemendeGemeenten(em, sleutel).getKnexQuery()] as Knex.RawBinding[],
      ),
    );
    if (rijen.length === 0) await weigerClaim(em, sleutel, toegestaan, 'ingediend');
    const { kpis: kpiRijen, deelnemers, waarden, ...rij } = rijen[0] as Rij & { kpis: KpiJson[]; deelnemers: string[]; waarden: WaardeJson[] };
    const rapportage = alsRapportage(em, rij);
    const { einde } = kwartaalPeriode(rapportage.jaar, rapportage.kwartaal);
    if (nu < new Date(`${einde}T00:00:00Z`)) {
      throw hubError(ErrorCode.BAD_USER_INPUT, `Het kwartaal ${rapportage.jaar}-K${rapportage.kwartaal} is nog niet afgelopen; indienen kan vanaf ${einde}.`);
    }
    const problemen = volledigheidsProblemen(kpiRijen.map(alsKpi), new Set(deelnemers), waarden.map(alsGemeldeWaarde), rapportage.kwartaal);
    weigerBijProblemen(problemen, 'De rapportage is niet ingediend:');
    return auditStatus(em, ctx, rapportage, RapportageStatus.CONCEPT, 'KWARTAALRAPPORTAGE_INGEDIEND', { ingediendOp: nu });
  });
}

/** The controller approves a submitted report. */
export function kwartaalrapportageGoedkeuren(ctx: Schrijver, sleutel: RapportageSleutel): Promise<KwartaalrapportageType> {
  return zetStatus(ctx, sleutel, RapportageStatus.INGEDIEND, RapportageStatus.GOEDGEKEURD, 'goedgekeurd', 'KWARTAALRAPPORTAGE_GOEDGEKEURD', {
    goedgekeurdOp: ctx.now(),
  });
}

/** The controller sends a submitted report back, with a reason. */
export function kwartaalrapportageTerugsturen(ctx: Schrijver, invoer: RapportageMetReden): Promise<KwartaalrapportageType> {
  return zetStatus(ctx, invoer, RapportageStatus.INGEDIEND, RapportageStatus.TERUGGESTUURD, 'teruggestuurd', 'KWARTAALRAPPORTAGE_TERUGGESTUURD', {
    reden: invoer.reden.trim(),
    ingediendOp: null,
  });
}

/**
 * Corrects an approved report: a new version (concept, with the reason and a copy of the values);
 * the approved version stays as it was. One statement claims the approved version, adds the new one
 * and copies the values.
 */
export function kwartaalrapportageCorrigeren(ctx: Schrijver, invoer: RapportageMetReden): Promise<KwartaalrapportageType> {
  return ctx.em.transactional(async (em) => {
    await vereisScope(em, ctx, invoer.module);
    const toegestaan = [RapportageStatus.GOEDGEKEURD];
    const reden = invoer.reden.trim();
    const c = claim(em, invoer, toegestaan, ctx.now());
    const rijen: Rij[] = await em.execute(
      `with ${c.sql},
       correctie as (
         insert into kwartaalrapportage (module_id, jaar, kwartaal, versie, status, reden, gewijzigd_op, revisie)
         select module_id, jaar, kwartaal, versie + 1, 'CONCEPT', ?, ?::timestamptz, 1 from claim
         returning *),
       kopie as (
         insert into kpi_waarde (rapportage_id, kpi_id, gemeente_id, waarde, toelichting)
         select correctie.id, w.kpi_id, w.gemeente_id, w.waarde, w.toelichting
         from kpi_waarde w join claim on w.rapportage_id = claim.id cross join correctie
         order by w.id)
       select * from correctie`,
      [...c.params, reden, ctx.now().toISOString()],
    );
    if (rijen.length === 0) await weigerClaim(em, invoer, toegestaan, 'gecorrigeerd (alleen een goedgekeurde rapportage krijgt een nieuwe versie)');
    const correctie = alsRapportage(em, rijen[0]);
    audit(em, ctx, 'KWARTAALRAPPORTAGE_CORRECTIE_GESTART', 'Kwartaalrapportage', correctie.id, { versie: correctie.versie - 1 }, {
      versie: correctie.versie,
      reden: correctie.reden,
    });
    return correctie;
  });
}

/** A status change without further checks: the claim sets the new status, then the audit entry. */
function zetStatus(
  ctx: Schrijver,
  sleutel: RapportageSleutel,
  van: RapportageStatus,
  naar: RapportageStatus,
  wat: string,
  actie: string,
  velden: Omit<Velden, 'status'>,
): Promise<KwartaalrapportageType> {
  return ctx.em.transactional(async (em) => {
    const c = claim(em, sleutel, [van], ctx.now(), { status: naar, ...velden });
    const rijen: Rij[] = await em.execute(`with ${c.sql} select * from claim`, c.params);
    if (rijen.length === 0) await weigerClaim(em, sleutel, [van], wat);
    return auditStatus(em, ctx, alsRapportage(em, rijen[0]), van, actie, velden);
  });
}

/** The audit entry of a status change: the status the claim required before, the new one after. */
function auditStatus(
  em: EntityManager,
  ctx: Schrijver,
  rapportage: KwartaalrapportageType,
  van: RapportageStatus,
  actie: string,
  velden: Omit<Velden, 'status'>,
): KwartaalrapportageType {
  const voor = { status: van, revisie: rapportage.revisie - 1 };
  audit(em, ctx, actie, 'Kwartaalrapportage', rapportage.id, voor, { status: rapportage.status, revisie: rapportage.revisie, ...velden });
  return rapportage;
}
