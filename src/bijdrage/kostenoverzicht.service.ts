import type { EntityManager } from '@mikro-orm/postgresql';
import { ErrorCode, hubError } from '../core/errors.js';
import type { ReadModel } from '../core/read-model.js';
import { gemeenteLezen, type GemeenteType } from '../gemeente/gemeente.types.js';
import { moduleLezen, type ModuleType } from '../module/module.types.js';
import { Fase } from './bijdrage.entity.js';
import { actueleBijdrage } from './actueel.service.js';
import type { VersionedCache } from '../core/versioned-cache.js';
import { KostenRegel, Kostenoverzicht } from './kostenoverzicht.types.js';
import { geraamdeBijdragen } from './meerjarenraming.service.js';

export interface KostenFilter {
  van: number;
  tot: number;
  fase: Fase;
  modules?: string[] | null;
  gemeenten?: string[] | null;
  /** BBV-taakvelden of the contributions (the code each contribution is booked on). */
  taakvelden?: string[] | null;
}

/** A row of KOSTENOVERZICHT_SQL: amounts as text in cents. */
interface Rij {
  jaar: number;
  gemeente_id: number | null;
  module_id: number | null;
  alle_gemeenten: number;
  alle_modules: number;
  begroot: string | null;
  gewijzigd: string | null;
  gerealiseerd: string | null;
  geraamd: string | null;
  raming_uit: number | null;
  na_wijziging: string | null;
  verschil: string | null;
  inwoners: string | null;
  begroot_per_inwoner: string | null;
  gewijzigd_per_inwoner: string | null;
  gerealiseerd_per_inwoner: string | null;
  geraamd_per_inwoner: string | null;
  /** Present when asked for (see kostenoverzichtSql). */
  gemeente?: Record<string, unknown> | null;
  module?: Record<string, unknown> | null;
}

/**
 * The amount of a phase per inhabitant, in cents, rounded half away from zero; none without
 * inhabitants. The dividend gets scale 20 first, so the quotient carries at least 20 decimals before it
 * is rounded: PostgreSQL otherwise keeps 16 significant digits, which for large quotients can leave too
 * few decimals to round a value like x.xx4999… correctly.
 */
const PER_INWONER = (fase: 'begroot' | 'gewijzigd' | 'gerealiseerd' | 'geraamd') =>
  `case when t.inwoners <> 0 then round(t.${fase}::numeric(40, 20) / t.inwoners, 2)::text end as ${fase}_per_inwoner`;

// One statement for the whole matrix and its totals: the current contributions (actueleBijdrage)
// pivoted per phase, with GROUPING SETS for the totals, and every figure as the text the graph gives
// (cents, and per inhabitant for each phase): no amount is parsed or formatted in JavaScript.
// "Begroting na wijziging" is decided per module and year: the current amendment when the module has
// one that year, else the primitieve begroting.
// The geraamde contributions (meerjarenraming, split in geraamdeBijdragen with the same key rules as
// bijdragenBerekenen) come in as one JSON parameter and go through the same filters and totals as the
// stored contributions, so a raming year's totals have the same definition as a budget year's.
const kostenSql = (verwijzingen: string) => `
with bron as (
  select bd.gemeente_id, bd.module_id, bd.jaar, bd.fase, bd.taakveld, bd.bedrag, null::int as raming_uit
  from bijdrage bd
  where ${actueleBijdrage('bd')}
    and bd.jaar between ? and ?
  union all
  select r.gemeente_id, r.module_id, r.jaar, 'GERAAMD', r.taakveld, r.bedrag, r.begrotingsjaar
  from jsonb_to_recordset(coalesce(?::jsonb, '[]')) as r(gemeente_id int, module_id int, jaar int, taakveld text, bedrag numeric, begrotingsjaar int)
), actueel as (
  select b.gemeente_id, b.module_id, b.jaar, b.fase, b.bedrag, b.raming_uit
  from bron b
  join module m on m.id = b.module_id
  join gemeente g on g.id = b.gemeente_id
  where (?::jsonb is null or m.code in (select jsonb_array_elements_text(?::jsonb)))
    and (?::jsonb is null or g.cbs_code in (select jsonb_array_elements_text(?::jsonb)))
    and (?::jsonb is null or b.taakveld in (select jsonb_array_elements_text(?::jsonb)))
), begroting_na_wijziging as (
  select ab.module_id, ab.jaar, bool_or(ab.soort = 'WIJZIGING') as gewijzigd
  from actuele_begroting ab
  where ab.soort in ('PRIMITIEF', 'WIJZIGING') and ab.jaar between ? and ?
  group by ab.module_id, ab.jaar
), cel as (
  select a.jaar, a.gemeente_id, a.module_id,
         sum(a.bedrag) filter (where a.fase = 'BEGROOT') as begroot,
         sum(a.bedrag) filter (where a.fase = 'GEWIJZIGD') as gewijzigd,
         sum(a.bedrag) filter (where a.fase = 'GEREALISEERD') as gerealiseerd,
         sum(a.bedrag) filter (where a.fase = 'GERAAMD') as geraamd,
         max(a.raming_uit) as raming_uit,
         max(i.aantal) as inwoners
  from actueel a
  left join inwonertal i on i.gemeente_id = a.gemeente_id and i.jaar = a.jaar
  group by a.jaar, a.gemeente_id, a.module_id
), cel_na_wijziging as (
  select c.*, case when bnw.gewijzigd is null then null
                   when bnw.gewijzigd then coalesce(c.gewijzigd, 0)
                   else coalesce(c.begroot, 0) end as na_wijziging
  from cel c
  left join begroting_na_wijziging bnw on bnw.module_id = c.module_id and bnw.jaar = c.jaar
), gemeente_inwoners as (
  select jaar, gemeente_id, max(inwoners) as inwoners from cel group by jaar, gemeente_id
), totaal as (
  select c.jaar, c.gemeente_id, c.module_id,
         grouping(c.gemeente_id) as alle_gemeenten, grouping(c.module_id) as alle_modules,
         sum(c.begroot) as begroot, sum(c.gewijzigd) as gewijzigd, sum(c.gerealiseerd) as gerealiseerd,
         sum(c.geraamd) as geraamd, max(c.raming_uit) as raming_uit, sum(c.na_wijziging) as na_wijziging,
         case when grouping(c.gemeente_id) = 0 then max(c.inwoners)
              when grouping(c.module_id) = 0 then sum(c.inwoners)
              else (select sum(gi.inwoners) from gemeente_inwoners gi where gi.jaar = c.jaar) end as inwoners
  from cel_na_wijziging c
  group by grouping sets ((c.jaar, c.gemeente_id, c.module_id), (c.jaar, c.gemeente_id), (c.jaar, c.module_id), (c.jaar))
)
select t.jaar, t.gemeente_id, t.module_id, t.alle_gemeenten, t.alle_modules,
       round(t.begroot, 2)::text as begroot, round(t.gewijzigd, 2)::text as gewijzigd,
       round(t.gerealiseerd, 2)::text as gerealiseerd, round(t.geraamd, 2)::text as geraamd, t.raming_uit,
       round(t.na_wijziging, 2)::text as na_wijziging,
       round(t.gerealiseerd - t.na_wijziging, 2)::text as verschil,
       t.inwoners,
       ${PER_INWONER('begroot')}, ${PER_INWONER('gewijzigd')}, ${PER_INWONER('gerealiseerd')}, ${PER_INWONER('geraamd')}${verwijzingen}
from totaal t
order by t.jaar, t.alle_gemeenten, t.alle_modules, t.gemeente_id, t.module_id`;

/**
 * The statement, with knex `?` placeholders in the order of KOSTENOVERZICHT_PARAMETERS (lists as JSON
 * arrays, NULL for "all"); the benchmark reuses it.
 */
export const KOSTENOVERZICHT_SQL = kostenSql('');

const metVerwijzingen = new Map<string, string>();

/**
 * KOSTENOVERZICHT_SQL with, as asked, each row's gemeente and module as JSON (ReadModel.jsonById): one
 * statement for the overview and what it names, instead of one more per table.
 */
function kostenoverzichtSql(em: EntityManager, gevraagd: Gevraagd): string {
  const sleutel = `${gevraagd.gemeente}:${gevraagd.module}`;
  let sql = metVerwijzingen.get(sleutel);
  if (!sql) {
    const gemeente = gevraagd.gemeente ? `,\n       ${gemeenteLezen.jsonById(em, 't.gemeente_id')} as gemeente` : '';
    const module = gevraagd.module ? `,\n       ${moduleLezen.jsonById(em, 't.module_id')} as module` : '';
    sql = kostenSql(gemeente + module);
    metVerwijzingen.set(sleutel, sql);
  }
  return sql;
}

/** What each `?` of KOSTENOVERZICHT_SQL stands for, in order. */
export const KOSTENOVERZICHT_PARAMETERS = ['van', 'tot', 'geraamd', 'modules', 'modules', 'gemeenten', 'gemeenten', 'taakvelden', 'taakvelden', 'van', 'tot'] as const;

/** The phase-dependent part of a row: the amount in that phase and per inhabitant. */
type PerFase = Readonly<Record<Fase, Pick<KostenRegel, 'bedrag' | 'perInwoner'>>>;

/** A cost row for every phase at once (what the cache holds); `inFase` makes the row of one phase. */
type MatrixRegel = Omit<KostenRegel, 'bedrag' | 'perInwoner'> & { perFase: PerFase };

/** The cost matrix of one year for every phase: what one run of KOSTENOVERZICHT_SQL gives. */
interface KostenMatrix {
  jaar: number;
  regels: MatrixRegel[];
  perGemeente: MatrixRegel[];
  perModule: MatrixRegel[];
  regio: MatrixRegel | null;
}

/** Read rows by id, so that every cost row of one gemeente or module shares one object. */
class Gedeeld<R extends { id: number }> {
  readonly #rijen = new Map<number, R>();
  constructor(private readonly model: ReadModel<any, R>) {}

  van(json: Record<string, unknown> | null | undefined): R | null {
    if (!json) return null;
    const id = json.id as number;
    let rij = this.#rijen.get(id);
    if (!rij) this.#rijen.set(id, (rij = this.model.map(json)));
    return rij;
  }
}

function matrixRegel(rij: Rij, gemeenten: Gedeeld<GemeenteType>, modules: Gedeeld<ModuleType>): MatrixRegel {
  return {
    gemeenteId: rij.alle_gemeenten ? null : rij.gemeente_id,
    moduleId: rij.alle_modules ? null : rij.module_id,
    gemeente: gemeenten.van(rij.gemeente),
    module: modules.van(rij.module),
    jaar: rij.jaar,
    begroot: rij.begroot,
    gewijzigd: rij.gewijzigd,
    gerealiseerd: rij.gerealiseerd,
    geraamd: rij.geraamd,
    ramingUit: rij.raming_uit,
    geraamdPerInwoner: rij.geraamd_per_inwoner,
    naWijziging: rij.na_wijziging,
    verschil: rij.verschil,
    inwoners: rij.inwoners === null ? null : Number(rij.inwoners),
    perFase: {
      [Fase.BEGROOT]: { bedrag: rij.begroot, perInwoner: rij.begroot_per_inwoner },
      [Fase.GEWIJZIGD]: { bedrag: rij.gewijzigd, perInwoner: rij.gewijzigd_per_inwoner },
      [Fase.GEREALISEERD]: { bedrag: rij.gerealiseerd, perInwoner: rij.gerealiseerd_per_inwoner },
    },
  };
}

/** The overview of one phase: the matrix's rows with that phase's amounts (new objects; the matrix stays as it is). */
function inFase(matrix: KostenMatrix, fase: Fase): Kostenoverzicht {
  // Written out rather than spread: an answer has hundreds of rows, and rest/spread copies are slow.
  const regel = (m: MatrixRegel): KostenRegel => {
    const inFase = m.perFase[fase];
    return {
      gemeenteId: m.gemeenteId,
      moduleId: m.moduleId,
      gemeente: m.gemeente,
      module: m.module,
      jaar: m.jaar,
      begroot: m.begroot,
      gewijzigd: m.gewijzigd,
      gerealiseerd: m.gerealiseerd,
      geraamd: m.geraamd,
      ramingUit: m.ramingUit,
      geraamdPerInwoner: m.geraamdPerInwoner,
      naWijziging: m.naWijziging,
      verschil: m.verschil,
      bedrag: inFase.bedrag,
      inwoners: m.inwoners,
      perInwoner: inFase.perInwoner,
    };
  };
  const r = matrix.regio;
  return {
    jaar: matrix.jaar,
    fase,
    alleenRaming: r !== null && r.geraamd !== null && r.begroot === null && r.gewijzigd === null && r.gerealiseerd === null,
    regels: matrix.regels.map(regel),
    perGemeente: matrix.perGemeente.map(regel),
    perModule: matrix.perModule.map(regel),
    regio: matrix.regio && regel(matrix.regio),
  };
}

/**
 * Bytes a cached matrix row takes on the V8 heap (all phases and their amounts; gemeente and module
 * are shared references): measured 1,866 on Node 20 over 200,000 rows with national-size amounts when
 * they were Decimals, rounded up; as text they take less, so the cap errs on the safe side. The cache is capped in bytes (KOSTEN_CACHE_MB), not in entries or rows.
 */
export const BYTES_PER_MATRIXREGEL = 2_000;

/** Whether the rows carry their gemeente and module (what the client selected). */
interface Gevraagd {
  gemeente: boolean;
  module: boolean;
  /** Leaves the geraamde contributions out (three statements fewer), for services that only need adopted figures. */
  zonderRaming?: boolean;
}

export interface KostenBronnen {
  /** The process's cache; used for reads outside a transaction (uncommitted writes must never be cached). */
  cache?: VersionedCache | null;
  /** Without it, the rows carry only the ids of their gemeente and module. */
  gevraagd?: Gevraagd;
}

const ALLES: Gevraagd = { gemeente: true, module: true };
const GEEN: Gevraagd = { gemeente: false, module: false };

/** For services that compute with adopted figures only (afrekening, voorschotten): no rows, ids only, no raming. */
export const ALLEEN_VASTGESTELD: KostenBronnen = { gevraagd: { gemeente: false, module: false, zonderRaming: true } };

/**
 * Cost matrices for a range of years, in one SQL statement, or from the cache. The cache holds the
 * matrices for every phase at once, keyed without the phase: the SQL is the same for all three.
 */
export async function kostenoverzichten(em: EntityManager, filter: KostenFilter, bronnen: KostenBronnen = {}): Promise<Kostenoverzicht[]> {
  if (filter.tot < filter.van || filter.tot - filter.van > 25) {
    throw hubError(ErrorCode.BAD_USER_INPUT, 'Kies een periode van hoogstens 25 jaar, met "tot" niet vóór "van".');
  }
  if (bronnen.cache && !em.isInTransaction()) {
    const lijst = (l?: string[] | null) => [...(l ?? [])].sort();
    const sleutel = JSON.stringify([filter.van, filter.tot, lijst(filter.modules), lijst(filter.gemeenten), lijst(filter.taakvelden)]);
    // Cached rows are shared and never changed. Their gemeenten and modules are read-only snapshots of
    // the same data version (writes to those tables raise it too).
    const matrices = await bronnen.cache.fetch(
      em,
      sleutel,
      () => kostenMatrices(em, filter, ALLES),
      (m) => BYTES_PER_MATRIXREGEL * m.reduce((n, o) => n + o.regels.length + o.perGemeente.length + o.perModule.length + 1, 0),
    );
    return matrices.map((m) => inFase(m, filter.fase));
  }
  const matrices = await kostenMatrices(em, filter, bronnen.gevraagd ?? GEEN);
  return matrices.map((m) => inFase(m, filter.fase));
}

async function kostenMatrices(em: EntityManager, filter: Omit<KostenFilter, 'fase'>, gevraagd: Gevraagd): Promise<KostenMatrix[]> {
  // Lists travel as one JSON parameter (knex would expand an array into separate parameters).
  const alsJson = (lijst?: string[] | null) => (lijst?.length ? JSON.stringify(lijst) : null);
  const geraamd = gevraagd.zonderRaming ? null : JSON.stringify(await geraamdeBijdragen(em, filter.van, filter.tot, filter.modules));
  const waarden = { van: filter.van, tot: filter.tot, geraamd, modules: alsJson(filter.modules), gemeenten: alsJson(filter.gemeenten), taakvelden: alsJson(filter.taakvelden) };
  const rijen = await em.getConnection().execute<Rij[]>(kostenoverzichtSql(em, gevraagd), KOSTENOVERZICHT_PARAMETERS.map((p) => waarden[p]));
  const gemeenten = new Gedeeld(gemeenteLezen);
  const modules = new Gedeeld(moduleLezen);
  const perJaar = new Map<number, KostenMatrix>();
  for (let jaar = filter.van; jaar <= filter.tot; jaar++) {
    perJaar.set(jaar, { jaar, regels: [], perGemeente: [], perModule: [], regio: null });
  }
  for (const rij of rijen) {
    const matrix = perJaar.get(rij.jaar)!;
    const r = matrixRegel(rij, gemeenten, modules);
    if (!rij.alle_gemeenten && !rij.alle_modules) matrix.regels.push(r);
    else if (!rij.alle_gemeenten) matrix.perGemeente.push(r);
    else if (!rij.alle_modules) matrix.perModule.push(r);
    else matrix.regio = r;
  }
  return [...perJaar.values()];
}
