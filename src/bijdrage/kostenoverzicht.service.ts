import type { EntityManager } from '@mikro-orm/postgresql';
import { Decimal } from '../core/decimal.js';
import { ErrorCode, hubError } from '../core/errors.js';
import { RequestLoaders } from '../core/loaders.js';
import type { ReadModel } from '../core/read-model.js';
import { gemeenteLezen } from '../gemeente/gemeente.types.js';
import { moduleLezen } from '../module/module.types.js';
import { Fase } from './bijdrage.entity.js';
import { ACTUELE_BEGROTINGEN } from './actueel.service.js';
import type { VersionedCache } from '../core/versioned-cache.js';
import { KostenRegel, Kostenoverzicht } from './kostenoverzicht.types.js';

export interface KostenFilter {
  van: number;
  tot: number;
  fase: Fase;
  modules?: string[] | null;
  gemeenten?: string[] | null;
  /** BBV-taakvelden of the contributions (the code each contribution is booked on). */
  taakvelden?: string[] | null;
}

interface Rij {
  jaar: number;
  gemeente_id: number | null;
  module_id: number | null;
  alle_gemeenten: number;
  alle_modules: number;
  begroot: string | null;
  gewijzigd: string | null;
  gerealiseerd: string | null;
  na_wijziging: string | null;
  inwoners: string | null;
}

// One statement for the whole matrix and its totals: the current contributions (ACTUELE_BEGROTINGEN)
// pivoted per phase, with GROUPING SETS for the totals. "Begroting na wijziging" is decided per module
// and year: the current amendment when the module has one that year, else the primitieve begroting.
/**
 * The statement, with knex `?` placeholders in the order of KOSTENOVERZICHT_PARAMETERS (lists as JSON
 * arrays, NULL for "all"); the benchmark reuses it.
 */
export const KOSTENOVERZICHT_SQL = `
with actueel as (
  select bd.gemeente_id, bd.module_id, bd.jaar, bd.fase, bd.bedrag
  from bijdrage bd
  join module m on m.id = bd.module_id
  join gemeente g on g.id = bd.gemeente_id
  where bd.begroting_id in (${ACTUELE_BEGROTINGEN})
    and bd.jaar between ? and ?
    and (?::jsonb is null or m.code in (select jsonb_array_elements_text(?::jsonb)))
    and (?::jsonb is null or g.cbs_code in (select jsonb_array_elements_text(?::jsonb)))
    and (?::jsonb is null or bd.taakveld in (select jsonb_array_elements_text(?::jsonb)))
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
)
select c.jaar, c.gemeente_id, c.module_id,
       grouping(c.gemeente_id) as alle_gemeenten, grouping(c.module_id) as alle_modules,
       sum(c.begroot) as begroot, sum(c.gewijzigd) as gewijzigd, sum(c.gerealiseerd) as gerealiseerd,
       sum(c.na_wijziging) as na_wijziging,
       case when grouping(c.gemeente_id) = 0 then max(c.inwoners)
            when grouping(c.module_id) = 0 then sum(c.inwoners)
            else (select sum(gi.inwoners) from gemeente_inwoners gi where gi.jaar = c.jaar) end as inwoners
from cel_na_wijziging c
group by grouping sets ((c.jaar, c.gemeente_id, c.module_id), (c.jaar, c.gemeente_id), (c.jaar, c.module_id), (c.jaar))
order by c.jaar, alle_gemeenten, alle_modules, c.gemeente_id, c.module_id`;

/** What each `?` of KOSTENOVERZICHT_SQL stands for, in order. */
export const KOSTENOVERZICHT_PARAMETERS = ['van', 'tot', 'modules', 'modules', 'gemeenten', 'gemeenten', 'taakvelden', 'taakvelden', 'van', 'tot'] as const;

const decimaal = (v: string | null) => (v === null ? null : new Decimal(v));

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

const tekst = (v: Decimal | null) => (v === null ? null : v.toFixed(2));

function matrixRegel(rij: Rij): MatrixRegel {
  const begroot = decimaal(rij.begroot);
  const gewijzigd = decimaal(rij.gewijzigd);
  const gerealiseerd = decimaal(rij.gerealiseerd);
  const naWijziging = decimaal(rij.na_wijziging);
  const inwoners = rij.inwoners === null ? null : Number(rij.inwoners);
  const inFase = (bedrag: Decimal | null) => ({ bedrag: tekst(bedrag), perInwoner: bedrag && inwoners ? tekst(bedrag.dividedBy(inwoners).toDecimalPlaces(2)) : null });
  return {
    gemeenteId: rij.alle_gemeenten ? null : rij.gemeente_id,
    moduleId: rij.alle_modules ? null : rij.module_id,
    gemeente: null,
    module: null,
    jaar: rij.jaar,
    begroot: tekst(begroot),
    gewijzigd: tekst(gewijzigd),
    gerealiseerd: tekst(gerealiseerd),
    naWijziging: tekst(naWijziging),
    verschil: gerealiseerd && naWijziging ? tekst(gerealiseerd.minus(naWijziging)) : null,
    inwoners,
    perFase: { [Fase.BEGROOT]: inFase(begroot), [Fase.GEWIJZIGD]: inFase(gewijzigd), [Fase.GEREALISEERD]: inFase(gerealiseerd) },
  };
}

/** The overview of one phase: the matrix's rows with that phase's amounts (new objects; the matrix stays as it is). */
function inFase(matrix: KostenMatrix, fase: Fase): Kostenoverzicht {
  const regel = ({ perFase, ...vast }: MatrixRegel): KostenRegel => ({ ...vast, ...perFase[fase] });
  return {
    jaar: matrix.jaar,
    fase,
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

export interface KostenBronnen {
  /** The process's cache; used for reads outside a transaction (uncommitted writes must never be cached). */
  cache?: VersionedCache | null;
  /** The request's loaders, to attach gemeenten and modules when not served from the cache. */
  loaders?: RequestLoaders;
  gevraagd?: { gemeente: boolean; module: boolean };
}

const ALLES = { gemeente: true, module: true };

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
    // the same data version (writes to those tables raise it too), loaded in a fork no request uses.
    const matrices = await bronnen.cache.fetch(
      em,
      sleutel,
      async () => {
        const eigen = em.fork();
        return metGemeentenEnModules(new RequestLoaders(eigen), await kostenMatrices(eigen, filter), ALLES);
      },
      (m) => BYTES_PER_MATRIXREGEL * m.reduce((n, o) => n + o.regels.length + o.perGemeente.length + o.perModule.length + 1, 0),
    );
    return matrices.map((m) => inFase(m, filter.fase));
  }
  const matrices = await kostenMatrices(em, filter);
  if (bronnen.loaders) await metGemeentenEnModules(bronnen.loaders, matrices, bronnen.gevraagd ?? ALLES);
  return matrices.map((m) => inFase(m, filter.fase));
}

async function kostenMatrices(em: EntityManager, filter: Omit<KostenFilter, 'fase'>): Promise<KostenMatrix[]> {
  // Lists travel as one JSON parameter (knex would expand an array into separate parameters).
  const alsJson = (lijst?: string[] | null) => (lijst?.length ? JSON.stringify(lijst) : null);
  const waarden = { van: filter.van, tot: filter.tot, modules: alsJson(filter.modules), gemeenten: alsJson(filter.gemeenten), taakvelden: alsJson(filter.taakvelden) };
  const rijen = await em.getConnection().execute<Rij[]>(KOSTENOVERZICHT_SQL, KOSTENOVERZICHT_PARAMETERS.map((p) => waarden[p]));
  const perJaar = new Map<number, KostenMatrix>();
  for (let jaar = filter.van; jaar <= filter.tot; jaar++) {
    perJaar.set(jaar, { jaar, regels: [], perGemeente: [], perModule: [], regio: null });
  }
  for (const rij of rijen) {
    const matrix = perJaar.get(rij.jaar)!;
    const r = matrixRegel(rij);
    if (!rij.alle_gemeenten && !rij.alle_modules) matrix.regels.push(r);
    else if (!rij.alle_gemeenten) matrix.perGemeente.push(r);
    else if (!rij.alle_modules) matrix.perModule.push(r);
    else matrix.regio = r;
  }
  return [...perJaar.values()];
}

/**
 * Attaches the gemeenten and modules of all rows that the client asked for: one batched load each,
 * whatever the matrix size.
 */
async function metGemeentenEnModules(
  loaders: RequestLoaders,
  matrices: KostenMatrix[],
  gevraagd: { gemeente: boolean; module: boolean },
): Promise<KostenMatrix[]> {
  const regels = matrices.flatMap((o) => [...o.regels, ...o.perGemeente, ...o.perModule]);
  const laad = async <T extends object, R extends { id: number }>(model: ReadModel<T, R>, ids: Array<number | null>, nodig: boolean) => {
    const uniek = [...new Set(ids)].filter((id): id is number => id !== null);
    const rijen = nodig ? await loaders.read(model).loadMany(uniek) : [];
    return new Map(rijen.flatMap((x) => (x instanceof Error || x === null ? [] : [[x.id, x] as const])));
  };
  const [gemeenten, modules] = await Promise.all([
    laad(gemeenteLezen, regels.map((r) => r.gemeenteId), gevraagd.gemeente),
    laad(moduleLezen, regels.map((r) => r.moduleId), gevraagd.module),
  ]);
  for (const r of regels) {
    r.gemeente = r.gemeenteId === null ? null : (gemeenten.get(r.gemeenteId) ?? null);
    r.module = r.moduleId === null ? null : (modules.get(r.moduleId) ?? null);
  }
  return matrices;
}
