import type { EntityManager } from '@mikro-orm/postgresql';
import { Decimal } from '../core/decimal.js';
import type { Grondslag } from '../verdeelsleutel/verdeelsleutel.entity.js';
import { gewichten } from './bijdrage-berekening.service.js';
import { Meerjarenraming, type RamingGemeente, type RamingJaar, type RamingModule } from './meerjarenraming.types.js';
import { deelnameDagenInJaar, verdeel } from './verdeling.service.js';
import { taakveldVoorJaar } from '../taakveld/taakvelden.js';
import { RAMING_JAREN } from '../begroting/begroting.service.js';
import { plaatshouders } from '../core/sql.js';

// The meerjarenraming of a begrotingsjaar: per module the years t+1 … t+3 of the latest adopted version
// that carries one, each year's net cost split over the gemeenten exactly as bijdragenBerekenen splits
// a budget (the allocation key, pro rata by days of participation, largest remainder to the cent). The
// split is computed, not stored: a raming is a forecast, and the bijdragen table holds what is charged.

interface VersieRij {
  begroting_id: number;
  module_id: number;
  taakveld: string | null;
  begrotingsjaar: number;
  jaar: number;
  lasten: string;
  baten: string;
}

interface SleutelRij {
  module_id: number;
  jaar: number;
  grondslag: Grondslag;
  cbs_code: string;
  gemeente_id: number;
  eenheden: string;
}

interface DeelnameRij {
  module_id: number;
  cbs_code: string;
  vanaf: string;
  tot: string | null;
}


/** The meerjarenraming of one begrotingsjaar (one statement). */
export async function meerjarenraming(em: EntityManager, begrotingsjaar: number, moduleCodes?: string[]): Promise<Meerjarenraming> {
  return (await meerjarenramingen(em, begrotingsjaar, begrotingsjaar, moduleCodes))[0];
}

/**
 * What a split of the ramingen needs, in one statement: per module and begrotingsjaar the latest version
 * of that year (in BEGROTING_VOLGORDE) that has a raming, with its raming years; the allocation keys up to
 * the last raming year; the participations overlapping the raming years. Amounts travel as text inside
 * the JSON, never as JSON numbers (which JavaScript would read as floats).
 */
const RAMING_INVOER_SQL = (moduleFilter: string) => `
with laatste as (
  select distinct on (b.module_id, b.jaar) b.id, b.module_id, b.jaar
  from begroting b join module m on m.id = b.module_id
  where b.jaar between ? and ? ${moduleFilter}
    and exists (select 1 from begroting_raming r where r.begroting_id = b.id)
  order by b.module_id, b.jaar, b.vastgesteld_op desc, b.volgnummer desc
), versies as (
  select l.id as begroting_id, l.module_id, m.taakveld, l.jaar as begrotingsjaar, r.jaar, r.lasten::text as lasten, r.baten::text as baten, m.code
  from laatste l join begroting_raming r on r.begroting_id = l.id join module m on m.id = l.module_id
), grens as (
  select min(begrotingsjaar) as eerste, max(jaar) as laatste from versies
)
select
  (select coalesce(json_agg(v order by v.begrotingsjaar, v.code, v.jaar), '[]') from versies v) as versies,
  (select coalesce(json_agg(k order by k.module_id, k.jaar, k.cbs_code), '[]') from (
     select s.module_id, s.jaar, s.grondslag, g.cbs_code, g.id as gemeente_id, e.eenheden::text as eenheden
     from verdeelsleutel s join verdeelsleutel_eenheid e on e.verdeelsleutel_id = s.id join gemeente g on g.id = e.gemeente_id
     where s.module_id in (select module_id from versies) and s.jaar <= (select laatste from grens)) k) as sleutels,
  (select coalesce(json_agg(d), '[]') from (
     select d.module_id, g.cbs_code, d.vanaf::text as vanaf, d.tot::text as tot
     from deelname d join gemeente g on g.id = d.gemeente_id
     where d.module_id in (select module_id from versies) and d.vanaf < make_date((select laatste from grens) + 1, 1, 1)
       and (d.tot is null or d.tot > make_date((select eerste from grens) + 1, 1, 1))) d) as deelnames`;

/**
 * The meerjarenramingen of the begrotingsjaren van … tot, one per year, in one statement whatever the
 * number of years and modules.
 */
export async function meerjarenramingen(em: EntityManager, van: number, tot: number, moduleCodes?: string[]): Promise<Meerjarenraming[]> {
  const filter = moduleCodes?.length ? `and m.code in (${plaatshouders(moduleCodes.length)})` : '';
  const [invoer] = await em.execute<Array<{ versies: VersieRij[]; sleutels: SleutelRij[]; deelnames: DeelnameRij[] }>>(RAMING_INVOER_SQL(filter), [van, tot, ...(moduleCodes ?? [])]);
  const { versies, sleutels, deelnames } = invoer;
  const uitkomsten = Array.from({ length: tot - van + 1 }, (_, i) =>
    Object.assign(new Meerjarenraming(), { begrotingsjaar: van + i, modules: [] as RamingModule[], perGemeente: [] as RamingGemeente[] }),
  );
  const moduleIds = [...new Set(versies.map((v) => v.module_id))];
  const gemeenteId = new Map(sleutels.map((s) => [s.cbs_code, s.gemeente_id]));
  // Map.groupBy is not in Node 20.
  const perModule = <R extends { module_id: number }>(rijen: R[]) => {
    const groepen = new Map<number, R[]>();
    for (const r of rijen) {
      const groep = groepen.get(r.module_id);
      if (groep) groep.push(r);
      else groepen.set(r.module_id, [r]);
    }
    return groepen;
  };
  const sleutelsVan = perModule(sleutels);
  const deelnamesVan = perModule(deelnames);

  for (const uitkomst of uitkomsten) {
    const totalen = new Map<string, Decimal>();
    for (const moduleId of moduleIds) {
      const eigen = versies.filter((v) => v.module_id === moduleId && v.begrotingsjaar === uitkomst.begrotingsjaar);
      if (eigen.length === 0) continue;
      const jaren: RamingJaar[] = eigen.map((v) => {
        const netto = new Decimal(v.lasten).minus(v.baten);
        // The raming year's own key when the bureau already has it, else the latest before it.
        const eigenSleutels = sleutelsVan.get(moduleId) ?? [];
        const sleuteljaar = Math.max(0, ...eigenSleutels.filter((s) => s.jaar <= v.jaar).map((s) => s.jaar)) || null;
        const jaar: RamingJaar = { jaar: v.jaar, lasten: v.lasten, baten: v.baten, nettoLasten: netto.toFixed(2), sleuteljaar, bijdragen: [] };
        if (sleuteljaar === null) return jaar;
        const sleutel = eigenSleutels.filter((s) => s.jaar === sleuteljaar);
        const dagen = new Map<string, number>();
        for (const d of deelnamesVan.get(moduleId) ?? []) dagen.set(d.cbs_code, (dagen.get(d.cbs_code) ?? 0) + deelnameDagenInJaar(d.vanaf, d.tot, v.jaar));
        const posten = gewichten(sleutel[0].grondslag, sleutel.map((s) => ({ cbsCode: s.cbs_code, eenheden: new Decimal(s.eenheden) })), dagen, v.jaar).filter((p) => !p.gewicht.isZero());
        if (posten.length === 0) return jaar;
        jaar.bijdragen = verdeel(netto, posten).map((deel) => {
          const sleutelJaar = `${deel.sleutel}|${v.jaar}`;
          totalen.set(sleutelJaar, (totalen.get(sleutelJaar) ?? new Decimal(0)).plus(deel.bedrag));
          return { gemeenteId: gemeenteId.get(deel.sleutel)!, bedrag: deel.bedrag.toFixed(2), aandeel: deel.aandeel.toDecimalPlaces(10).toFixed() };
        });
        return jaar;
      });
      uitkomst.modules.push({ moduleId, begrotingId: eigen[0].begroting_id, taakveld: eigen[0].taakveld, jaren });
    }
    uitkomst.perGemeente = [...totalen]
      .map(([sleutel, bedrag]) => {
        const [code, jaar] = sleutel.split('|');
        return { gemeenteId: gemeenteId.get(code)!, jaar: Number(jaar), bedrag: bedrag.toFixed(2), code };
      })
      .sort((a, b) => a.code.localeCompare(b.code) || a.jaar - b.jaar)
      .map(({ code: _code, ...rest }) => rest);
  }
  return uitkomsten;
}

/** A contribution of a gemeente to a module in a year according to a meerjarenraming (see geraamdeBijdragen). */
export interface GeraamdeBijdrage {
  gemeente_id: number;
  module_id: number;
  jaar: number;
  /** The BBV taakveld the contribution would be booked on that year (the module's, as bijdragenBerekenen does). */
  taakveld: string | null;
  bedrag: string;
  /** The begrotingsjaar whose meerjarenraming this is. */
  begrotingsjaar: number;
}

/**
 * The geraamde contributions for the years van … tot: per module and year the meerjarenraming of the most
 * recent earlier begrotingsjaar that has that year in its raming (t+1 before t+2 before t+3), split as
 * meerjarenraming splits it. One statement (meerjarenramingen over the begrotingsjaren van − 3 … tot − 1).
 */
export async function geraamdeBijdragen(em: EntityManager, van: number, tot: number, moduleCodes?: string[] | null): Promise<GeraamdeBijdrage[]> {
  const ramingen = await meerjarenramingen(em, van - RAMING_JAREN, tot - 1, moduleCodes ?? undefined);
  const gekozen = new Map<string, { begrotingsjaar: number; taakveld: string | null; jaar: RamingJaar; moduleId: number }>();
  // Later begrotingsjaren overwrite earlier ones: the most recent raming of a year counts.
  for (const raming of ramingen) {
    for (const m of raming.modules) {
      for (const j of m.jaren) {
        if (j.jaar >= van && j.jaar <= tot) gekozen.set(`${m.moduleId}|${j.jaar}`, { begrotingsjaar: raming.begrotingsjaar, taakveld: m.taakveld, jaar: j, moduleId: m.moduleId });
      }
    }
  }
  return [...gekozen.values()].flatMap(({ begrotingsjaar, taakveld, jaar, moduleId }) => {
    const code = taakveld === null ? null : (taakveldVoorJaar(taakveld, jaar.jaar) ?? null);
    return jaar.bijdragen.map((b) => ({ gemeente_id: b.gemeenteId, module_id: moduleId, jaar: jaar.jaar, taakveld: code, bedrag: b.bedrag, begrotingsjaar }));
  });
}
