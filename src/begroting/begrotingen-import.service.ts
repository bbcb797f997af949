import type { EntityManager } from '@mikro-orm/postgresql';
import type { GraphQLError } from 'graphql';
import { vandaag, type Schrijver } from '../context.js';
import { Decimal } from '../core/decimal.js';
import { ErrorCode } from '../core/errors.js';
import {
  alsTekst,
  type BladProbleem,
  ImportWijziging,
  importTransactie,
  isRegelWeigering,
  type KolomHerkenning,
  leesBedrag,
  leesDatum,
  leesJaar,
  leesRasters,
  leesTabel,
  leesTekst,
  type Cel,
  type CelWaarde,
  type Raster,
  neemCel,
  uploadFout,
} from '../core/spreadsheet-in.js';
import { type SjabloonKolom, sjabloonBlad, uitlegBlad, sjabloonWerkmap } from '../core/spreadsheet-sjabloon.js';
import { BegrotingSoort } from './begroting.entity.js';
import { legBegrotingVast, type BegrotingVersie, type Raming } from './begroting.service.js';
import { BegrotingenImportType, type BegrotingImportRegelType } from './begrotingen-import.types.js';
import { plaatshouders } from '../core/sql.js';

// Budget versions from a spreadsheet (the MGR-bureau receives them from the modules' controllers): one
// row per version, recorded through legBegrotingVast, the same call as the mutation begrotingVastleggen,
// so every rule (open year, adoption date, no overwriting) is the mutation's. A version the hub already
// has, exactly so, is GELIJK: uploading the same file twice changes nothing.

/** More rows than all modules' versions of many years; a bound on the work one upload can cause. */
const MAX_RIJEN = 5_000;
export const BLAD_BEGROTINGEN = 'Begrotingsversies';

const kop = (...namen: string[]) => (tekst: string) => namen.includes(tekst);
const KOLOMMEN = {
  module: { naam: 'Module', past: kop('module', 'modulecode') },
  jaar: { naam: 'Jaar', past: kop('jaar', 'begrotingsjaar') },
  soort: { naam: 'Soort', past: kop('soort', 'soort versie') },
  volgnummer: { naam: 'Volgnummer', past: kop('volgnummer', 'wijziging nr', 'nummer'), optioneel: true },
  lasten: { naam: 'Lasten', past: kop('lasten') },
  baten: { naam: 'Baten', past: kop('baten') },
  vastgesteldOp: { naam: 'Vastgesteld op', past: kop('vastgesteld op', 'vaststellingsdatum', 'datum vaststelling') },
  omschrijving: { naam: 'Omschrijving', past: kop('omschrijving') },
  // The meerjarenraming, optional: all six or none.
  lasten1: { naam: 'Lasten t+1', past: kop('lasten t+1'), optioneel: true },
  baten1: { naam: 'Baten t+1', past: kop('baten t+1'), optioneel: true },
  lasten2: { naam: 'Lasten t+2', past: kop('lasten t+2'), optioneel: true },
  baten2: { naam: 'Baten t+2', past: kop('baten t+2'), optioneel: true },
  lasten3: { naam: 'Lasten t+3', past: kop('lasten t+3'), optioneel: true },
  baten3: { naam: 'Baten t+3', past: kop('baten t+3'), optioneel: true },
} satisfies Record<string, KolomHerkenning>;
const RAMING_KOLOMMEN = [
  ['lasten1', 'baten1'],
  ['lasten2', 'baten2'],
  ['lasten3', 'baten3'],
] as const;
type Kolom = keyof typeof KOLOMMEN;

/** The kinds a sheet may name, as people write them; the jaarrekening has its own mutation. */
const SOORTEN: Record<string, BegrotingSoort> = {
  primitief: BegrotingSoort.PRIMITIEF,
  'primitieve begroting': BegrotingSoort.PRIMITIEF,
  begroting: BegrotingSoort.PRIMITIEF,
  wijziging: BegrotingSoort.WIJZIGING,
  begrotingswijziging: BegrotingSoort.WIJZIGING,
};
const SOORT_RANG: Record<BegrotingSoort, number> = { PRIMITIEF: 0, WIJZIGING: 1 };

interface Versie extends BegrotingVersie {
  rij: number;
}

interface BestaandeVersie {
  module: string;
  jaar: number;
  soort: BegrotingSoort;
  volgnummer: number;
  lasten: string;
  baten: string;
  vastgesteld_op: string;
  omschrijving: string;
  /** The meerjarenraming as RAMING_TEKST writes it, or null. */
  raming: string | null;
}

/** A meerjarenraming as one comparable text, the same for a row of the file and a version of the hub. */
const RAMING_SQL = `(select string_agg(r.jaar || ':' || r.lasten || '/' || r.baten, ';' order by r.jaar) from begroting_raming r where r.begroting_id = b.id)`;
const ramingTekst = (raming: Raming[] | null | undefined) =>
  raming?.length ? [...raming].sort((a, b) => a.jaar - b.jaar).map((r) => `${r.jaar}:${r.lasten.toFixed(2)}/${r.baten.toFixed(2)}`).join(';') : null;

interface Gelezen {
  versies: Versie[];
  problemen: BladProbleem[];
  probleemOp: (rij: number, k: Kolom | null, melding: string) => BladProbleem;
}

function leesVersies(rasters: Raster[], moduleCodes: Set<string>): Gelezen {
  const tabel = leesTabel(rasters, KOLOMMEN);
  if ('probleem' in tabel) return { versies: [], problemen: [tabel.probleem], probleemOp: (_r, _k, melding) => ({ ...tabel.probleem, melding }) };
  const problemen: BladProbleem[] = [];
  const versies: Versie[] = [];
  const gezien = new Map<string, number>();
  for (const { rij, cel } of tabel.rijen) {
    const voor = problemen.length;
    const fout = (k: Kolom, melding: string) => problemen.push(tabel.probleemOp(rij, k, melding));
    /** A required cell's value, or null after reporting why it is missing or wrong. */
    const neem = <T>(k: Kolom, gelezen: CelWaarde<T>, ontbreekt: string) => neemCel(gelezen, ontbreekt, (melding) => fout(k, melding));

    const module = alsTekst(cel('module'))?.trim().toUpperCase() ?? null;
    if (module === null) fout('module', 'de modulecode ontbreekt (bijvoorbeeld WGSW)');
    else if (!moduleCodes.has(module)) fout('module', `module ${module} is niet bekend in de hub; gebruik de modulecode (${[...moduleCodes].slice(0, 6).join(', ')}, …)`);

    const jaar = neem('jaar', leesJaar(cel('jaar')), 'het jaar ontbreekt');

    const soortTekst = alsTekst(cel('soort'))?.trim().toLowerCase() ?? null;
    const soort = soortTekst === null ? null : (SOORTEN[soortTekst] ?? null);
    if (soortTekst === null) fout('soort', 'de soort ontbreekt: PRIMITIEF of WIJZIGING');
    else if (/jaarrekening|realisatie/.test(soortTekst)) {
      fout('soort', 'een jaarrekening is geen begrotingsversie; leg die vast met jaarrekeningVastleggen: die berekent ook de gerealiseerde bijdragen en sluit het jaar af');
    } else if (soort === null) fout('soort', `soort "${alsTekst(cel('soort'))}" bestaat niet; kies PRIMITIEF of WIJZIGING`);

    const volgnummer = leesVolgnummer(cel('volgnummer'));
    if (typeof volgnummer === 'string') fout('volgnummer', volgnummer);
    else if (volgnummer !== null && soort === BegrotingSoort.PRIMITIEF) fout('volgnummer', 'alleen een begrotingswijziging heeft een volgnummer; laat de cel leeg');

    const lasten = neem('lasten', leesBedrag(cel('lasten')), 'de lasten ontbreken (0 als er geen zijn)');
    const baten = neem('baten', leesBedrag(cel('baten')), 'de baten ontbreken (0 als er geen zijn)');
    const datum = neem('vastgesteldOp', leesDatum(cel('vastgesteldOp')), 'de datum van vaststelling door het algemeen bestuur ontbreekt');
    const omschrijving = neem('omschrijving', leesTekst(cel('omschrijving'), 'Omschrijving', 300), 'de omschrijving ontbreekt');

    // A meerjarenraming: t+1 … t+3, all six amounts or none.
    const ramingCellen = RAMING_KOLOMMEN.flatMap(([l, b]) => [l, b] as Kolom[]);
    const ingevuld = ramingCellen.filter((k) => cel(k) !== null);
    let meerjarenraming: Raming[] | null = null;
    if (ingevuld.length > 0) {
      const bedragen = ramingCellen.map((k) => neem(k, leesBedrag(cel(k)), 'de meerjarenraming vraagt lasten en baten voor elk van de jaren t+1, t+2 en t+3 (of laat alle zes leeg)'));
      if (bedragen.every((b) => b !== null) && typeof jaar === 'number') {
        meerjarenraming = RAMING_KOLOMMEN.map((_, i) => ({ jaar: jaar + i + 1, lasten: bedragen[2 * i]!, baten: bedragen[2 * i + 1]! }));
      }
    }

    if (problemen.length > voor) continue;
    const versie: Versie = {
      rij,
      module: module!,
      jaar: jaar as number,
      soort: soort!,
      volgnummer: volgnummer as number | null,
      lasten: lasten as Decimal,
      baten: baten as Decimal,
      vastgesteldOp: datum as string,
      omschrijving: omschrijving as string,
      meerjarenraming,
    };
    if (versie.soort === BegrotingSoort.PRIMITIEF || versie.volgnummer !== null) {
      const sleutel = `${versie.module}|${versie.jaar}|${versie.soort}|${versie.volgnummer ?? 0}`;
      const eerder = gezien.get(sleutel);
      if (eerder !== undefined) {
        fout('soort', `dubbele versie: ${omschrijvingVan(versie)} staat ook in rij ${eerder}`);
        continue;
      }
      gezien.set(sleutel, rij);
    }
    versies.push(versie);
  }
  if (versies.length === 0 && problemen.length === 0) problemen.push(tabel.probleemOp(tabel.koprij + 1, null, 'onder de kopregel staan geen begrotingsversies'));
  return { versies, problemen, probleemOp: tabel.probleemOp };
}

function leesVolgnummer(cel: Cel): number | null | string {
  const tekst = alsTekst(cel)?.trim() ?? null;
  if (tekst === null) return null;
  if (!/^\d{1,4}$/.test(tekst) || Number(tekst) < 1) return `volgnummer "${tekst}" is geen geheel getal van 1 of hoger; leeg = het volgende nummer`;
  return Number(tekst);
}

const omschrijvingVan = (v: Pick<BegrotingVersie, 'module' | 'jaar' | 'soort' | 'volgnummer'>) =>
  v.soort === BegrotingSoort.PRIMITIEF ? `de primitieve begroting ${v.jaar} van ${v.module}` : `begrotingswijziging ${v.volgnummer ?? ''} ${v.jaar} van ${v.module}`.replace('  ', ' ');

const euro = (bedrag: string) => `€ ${new Decimal(bedrag).toFixed(2)}`;

/** What differs between a row and the version the hub has under the same key; empty when identical. */
function verschillen(v: Versie, b: BestaandeVersie): string[] {
  const anders: string[] = [];
  if (!v.lasten.equals(b.lasten)) anders.push(`lasten ${euro(b.lasten)} in de hub`);
  if (!v.baten.equals(b.baten)) anders.push(`baten ${euro(b.baten)} in de hub`);
  if (v.vastgesteldOp !== b.vastgesteld_op) anders.push(`vastgesteld op ${b.vastgesteld_op} in de hub`);
  if (v.omschrijving !== b.omschrijving) anders.push(`omschrijving "${b.omschrijving}" in de hub`);
  if (ramingTekst(v.meerjarenraming) !== b.raming) anders.push(b.raming ? 'een andere meerjarenraming in de hub' : 'geen meerjarenraming in de hub');
  return anders;
}

/** Which column a refusal of legBegrotingVast concerns. */
function kolomVanFout(error: GraphQLError): Kolom | null {
  if (error.extensions.veld === 'vastgesteldOp') return 'vastgesteldOp';
  if (error.extensions.code === ErrorCode.JAAR_AFGESLOTEN) return 'jaar';
  if (error.extensions.code === ErrorCode.CONFLICT) return 'soort';
  return null;
}

/**
 * Imports budget versions (beheerder; the resolver checks the role). Per row: a version the hub has
 * exactly so is GELIJK; one it has under the same key with other figures is refused (versions are
 * never overwritten; record a new amendment); a new one is recorded by legBegrotingVast, in order of
 * module, year, kind and number, so an amendment follows the budget it amends. Every problem comes back
 * at once and nothing is written; a dry run does all of it and rolls back.
 */
export async function begrotingenImporteren(ctx: Schrijver, bestand: Buffer, bestandsnaam: string | null, proefdraai: boolean): Promise<BegrotingenImportType> {
  const rasters = await leesRasters(bestand, bestandsnaam, MAX_RIJEN);
  return importTransactie(ctx.em, proefdraai, async (em) => {
    const modules = await em.execute<{ code: string }[]>('select code from module order by code');
    // Rows with a problem in a cell are left out; the others still meet the rules, so every problem comes at once.
    const { versies, problemen, probleemOp } = leesVersies(rasters, new Set(modules.map((m) => m.code)));

    const bestaand = await bestaandeVersies(em, [...new Set(versies.map((v) => v.jaar))]);
    versies.sort(
      (a, b) =>
        a.module.localeCompare(b.module) ||
        a.jaar - b.jaar ||
        SOORT_RANG[a.soort] - SOORT_RANG[b.soort] ||
        (a.volgnummer ?? Infinity) - (b.volgnummer ?? Infinity) ||
        a.vastgesteldOp.localeCompare(b.vastgesteldOp) ||
        a.rij - b.rij,
    );
    const regels: BegrotingImportRegelType[] = [];
    const datum = vandaag(ctx);
    for (const v of versies) {
      const fout = (k: Kolom | null, melding: string) => problemen.push(probleemOp(v.rij, k, melding));
      const zelfde = bestaand.filter((b) => b.module === v.module && b.jaar === v.jaar && b.soort === v.soort);
      // A numbered version is found by its number; an amendment without one by its content (the same file again).
      const gevonden = v.soort === BegrotingSoort.PRIMITIEF || v.volgnummer !== null ? zelfde.find((b) => b.volgnummer === (v.volgnummer ?? 0)) : zelfde.find((b) => verschillen(v, b).length === 0);
      const regel = { rij: v.rij, module: v.module, jaar: v.jaar, soort: v.soort, lasten: v.lasten.toFixed(2), baten: v.baten.toFixed(2), vastgesteldOp: v.vastgesteldOp, omschrijving: v.omschrijving };
      if (gevonden) {
        const anders = verschillen(v, gevonden);
        if (anders.length) fout('lasten', `${omschrijvingVan({ ...v, volgnummer: gevonden.volgnummer })} bestaat al met andere gegevens (${anders.join('; ')}); versies worden niet overschreven: leg een nieuwe begrotingswijziging vast`);
        else regels.push({ ...regel, volgnummer: gevonden.volgnummer, wijziging: ImportWijziging.GELIJK });
        continue;
      }
      try {
        const begroting = await legBegrotingVast(em, ctx, v, datum);
        regels.push({ ...regel, volgnummer: begroting.volgnummer, wijziging: ImportWijziging.NIEUW });
      } catch (error) {
        if (!isRegelWeigering(error)) throw error;
        fout(kolomVanFout(error), error.message);
      }
    }
    if (problemen.length) throw uploadFout(problemen, [BLAD_BEGROTINGEN]);
    regels.sort((a, b) => a.module.localeCompare(b.module) || a.jaar - b.jaar || SOORT_RANG[a.soort] - SOORT_RANG[b.soort] || a.volgnummer - b.volgnummer);
    return Object.assign(new BegrotingenImportType(), {
      proefdraai,
      nieuw: regels.filter((r) => r.wijziging === ImportWijziging.NIEUW).length,
      gelijk: regels.filter((r) => r.wijziging === ImportWijziging.GELIJK).length,
      versies: regels,
    });
  });
}

function bestaandeVersies(em: EntityManager, jaren: number[]): Promise<BestaandeVersie[]> {
  if (jaren.length === 0) return Promise.resolve([]);
  return em.execute<BestaandeVersie[]>(
    `select m.code as module, b.jaar, b.soort, b.volgnummer, b.lasten::text as lasten, b.baten::text as baten,
            b.vastgesteld_op::text as vastgesteld_op, b.omschrijving, ${RAMING_SQL} as raming
     from begroting b join module m on m.id = b.module_id
     where b.jaar in (${plaatshouders(jaren.length)})`,
    jaren,
  );
}

const SJABLOON_KOLOMMEN: readonly SjabloonKolom[] = [
  { kop: 'Module', breedte: 10, soort: 'tekst', uitleg: 'De modulecode, bijvoorbeeld WGSW.' },
  { kop: 'Modulenaam', breedte: 32, soort: 'tekst', naslag: true, uitleg: 'Ter informatie; de hub leest deze kolom niet.' },
  { kop: 'Jaar', breedte: 8, soort: 'getal' },
  { kop: 'Soort', breedte: 13, soort: 'tekst', keuzes: [BegrotingSoort.PRIMITIEF, BegrotingSoort.WIJZIGING], uitleg: 'PRIMITIEF of WIJZIGING. De jaarrekening gaat via jaarrekeningVastleggen.' },
  { kop: 'Volgnummer', breedte: 12, soort: 'getal', uitleg: 'Alleen bij een wijziging; leeg = het volgende nummer.' },
  { kop: 'Lasten', breedte: 18, soort: 'bedrag' },
  { kop: 'Baten', breedte: 18, soort: 'bedrag' },
  { kop: 'Vastgesteld op', breedte: 15, soort: 'datum', uitleg: 'Datum van vaststelling door het algemeen bestuur.' },
  { kop: 'Omschrijving', breedte: 50, soort: 'tekst' },
  ...[1, 2, 3].flatMap((i): SjabloonKolom[] => [
    { kop: `Lasten t+${i}`, breedte: 18, soort: 'bedrag', uitleg: `Meerjarenraming: de lasten van het ${i}e jaar na het begrotingsjaar (alle zes leeg = geen raming).` },
    { kop: `Baten t+${i}`, breedte: 18, soort: 'bedrag', uitleg: `Meerjarenraming: de baten van het ${i}e jaar na het begrotingsjaar.` },
  ]),
];

/**
 * The template for a year (xlsx): the versions the hub has for that year (uploading them again changes
 * nothing), with room and drop-down lists for new ones, and a sheet that explains the file.
 */
export async function begrotingenSjabloon(ctx: Schrijver, jaar: number): Promise<Buffer> {
  const rijen = await ctx.em.execute<Array<BestaandeVersie & { modulenaam: string }>>(
    `select m.code as module, m.naam as modulenaam, b.jaar, b.soort, b.volgnummer, b.lasten::text as lasten, b.baten::text as baten,
            b.vastgesteld_op::text as vastgesteld_op, b.omschrijving, ${RAMING_SQL} as raming
     from begroting b join module m on m.id = b.module_id
     where b.jaar = ?
     order by m.code, b.vastgesteld_op, b.volgnummer`, // BEGROTING_VOLGORDE within a year
    [jaar],
  );
  const werkmap = sjabloonWerkmap(ctx.now());
  sjabloonBlad(
    werkmap,
    BLAD_BEGROTINGEN,
    SJABLOON_KOLOMMEN,
    rijen.map((r) => {
      // "2027:100.00/5.00;2028:…" back into t+1 … t+3 lasten and baten.
      const raming = (r.raming?.split(';') ?? []).flatMap((deel) => deel.split(':')[1].split('/'));
      return [r.module, r.modulenaam, r.jaar, r.soort, r.soort === BegrotingSoort.WIJZIGING ? r.volgnummer : null, r.lasten, r.baten, r.vastgesteld_op, r.omschrijving, ...raming];
    }),
  );
  uitlegBlad(werkmap, 'Regiohub — begrotingsversies', [['jaar', jaar], ['moment', ctx.now().toISOString()], ['versies in de hub', rijen.length]], [
    `Elke rij op het blad ${BLAD_BEGROTINGEN} is een begrotingsversie: de primitieve begroting of een begrotingswijziging, zoals het algemeen bestuur die heeft vastgesteld.`,
    'De rijen die er al staan zijn de versies die de hub heeft; ze opnieuw uploaden verandert niets. Voeg nieuwe versies toe als nieuwe rijen.',
    'Versies worden nooit overschreven: een versie met hetzelfde volgnummer en andere bedragen wordt geweigerd. Leg een correctie vast als nieuwe wijziging.',
    'Uploaden (POST /import/begrotingen.xlsx of de pagina /import/) controleert alles en legt alles vast of niets; met ?proefdraai=ja ziet u eerst wat er zou veranderen.',
    'Bedragen in euro met hoogstens twee decimalen; datums als datum of als 2026-07-03 of 3-7-2026.',
    'De meerjarenraming (Lasten en Baten t+1 … t+3) is optioneel: vul alle zes in of laat ze alle zes leeg.',
  ]);
  return Buffer.from(await werkmap.xlsx.writeBuffer());
}
