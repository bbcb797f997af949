import type { EntityManager } from '@mikro-orm/postgresql';
import type { Schrijver } from '../context.js';
import { Decimal } from '../core/decimal.js';
import { ErrorCode } from '../core/errors.js';
import {
  alsTekst,
  type BladProbleem,
  type CelWaarde,
  ImportWijziging,
  importTransactie,
  isRegelWeigering,
  type KolomHerkenning,
  leesGetal,
  leesJaar,
  leesRasters,
  leesTabel,
  leesTekst,
  type Raster,
  neemCel,
  uploadFout,
} from '../core/spreadsheet-in.js';
import { type SjabloonKolom, sjabloonBlad, uitlegBlad, sjabloonWerkmap } from '../core/spreadsheet-sjabloon.js';
import { gemeenteHerkenner, type HerkendeGemeente, type Herkenner } from '../gemeente/gemeente-herkenning.js';
import { Grondslag } from './verdeelsleutel.entity.js';
import { legVerdeelsleutelVast, sleutelProblemen, type SleutelInvoer } from './verdeelsleutel.service.js';
import { VerdeelsleutelsImportType, type VerdeelsleutelImportEenheidType, type VerdeelsleutelImportRegelType } from './verdeelsleutels-import.types.js';
import { plaatshouders } from '../core/sql.js';

// Allocation keys from a spreadsheet: one row per module × year × gemeente. The rows of one module and
// year form one key, recorded through legVerdeelsleutelVast and checked by sleutelProblemen, the same
// calls as the mutation verdeelsleutelVastleggen. A key the hub has exactly so is GELIJK and untouched.

/** More rows than all modules × 342 gemeenten; a bound on the work one upload can cause. */
const MAX_RIJEN = 10_000;
export const BLAD_VERDEELSLEUTELS = 'Verdeelsleutels';

const kop = (...namen: string[]) => (tekst: string) => namen.includes(tekst);
const KOLOMMEN = {
  module: { naam: 'Module', past: kop('module', 'modulecode') },
  jaar: { naam: 'Jaar', past: kop('jaar') },
  grondslag: { naam: 'Grondslag', past: kop('grondslag') },
  omschrijving: { naam: 'Omschrijving', past: kop('omschrijving') },
  // The template has CBS-code before the gemeente's name; the first of them is read.
  gemeente: { naam: 'CBS-code (of Gemeente)', past: kop('cbs-code', 'cbs code', 'gemeentecode', 'gemeente') },
  eenheden: { naam: 'Eenheden', past: kop('eenheden', 'aantal eenheden', 'percentage') },
  bron: { naam: 'Bron', past: kop('bron') },
} satisfies Record<string, KolomHerkenning>;
type Kolom = keyof typeof KOLOMMEN;

const GRONDSLAGEN = Object.values(Grondslag).join(', ');

/** A basis as people write it: the enum name or its words ("Gelijke delen", "SW-arbeidsjaren"). */
const leesGrondslag = (tekst: string): Grondslag | null => {
  const naam = tekst.trim().toUpperCase().replace(/[\s-]+/g, '_');
  return (Object.values(Grondslag) as string[]).includes(naam) ? (naam as Grondslag) : null;
};

/** Units: a number ≥ 0 that fits NUMERIC(14,4). */
function leesEenheden(gelezen: CelWaarde<Decimal>): CelWaarde<Decimal> {
  if ('probleem' in gelezen || gelezen.waarde === null) return gelezen;
  const e = gelezen.waarde;
  if (e.isNegative()) return { probleem: `${e.toFixed()} is negatief; eenheden zijn 0 of meer` };
  if (e.decimalPlaces() > 4) return { probleem: `${e.toFixed()} heeft meer dan vier decimalen` };
  if (e.gte('1e10')) return { probleem: `${e.toFixed()} is te groot (hoogstens 10 cijfers voor de komma)` };
  return gelezen;
}

interface Regel {
  rij: number;
  gemeente: HerkendeGemeente;
  eenheden: Decimal | null;
  bron: string | null;
}

interface Sleutel {
  rij: number;
  module: string;
  jaar: number;
  /** From the key's first row that has one; null when none has (a problem unless the key is skipped). */
  grondslag: Grondslag | null;
  omschrijving: string | null;
  regels: Regel[];
  /** A row of the key has a problem: the key is reported, not checked further or written. */
  onvolledig: boolean;
}

interface Gelezen {
  sleutels: Sleutel[];
  problemen: BladProbleem[];
  probleemOp: (rij: number, k: Kolom | null, melding: string) => BladProbleem;
}

function leesSleutels(rasters: Raster[], moduleCodes: Set<string>, herken: Herkenner): Gelezen {
  const tabel = leesTabel(rasters, KOLOMMEN);
  if ('probleem' in tabel) return { sleutels: [], problemen: [tabel.probleem], probleemOp: (_r, _k, melding) => ({ ...tabel.probleem, melding }) };
  const problemen: BladProbleem[] = [];
  const perSleutel = new Map<string, Sleutel>();
  for (const { rij, cel } of tabel.rijen) {
    const voor = problemen.length;
    const fout = (k: Kolom, melding: string) => problemen.push(tabel.probleemOp(rij, k, melding));
    const neem = <T>(k: Kolom, gelezen: CelWaarde<T>, ontbreekt: string | null) => neemCel(gelezen, ontbreekt, (melding) => fout(k, melding));

    const module = alsTekst(cel('module'))?.trim().toUpperCase() ?? null;
    if (module === null) fout('module', 'de modulecode ontbreekt (bijvoorbeeld WGSW)');
    else if (!moduleCodes.has(module)) fout('module', `module ${module} is niet bekend in de hub; gebruik de modulecode`);
    const jaar = neem('jaar', leesJaar(cel('jaar')), 'het jaar ontbreekt');
    const bekend = module && jaar !== null ? perSleutel.get(`${module}|${jaar}`) : undefined;

    // Basis and description belong to the key: the key's first row gives them, later rows may leave them empty.
    const grondslagTekst = alsTekst(cel('grondslag'))?.trim() || null;
    const grondslag = grondslagTekst === null ? null : leesGrondslag(grondslagTekst);
    if (grondslagTekst !== null && grondslag === null) fout('grondslag', `grondslag "${grondslagTekst}" bestaat niet; kies een van ${GRONDSLAGEN}`);
    else if (grondslag !== null && bekend?.grondslag && grondslag !== bekend.grondslag) {
      fout('grondslag', `${module} ${jaar} heeft in rij ${bekend.rij} grondslag ${bekend.grondslag}; een sleutel heeft één grondslag`);
    }
    const omschrijving = neem('omschrijving', leesTekst(cel('omschrijving'), 'Omschrijving', 300), null);
    if (omschrijving !== null && bekend?.omschrijving && omschrijving !== bekend.omschrijving) {
      fout('omschrijving', `${module} ${jaar} heeft in rij ${bekend.rij} de omschrijving "${bekend.omschrijving}"; een sleutel heeft één omschrijving`);
    }

    const gemeenteTekst = alsTekst(cel('gemeente'))?.trim() ?? null;
    let gemeente: HerkendeGemeente | null = null;
    if (gemeenteTekst === null) fout('gemeente', 'de gemeente ontbreekt (CBS-code of naam, bijvoorbeeld GM0202 of Arnhem)');
    else {
      const herkend = herken(gemeenteTekst);
      if ('probleem' in herkend) fout('gemeente', herkend.probleem);
      else gemeente = herkend.gemeente;
    }
    const eenheden = neem('eenheden', leesEenheden(leesGetal(cel('eenheden'), false)), null);
    const bron = neem('bron', leesTekst(cel('bron'), 'Bron', 200), null);
    if (gemeente && bekend) {
      const dubbel = bekend.regels.find((r) => r.gemeente.id === gemeente.id);
      if (dubbel) fout('gemeente', `${gemeente.naam} staat ook in rij ${dubbel.rij} van ${module} ${jaar}`);
    }

    // Without a known module and year the row belongs to no key; otherwise the key exists from its first row on.
    if (!module || !moduleCodes.has(module) || jaar === null) continue;
    const sleutel = bekend ?? { rij, module, jaar, grondslag: null, omschrijving: null, regels: [], onvolledig: false };
    sleutel.grondslag ??= grondslag;
    sleutel.omschrijving ??= omschrijving;
    perSleutel.set(`${module}|${jaar}`, sleutel);
    if (problemen.length > voor) sleutel.onvolledig = true;
    else sleutel.regels.push({ rij, gemeente: gemeente!, eenheden, bron });
  }
  const sleutels = [...perSleutel.values()];
  if (sleutels.length === 0 && problemen.length === 0) problemen.push(tabel.probleemOp(tabel.koprij + 1, null, 'onder de kopregel staan geen verdeelsleutels'));
  return { sleutels, problemen, probleemOp: tabel.probleemOp };
}

interface BestaandeEenheid {
  module: string;
  jaar: number;
  grondslag: Grondslag;
  omschrijving: string;
  cbs_code: string;
  naam: string;
  eenheden: string;
  bron: string;
}

function bestaandeSleutels(em: EntityManager, jaren: number[]): Promise<BestaandeEenheid[]> {
  if (jaren.length === 0) return Promise.resolve([]);
  return em.execute<BestaandeEenheid[]>(
    `select m.code as module, s.jaar, s.grondslag, s.omschrijving, g.cbs_code, g.naam, trim_scale(e.eenheden)::text as eenheden, e.bron
     from verdeelsleutel s join module m on m.id = s.module_id
     join verdeelsleutel_eenheid e on e.verdeelsleutel_id = s.id join gemeente g on g.id = e.gemeente_id
     where s.jaar in (${plaatshouders(jaren.length)})`,
    jaren,
  );
}


/**
 * Imports allocation keys (beheerder; the resolver checks the role). A key whose units are all empty is
 * skipped (the template offers every module); a partly filled one is a problem per empty cell. Per key:
 * the rules of verdeelsleutelVastleggen, then GELIJK (untouched), GEWIJZIGD (replaced; the old units go
 * to the audit log) or NIEUW. Every problem comes back at once and nothing is written; a dry run does
 * all of it and rolls back.
 */
export async function verdeelsleutelsImporteren(ctx: Schrijver, bestand: Buffer, bestandsnaam: string | null, proefdraai: boolean): Promise<VerdeelsleutelsImportType> {
  const rasters = await leesRasters(bestand, bestandsnaam, MAX_RIJEN);
  return importTransactie(ctx.em, proefdraai, async (em) => {
    const modules = await em.execute<{ code: string }[]>('select code from module order by code');
    const { herken } = await gemeenteHerkenner(em);
    // A key with a problem in one of its cells is left out; the others still meet the rules, so every problem comes at once.
    const { sleutels, problemen, probleemOp } = leesSleutels(rasters, new Set(modules.map((m) => m.code)), herken);

    const bestaand = await bestaandeSleutels(em, [...new Set(sleutels.map((s) => s.jaar))]);
    const regels: VerdeelsleutelImportRegelType[] = [];
    const overgeslagen: string[] = [];
    for (const sleutel of sleutels) {
      const naam = `${sleutel.module} ${sleutel.jaar}`;
      const leeg = sleutel.regels.filter((r) => r.eenheden === null);
      if (leeg.length === sleutel.regels.length) {
        if (!sleutel.onvolledig) overgeslagen.push(`${naam} (rij ${sleutel.rij}): geen eenheden ingevuld`);
        continue;
      }
      const voor = problemen.length;
      if (sleutel.grondslag === null) problemen.push(probleemOp(sleutel.rij, 'grondslag', `de grondslag van ${naam} ontbreekt; kies een van ${GRONDSLAGEN}`));
      if (sleutel.omschrijving === null) problemen.push(probleemOp(sleutel.rij, 'omschrijving', `de omschrijving van ${naam} ontbreekt`));
      for (const r of leeg) problemen.push(probleemOp(r.rij, 'eenheden', `de eenheden van ${r.gemeente.naam} ontbreken (de andere gemeenten van ${naam} hebben ze wel)`));
      for (const r of sleutel.regels.filter((r) => r.bron === null)) problemen.push(probleemOp(r.rij, 'bron', 'de bron ontbreekt (bijvoorbeeld CBS 1 januari 2026 of het besluit van het AB)'));
      // The key as a whole is checked once all of its rows are readable and complete.
      if (sleutel.onvolledig || problemen.length > voor) continue;

      const invoer: SleutelInvoer = {
        module: sleutel.module,
        jaar: sleutel.jaar,
        grondslag: sleutel.grondslag!,
        omschrijving: sleutel.omschrijving!,
        eenheden: sleutel.regels.map((r) => ({ gemeente: r.gemeente.cbs_code, eenheden: r.eenheden!, bron: r.bron! })),
      };
      const regelProblemen = sleutelProblemen(invoer);
      if (regelProblemen.length) {
        problemen.push(probleemOp(sleutel.rij, 'eenheden', `verdeelsleutel ${naam}: ${regelProblemen.join('; ')}`));
        continue;
      }
      const oud = bestaand.filter((b) => b.module === sleutel.module && b.jaar === sleutel.jaar);
      const eenheden: VerdeelsleutelImportEenheidType[] = [
        ...sleutel.regels.map((r) => {
          const was = oud.find((b) => b.cbs_code === r.gemeente.cbs_code);
          return { rij: r.rij, cbsCode: r.gemeente.cbs_code, gemeente: r.gemeente.naam, oud: was?.eenheden ?? null, nieuw: r.eenheden!.toFixed(), bron: r.bron };
        }),
        ...oud
          .filter((b) => !sleutel.regels.some((r) => r.gemeente.cbs_code === b.cbs_code))
          .map((b) => ({ rij: null, cbsCode: b.cbs_code, gemeente: b.naam, oud: b.eenheden, nieuw: null, bron: null })),
      ].sort((a, b) => a.gemeente.localeCompare(b.gemeente, 'nl'));
      const gelijk =
        oud.length > 0 &&
        oud[0].grondslag === sleutel.grondslag &&
        oud[0].omschrijving === sleutel.omschrijving &&
        oud.length === sleutel.regels.length &&
        sleutel.regels.every((r) => oud.some((b) => b.cbs_code === r.gemeente.cbs_code && r.eenheden!.equals(b.eenheden) && b.bron === r.bron));
      const wijziging = oud.length === 0 ? ImportWijziging.NIEUW : gelijk ? ImportWijziging.GELIJK : ImportWijziging.GEWIJZIGD;
      if (wijziging !== ImportWijziging.GELIJK) {
        try {
          await legVerdeelsleutelVast(em, ctx, invoer);
        } catch (error) {
          if (!isRegelWeigering(error)) throw error;
          problemen.push(probleemOp(sleutel.rij, error.extensions.code === ErrorCode.JAAR_AFGESLOTEN ? 'jaar' : null, error.message));
          continue;
        }
      }
      regels.push({
        rij: sleutel.rij,
        module: sleutel.module,
        jaar: sleutel.jaar,
        grondslag: invoer.grondslag,
        oudeGrondslag: oud[0]?.grondslag ?? null,
        omschrijving: invoer.omschrijving,
        wijziging,
        eenheden,
      });
    }
    if (problemen.length) throw uploadFout(problemen, [BLAD_VERDEELSLEUTELS]);
    regels.sort((a, b) => a.module.localeCompare(b.module) || a.jaar - b.jaar);
    const tel = (w: ImportWijziging) => regels.filter((r) => r.wijziging === w).length;
    return Object.assign(new VerdeelsleutelsImportType(), {
      proefdraai,
      nieuw: tel(ImportWijziging.NIEUW),
      gewijzigd: tel(ImportWijziging.GEWIJZIGD),
      gelijk: tel(ImportWijziging.GELIJK),
      overgeslagen,
      sleutels: regels,
    });
  });
}

const SJABLOON_KOLOMMEN: readonly SjabloonKolom[] = [
  { kop: 'Module', breedte: 10, soort: 'tekst', uitleg: 'De modulecode, bijvoorbeeld WGSW.' },
  { kop: 'Jaar', breedte: 8, soort: 'getal' },
  { kop: 'Grondslag', breedte: 20, soort: 'tekst', keuzes: Object.values(Grondslag), uitleg: 'Waarnaar de netto kosten worden verdeeld; één grondslag per module en jaar.' },
  { kop: 'Omschrijving', breedte: 40, soort: 'tekst' },
  { kop: 'CBS-code', breedte: 11, soort: 'tekst' },
  { kop: 'Gemeente', breedte: 22, soort: 'tekst', naslag: true, uitleg: 'Ter informatie; de hub leest de CBS-code.' },
  { kop: 'Eenheden', breedte: 14, soort: 'getal', uitleg: 'Aantal eenheden (inwoners, leerlingen, arbeidsjaren, …) of het percentage bij VASTE_PERCENTAGES (samen 100).' },
  { kop: 'Bron', breedte: 40, soort: 'tekst', uitleg: 'Waar het aantal vandaan komt, bijvoorbeeld CBS 1 januari 2026.' },
  { kop: 'Vorig jaar', breedte: 14, soort: 'getal', naslag: true, uitleg: 'De eenheden van het jaar ervoor, ter informatie; de hub leest deze kolom niet.' },
];

interface SjabloonRij {
  module: string;
  jaar: number;
  grondslag: Grondslag | null;
  omschrijving: string | null;
  cbs_code: string;
  naam: string;
  eenheden: string | null;
  bron: string | null;
  vorig: string | null;
}

/**
 * The template for a year (xlsx): per module and participating gemeente one row, with the key the hub
 * has for that year, or else the basis and description of the year before and the units to fill in;
 * last year's units alongside for reference.
 */
export async function verdeelsleutelsSjabloon(ctx: Schrijver, jaar: number): Promise<Buffer> {
  const rijen = await ctx.em.execute<SjabloonRij[]>(
    `with deelnemer as (
       select distinct d.module_id, d.gemeente_id from deelname d
       where d.vanaf < make_date(?::int + 1, 1, 1) and (d.tot is null or d.tot > make_date(?::int, 1, 1))
       union select s.module_id, e.gemeente_id from verdeelsleutel s join verdeelsleutel_eenheid e on e.verdeelsleutel_id = s.id where s.jaar = ?)
     select m.code as module, ?::int as jaar, coalesce(nu.grondslag, vorig.grondslag) as grondslag, coalesce(nu.omschrijving, vorig.omschrijving) as omschrijving,
            g.cbs_code, g.naam, trim_scale(en.eenheden)::text as eenheden, en.bron, trim_scale(ev.eenheden)::text as vorig
     from deelnemer d join module m on m.id = d.module_id join gemeente g on g.id = d.gemeente_id
     left join verdeelsleutel nu on nu.module_id = m.id and nu.jaar = ?
     left join verdeelsleutel vorig on vorig.module_id = m.id and vorig.jaar = ? - 1
     left join verdeelsleutel_eenheid en on en.verdeelsleutel_id = nu.id and en.gemeente_id = g.id
     left join verdeelsleutel_eenheid ev on ev.verdeelsleutel_id = vorig.id and ev.gemeente_id = g.id
     order by m.code, g.naam`,
    [jaar, jaar, jaar, jaar, jaar, jaar],
  );
  const werkmap = sjabloonWerkmap(ctx.now());
  sjabloonBlad(
    werkmap,
    BLAD_VERDEELSLEUTELS,
    SJABLOON_KOLOMMEN,
    rijen.map((r) => [r.module, r.jaar, r.grondslag, r.omschrijving, r.cbs_code, r.naam, r.eenheden, r.bron, r.vorig]),
  );
  uitlegBlad(werkmap, 'Regiohub — verdeelsleutels', [['jaar', jaar], ['moment', ctx.now().toISOString()]], [
    `Op het blad ${BLAD_VERDEELSLEUTELS} vormen de rijen van één module en jaar samen de verdeelsleutel: per deelnemende gemeente de eenheden en hun bron.`,
    'Staat er voor dit jaar al een sleutel in de hub, dan ziet u die; anders de grondslag en omschrijving van vorig jaar en lege eenheden om in te vullen.',
    'Een module waarvan u geen eenheden invult, wordt overgeslagen. Een sleutel die gelijk is aan die in de hub, blijft ongemoeid; een andere vervangt hem (de oude staat in het auditlog).',
    'Bij VASTE_PERCENTAGES tellen de eenheden op tot 100. De kolommen Gemeente en Vorig jaar zijn ter informatie.',
    'Uploaden (POST /import/verdeelsleutels.xlsx of de pagina /import/) controleert alles en legt alles vast of niets; met ?proefdraai=ja ziet u eerst wat er zou veranderen.',
  ]);
  return Buffer.from(await werkmap.xlsx.writeBuffer());
}
