import type { EntityManager } from '@mikro-orm/postgresql';
import type { Schrijver } from '../context.js';
import { isJaar, jaarMelding } from '../core/jaar.js';
import { alsTekst, type BladProbleem, ImportWijziging, leesAantal, leesRasters, leesTabel, type Raster, uploadFout } from '../core/spreadsheet-in.js';
import { gemeenteHerkenner, type HerkendeGemeente, type Herkenner } from './gemeente-herkenning.js';
import { legInwonertalVast } from './gemeente.service.js';
import { InwonersImportType, type InwonerWijzigingType } from './inwoners-import.types.js';
import { plaatshouders } from '../core/sql.js';

// Inhabitants per gemeente and year from a CBS StatLine export (xlsx or CSV with ';'), e.g. table 70072ned
// "Regionale kerncijfers Nederland" or 03759ned: find the header row by its column names (title rows above
// it and a footnote block below are StatLine's), resolve regions by name or CBS code, check every row, and
// either report what would change (proefdraai) or write everything in one transaction.

/** More rows than 342 gemeenten × many years need; a bound on the work one upload can cause. */
const MAX_RIJEN = 20_000;

const KOLOMMEN = {
  regio: { naam: "Regio's", past: (kop: string) => /^regio'?s?\b/.test(kop) },
  periode: { naam: 'Perioden', past: (kop: string) => kop === 'perioden' || kop === 'periode' },
  aantal: {
    naam: 'Bevolking op 1 januari (aantal)',
    past: (kop: string) => kop.includes('bevolking op 1 januari') || kop.includes('totale bevolking'),
  },
} as const;
type Kolom = keyof typeof KOLOMMEN;

/** A line of StatLine's footnote block: source, explanation of signs, table id, copyright. */
const VOETNOOT = /^(bron|noot|voetnoot|verklaring|tabel|cbs|©|\*|status|gewijzigd op|onderwerp)|:/i;

interface Regel {
  rij: number;
  gemeenteId: number;
  jaar: number;
  voorlopig: boolean;
  aantal: number;
}

/** The StatLine table id in the title rows above the header (e.g. "70072ned"), if any. */
function tabelId(raster: Raster, koprij: number): string | null {
  for (const { rij, cellen } of raster.rijen) {
    if (rij >= koprij) break;
    for (const cel of cellen) {
      const id = typeof cel === 'string' ? /\b(\d{5}(?:ned|eng))\b/i.exec(cel)?.[1] : undefined;
      if (id) return id.toLowerCase();
    }
  }
  return null;
}

interface Gelezen {
  regels: Regel[];
  problemen: BladProbleem[];
  tabel: string | null;
}

function leesRegels(rasters: Raster[], herken: Herkenner): Gelezen {

  const tabel = leesTabel(rasters, KOLOMMEN);
  if ('probleem' in tabel) return { regels: [], problemen: [tabel.probleem], tabel: null };
  const { raster, koprij, probleemOp } = tabel;
  const problemen: BladProbleem[] = [];
  const fout = (rij: number, k: Kolom, melding: string) => problemen.push(probleemOp(rij, k, melding));
  const regels: Regel[] = [];
  const gezien = new Map<string, number>();
  let vorige = koprij;
  for (const { rij, cellen, cel } of tabel.rijen) {
    const ingevuld = cellen.filter((c) => c !== null).length;
    // The data end at the first empty row (StatLine leaves one above its footnotes) or at a footnote line.
    if (rij !== vorige + 1) break;
    if (ingevuld === 1 && cel('periode') === null && cel('aantal') === null && VOETNOOT.test(alsTekst(cellen.find((c) => c !== null)!) ?? '')) break;
    vorige = rij;
    const voor = problemen.length;

    const regio = alsTekst(cel('regio'))?.trim() ?? null;
    let gemeente: HerkendeGemeente | null = null;
    if (regio === null) fout(rij, 'regio', 'de gemeente ontbreekt (naam of CBS-code, bijvoorbeeld Arnhem of GM0202)');
    else {
      const herkend = herken(regio);
      if ('probleem' in herkend) fout(rij, 'regio', herkend.probleem);
      else gemeente = herkend.gemeente;
    }

    const periodeCel = cel('periode');
    const periode = alsTekst(periodeCel)?.trim() ?? null;
    const jaarMatch = periode === null ? null : /^(\d{1,6})\s*(\*{1,2})?$/.exec(periode);
    const jaar = jaarMatch ? Number(jaarMatch[1]) : null;
    if (periode === null) fout(rij, 'periode', 'het jaar ontbreekt');
    else if (jaar === null) fout(rij, 'periode', `periode "${periode}" is geen jaar; verwacht bijvoorbeeld 2025 of 2025* (voorlopig)`);
    else if (!isJaar(jaar)) fout(rij, 'periode', jaarMelding(periode));

    const aantal = leesAantal(cel('aantal'));
    if ('probleem' in aantal) fout(rij, 'aantal', aantal.probleem);

    if (gemeente && jaar !== null && isJaar(jaar)) {
      const sleutel = `${gemeente.id}|${jaar}`;
      const eerder = gezien.get(sleutel);
      if (eerder !== undefined) fout(rij, 'regio', `dubbele regel: ${gemeente.naam} ${jaar} staat ook in rij ${eerder}`);
      else gezien.set(sleutel, rij);
    }
    if (problemen.length === voor && gemeente && jaar !== null && 'aantal' in aantal) {
      regels.push({ rij, gemeenteId: gemeente.id, jaar, voorlopig: Boolean(jaarMatch?.[2]), aantal: aantal.aantal });
    }
  }
  if (regels.length === 0 && problemen.length === 0) {
    problemen.push(probleemOp(koprij + 1, null, 'onder de kopregel staan geen gegevens'));
  }
  return { regels, problemen, tabel: tabelId(raster, koprij) };
}

async function huidigeTallen(em: EntityManager, gemeenteIds: number[]): Promise<Map<string, number>> {
  if (gemeenteIds.length === 0) return new Map();
  const rijen = await em.execute<{ gemeente_id: number; jaar: number; aantal: number }[]>(
    `select gemeente_id, jaar, aantal from inwonertal where gemeente_id in (${plaatshouders(gemeenteIds.length)})`,
    gemeenteIds,
  );
  return new Map(rijen.map((r) => [`${r.gemeente_id}|${r.jaar}`, r.aantal]));
}

/**
 * Imports inhabitants from a StatLine file (beheerder; the resolver checks the role). Every problem
 * comes back at once with sheet, row and column and nothing is written; with `proefdraai` nothing is
 * written either, and the answer says per gemeente and year what would change. Otherwise every new or
 * changed figure is recorded as inwonertalVastleggen does (audited), all in one transaction. An
 * unchanged figure keeps its row and source. Inhabitants have no closed-year rule (a module's closed
 * year freezes its budgets, keys and contributions, which carry their own copy of the units).
 */
export async function inwonersImporteren(ctx: Schrijver, bestand: Buffer, bestandsnaam: string | null, proefdraai: boolean): Promise<InwonersImportType> {
  const rasters = await leesRasters(bestand, bestandsnaam, MAX_RIJEN);
  return ctx.em.transactional(async (em) => {
    const { gemeenten, herken } = await gemeenteHerkenner(em);
    const { regels, problemen, tabel } = leesRegels(rasters, herken);
    if (problemen.length) throw uploadFout(problemen);

    const huidig = await huidigeTallen(em, [...new Set(regels.map((r) => r.gemeenteId))]);
    const perId = new Map(gemeenten.map((g) => [g.id, g]));
    const bron = `CBS StatLine${tabel ? ` ${tabel}` : ''}, bevolking op 1 januari`;
    const wijzigingen: InwonerWijzigingType[] = regels.map((r) => {
      const oud = huidig.get(`${r.gemeenteId}|${r.jaar}`) ?? null;
      const soort = oud === null ? ImportWijziging.NIEUW : oud === r.aantal ? ImportWijziging.GELIJK : ImportWijziging.GEWIJZIGD;
      const g = perId.get(r.gemeenteId)!;
      return { rij: r.rij, cbsCode: g.cbs_code, gemeente: g.naam, jaar: r.jaar, voorlopig: r.voorlopig, soort, oud, nieuw: r.aantal };
    });
    if (!proefdraai) {
      for (const w of wijzigingen.filter((w) => w.soort !== ImportWijziging.GELIJK)) {
        await legInwonertalVast(em, ctx, { gemeente: w.cbsCode, jaar: w.jaar, aantal: w.nieuw, bron: w.voorlopig ? `${bron} (voorlopig)` : bron });
      }
    }
    wijzigingen.sort((a, b) => a.gemeente.localeCompare(b.gemeente, 'nl') || a.jaar - b.jaar);
    const tel = (soort: ImportWijziging) => wijzigingen.filter((w) => w.soort === soort).length;
    return Object.assign(new InwonersImportType(), {
      proefdraai,
      tabel,
      bron,
      nieuw: tel(ImportWijziging.NIEUW),
      gewijzigd: tel(ImportWijziging.GEWIJZIGD),
      gelijk: tel(ImportWijziging.GELIJK),
      voorlopig: wijzigingen.filter((w) => w.voorlopig).length,
      wijzigingen,
    });
  });
}
