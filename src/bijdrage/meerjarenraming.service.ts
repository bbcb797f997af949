import type { EntityManager } from '@mikro-orm/postgresql';
import { Decimal } from '../core/decimal.js';
import type { Grondslag } from '../verdeelsleutel/verdeelsleutel.entity.js';
import { gewichten } from './bijdrage-berekening.service.js';
import { Meerjarenraming, type RamingGemeente, type RamingJaar, type RamingModule } from './meerjarenraming.types.js';
import { deelnameDagenInJaar, verdeel } from './verdeling.service.js';

// The meerjarenraming of a begrotingsjaar: per module the years t+1 … t+3 of the latest adopted version
// that carries one, each year's net cost split over the gemeenten exactly as bijdragenBerekenen splits
// a budget (the allocation key, pro rata by days of participation, largest remainder to the cent). The
// split is computed, not stored: a raming is a forecast, and the bijdragen table holds what is charged.

interface VersieRij {
  begroting_id: number;
  module_id: number;
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

const lijst = (n: number) => Array.from({ length: n }, () => '?').join(',');

/** Three statements whatever the number of modules: the ramingen, the keys, the participations. */
export async function meerjarenraming(em: EntityManager, begrotingsjaar: number, moduleCodes?: string[]): Promise<Meerjarenraming> {
  const filter = moduleCodes?.length ? `and m.code in (${lijst(moduleCodes.length)})` : '';
  // Per module the latest version of the year (in BEGROTING_VOLGORDE) that has a raming.
  const versies = await em.execute<VersieRij[]>(
    `with laatste as (
       select distinct on (b.module_id) b.id, b.module_id
       from begroting b join module m on m.id = b.module_id
       where b.jaar = ? ${filter} and exists (select 1 from begroting_raming r where r.begroting_id = b.id)
       order by b.module_id, b.vastgesteld_op desc, b.volgnummer desc)
     select l.id as begroting_id, l.module_id, r.jaar, r.lasten::text as lasten, r.baten::text as baten
     from laatste l join begroting_raming r on r.begroting_id = l.id join module m on m.id = l.module_id
     order by m.code, r.jaar`,
    [begrotingsjaar, ...(moduleCodes ?? [])],
  );
  const moduleIds = [...new Set(versies.map((v) => v.module_id))];
  const uitkomst = Object.assign(new Meerjarenraming(), { begrotingsjaar, modules: [] as RamingModule[], perGemeente: [] as RamingGemeente[] });
  if (moduleIds.length === 0) return uitkomst;
  const laatsteJaar = Math.max(...versies.map((v) => v.jaar));
  const [sleutels, deelnames] = await Promise.all([
    em.execute<SleutelRij[]>(
      `select s.module_id, s.jaar, s.grondslag, g.cbs_code, g.id as gemeente_id, e.eenheden::text as eenheden
       from verdeelsleutel s join verdeelsleutel_eenheid e on e.verdeelsleutel_id = s.id join gemeente g on g.id = e.gemeente_id
       where s.module_id in (${lijst(moduleIds.length)}) and s.jaar <= ?
       order by s.module_id, s.jaar, g.cbs_code`,
      [...moduleIds, laatsteJaar],
    ),
    em.execute<DeelnameRij[]>(
      `select d.module_id, g.cbs_code, d.vanaf::text as vanaf, d.tot::text as tot
       from deelname d join gemeente g on g.id = d.gemeente_id
       where d.module_id in (${lijst(moduleIds.length)}) and d.vanaf < make_date(?::int + 1, 1, 1)
         and (d.tot is null or d.tot > make_date(?::int, 1, 1))`,
      [...moduleIds, laatsteJaar, begrotingsjaar + 1],
    ),
  ]);
  const gemeenteId = new Map(sleutels.map((s) => [s.cbs_code, s.gemeente_id]));
  const totalen = new Map<string, Decimal>();

  for (const moduleId of moduleIds) {
    const eigen = versies.filter((v) => v.module_id === moduleId);
    const jaren: RamingJaar[] = eigen.map((v) => {
      const netto = new Decimal(v.lasten).minus(v.baten);
      // The raming year's own key when the bureau already has it, else the latest before it.
      const sleuteljaar = Math.max(0, ...sleutels.filter((s) => s.module_id === moduleId && s.jaar <= v.jaar).map((s) => s.jaar)) || null;
      const jaar: RamingJaar = { jaar: v.jaar, lasten: v.lasten, baten: v.baten, nettoLasten: netto.toFixed(2), sleuteljaar, bijdragen: [] };
      if (sleuteljaar === null) return jaar;
      const sleutel = sleutels.filter((s) => s.module_id === moduleId && s.jaar === sleuteljaar);
      const dagen = new Map<string, number>();
      for (const d of deelnames.filter((d) => d.module_id === moduleId)) dagen.set(d.cbs_code, (dagen.get(d.cbs_code) ?? 0) + deelnameDagenInJaar(d.vanaf, d.tot, v.jaar));
      const posten = gewichten(sleutel[0].grondslag, sleutel.map((s) => ({ cbsCode: s.cbs_code, eenheden: new Decimal(s.eenheden) })), dagen, v.jaar).filter((p) => !p.gewicht.isZero());
      if (posten.length === 0) return jaar;
      jaar.bijdragen = verdeel(netto, posten).map((deel) => {
        const sleutelJaar = `${deel.sleutel}|${v.jaar}`;
        totalen.set(sleutelJaar, (totalen.get(sleutelJaar) ?? new Decimal(0)).plus(deel.bedrag));
        return { gemeenteId: gemeenteId.get(deel.sleutel)!, bedrag: deel.bedrag.toFixed(2), aandeel: deel.aandeel.toDecimalPlaces(10).toFixed() };
      });
      return jaar;
    });
    uitkomst.modules.push({ moduleId, begrotingId: eigen[0].begroting_id, jaren });
  }
  uitkomst.perGemeente = [...totalen]
    .map(([sleutel, bedrag]) => {
      const [code, jaar] = sleutel.split('|');
      return { gemeenteId: gemeenteId.get(code)!, jaar: Number(jaar), bedrag: bedrag.toFixed(2), code };
    })
    .sort((a, b) => a.code.localeCompare(b.code) || a.jaar - b.jaar)
    .map(({ code: _code, ...rest }) => rest);
  return uitkomst;
}
