import type { EntityManager } from '@mikro-orm/postgresql';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { GraphQLError } from 'graphql';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Decimal } from './decimal.js';
import { ErrorCode, hubError } from './errors.js';
import { isJaar, jaarMelding } from './jaar.js';
import { DECIMAAL_PATTERN } from './scalars.js';
import { formulaProblem, type TextKind } from './spreadsheet-text.js';

// Reading spreadsheets that people upload (the quarterly report's template, CBS StatLine files): the
// generic part every upload shares. What a sheet means is the domain service's business; this file
// knows workbooks, cells, numbers as Dutch people type them, and how problems are located and reported.

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** One problem of an uploaded file, located as Excel shows it; `blad`, `rij` and `kolom` are null for the file as a whole. */
export interface BladProbleem {
  blad: string | null;
  rij: number | null;
  /** Column letter (A, B, …). */
  kolom: string | null;
  /** The column's heading, or the line's label on a sheet of labelled lines. */
  kolomnaam: string | null;
  melding: string;
}

export const bestandProbleem = (melding: string): BladProbleem => ({ blad: null, rij: null, kolom: null, kolomnaam: null, melding });

/** Excel's letter for a column number (1 = A, 27 = AA). */
export function kolomLetter(nummer: number): string {
  let letters = '';
  for (let n = nummer; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/**
 * The error for a file with problems: BAD_USER_INPUT, all problems in `extensions.problemen` (the file
 * as a whole first, then by sheet in `bladVolgorde`, row and column) and the first five in the message.
 */
export function uploadFout(problemen: BladProbleem[], bladVolgorde: readonly string[] = []): Error {
  const bladRang = (blad: string | null) => (blad === null ? -1 : bladVolgorde.includes(blad) ? bladVolgorde.indexOf(blad) : bladVolgorde.length);
  const gesorteerd = [...problemen].sort((a, b) => bladRang(a.blad) - bladRang(b.blad) || (a.rij ?? 0) - (b.rij ?? 0) || (a.kolom ?? '').localeCompare(b.kolom ?? ''));
  const plaats = (p: BladProbleem) => (p.blad === null ? '' : `${p.blad}${p.rij ? ` rij ${p.rij}` : ''}${p.kolom ? `, kolom ${p.kolom}${p.kolomnaam ? ` (${p.kolomnaam})` : ''}` : ''}: `);
  const getoond = gesorteerd.slice(0, 5).map((p) => `${plaats(p)}${p.melding}`);
  if (gesorteerd.length > 5) getoond.push(`en nog ${gesorteerd.length - 5}`);
  const aantal = gesorteerd.length === 1 ? '1 probleem' : `${gesorteerd.length} problemen`;
  return hubError(ErrorCode.BAD_USER_INPUT, `Het bestand is niet opgeslagen; er is niets gewijzigd. ${aantal}: ${getoond.join('; ')}.`, { problemen: gesorteerd });
}

/** Uploaded bytes from a GraphQL argument; refuses text that is not base64 (a path or the raw file by mistake). */
export function bytesUitBase64(bestand: string): Buffer {
  if (!/^[A-Za-z0-9+/\s]*={0,2}\s*$/.test(bestand)) throw hubError(ErrorCode.BAD_USER_INPUT, 'Het bestand is geen geldige base64-tekst.');
  return Buffer.from(bestand, 'base64');
}

/** Whether bytes are a zip archive, as every xlsx workbook is. */
export const isZip = (bytes: Buffer) => bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50;

/**
 * What an uploaded workbook may hold once unpacked. A workbook is a zip archive: a few megabytes can
 * unpack to gigabytes (a "zip bomb"), and the reader would hold all of it in memory. A filled-in
 * template of ten thousand rows unpacks to a few megabytes.
 */
export const MAX_UITGEPAKT_MB = 100;

/** Unpacks the archive entry by entry, counting bytes, and stops at the limit (the count, not the archive's own claims, decides). */
async function vereisBeperktUitgepakt(bestand: Buffer, maxBytes: number): Promise<void> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bestand);
  } catch {
    throw uploadFout([bestandProbleem('het bestand is geen Excel-werkmap (.xlsx); sla het in Excel op als "Excel-werkmap" en probeer het opnieuw')]);
  }
  let totaal = 0;
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    await new Promise<void>((resolve, reject) => {
      const stroom = entry.nodeStream('nodebuffer');
      stroom.on('data', (stuk: Buffer) => {
        totaal += stuk.length;
        if (totaal > maxBytes) {
          (stroom as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
          reject(uploadFout([bestandProbleem(`de werkmap is uitgepakt groter dan ${Math.round(maxBytes / 1024 / 1024)} MB; dat is geen ingevuld sjabloon of StatLine-export`)]));
        }
      });
      stroom.on('end', () => resolve());
      stroom.on('error', reject);
    });
  }
}

export async function leesWerkmap(bestand: Buffer, maxUitgepakt = MAX_UITGEPAKT_MB * 1024 * 1024): Promise<ExcelJS.Workbook> {
  await vereisBeperktUitgepakt(bestand, maxUitgepakt);
  const werkmap = new ExcelJS.Workbook();
  try {
    await werkmap.xlsx.load(bestand as unknown as ExcelJS.Buffer);
  } catch {
    throw uploadFout([bestandProbleem('het bestand is geen Excel-werkmap (.xlsx); sla het in Excel op als "Excel-werkmap" en probeer het opnieuw')]);
  }
  return werkmap;
}

export type Cel = string | number | boolean | Date | null | { fout: string };

/** A cell read as a value of the hub: the value (null for an empty cell), or why it is not one, in Dutch. */
export type CelWaarde<T> = { waarde: T | null } | { probleem: string };

/**
 * A cell's value for an import row: with `ontbreekt`, an empty cell is a problem too. A problem goes to
 * `meld` (which locates it) and the value is then null.
 */
export function neemCel<T>(gelezen: CelWaarde<T>, ontbreekt: string | null, meld: (melding: string) => void): T | null {
  const waarde = ontbreekt === null ? gelezen : verplicht(gelezen, ontbreekt);
  if ('probleem' in waarde) meld(waarde.probleem);
  return 'waarde' in waarde ? waarde.waarde : null;
}

/** A cell that must be filled in: an empty one is a problem too. */
export function verplicht<T>(gelezen: CelWaarde<T>, ontbreekt: string): { waarde: T } | { probleem: string } {
  if ('probleem' in gelezen) return gelezen;
  return gelezen.waarde === null ? { probleem: ontbreekt } : { waarde: gelezen.waarde };
}

/** What a cell holds as a person sees it: a formula by its result, rich text as plain text. */
export function celInhoud(waarde: ExcelJS.CellValue): Cel {
  if (waarde === null || waarde === undefined) return null;
  if (typeof waarde === 'string') return waarde.trim() === '' ? null : waarde.trim();
  if (typeof waarde === 'number' || typeof waarde === 'boolean' || waarde instanceof Date) return waarde;
  if ('error' in waarde) return { fout: String(waarde.error) };
  if ('richText' in waarde) return celInhoud(waarde.richText.map((deel) => deel.text).join(''));
  if ('hyperlink' in waarde) return celInhoud(waarde.text);
  if ('result' in waarde) return celInhoud((waarde.result ?? null) as ExcelJS.CellValue);
  return null;
}

export const alsTekst = (cel: Cel): string | null =>
  cel === null ? null : typeof cel === 'object' && !(cel instanceof Date) ? cel.fout : cel instanceof Date ? cel.toISOString().slice(0, 10) : String(cel);

const SPATIES = /[\s\u00a0\u202f]/g;

/**
 * A value as the sheet has it: a number typed as a number, or text with a decimal comma or point
 * ("12,5", "12.5"); no thousands separators. Excel keeps 15 significant digits, so a number read at
 * that precision is exactly what Excel showed; it becomes a Decimal without arithmetic on the double.
 */
export function leesGetal(cel: Cel, procentnotatie: boolean): CelWaarde<Decimal> {
  if (cel === null) return { waarde: null };
  let tekst: string | null = null;
  // "7,4%" typed in Excel is stored as 0.074 in a percentage format; the report means 7.4.
  if (typeof cel === 'number' && Number.isFinite(cel)) tekst = new Decimal(cel.toPrecision(15)).times(procentnotatie ? 100 : 1).toFixed();
  else if (typeof cel === 'string') {
    const zonderSpaties = cel.replace(SPATIES, '');
    tekst = /^[-+]?\d+,\d+$/.test(zonderSpaties) ? zonderSpaties.replace(',', '.') : zonderSpaties;
    tekst = tekst.replace(/^\+/, '');
  }
  if (tekst !== null && DECIMAAL_PATTERN.test(tekst)) return { waarde: new Decimal(tekst) };
  return { probleem: `geen getal: "${alsTekst(cel)}"; schrijf bijvoorbeeld 12,5 of 12.5` };
}

/**
 * A count: a whole number above zero, typed as a number or as text with or without Dutch thousands
 * dots ("166.000", "166000", "166 000"). A text with one dot and other than three digits after it is
 * a decimal, not a count, and refused.
 */
export function leesAantal(cel: Cel, max = 2_147_483_647): { aantal: number } | { probleem: string } {
  const fout = { probleem: `geen geheel positief getal: "${alsTekst(cel) ?? ''}"; schrijf bijvoorbeeld 166000 of 166.000` };
  let tekst: string | null = null;
  if (typeof cel === 'number') tekst = Number.isSafeInteger(cel) ? String(cel) : null;
  else if (typeof cel === 'string') {
    const zonderSpaties = cel.replace(SPATIES, '');
    tekst = /^\d{1,3}(\.\d{3})+$/.test(zonderSpaties) ? zonderSpaties.replaceAll('.', '') : zonderSpaties;
  }
  if (tekst === null || !/^\d{1,10}$/.test(tekst)) return cel === null ? { probleem: 'het aantal ontbreekt' } : fout;
  const aantal = Number(tekst);
  if (aantal <= 0) return fout;
  if (aantal > max) return { probleem: `${tekst} is te groot (hoogstens ${max})` };
  return { aantal };
}

/** A sheet as rows of cells, with Excel's row numbers; CSV files are read into the same shape. */
export interface Raster {
  blad: string;
  rijen: Array<{ rij: number; cellen: Cel[] }>;
}

/** A worksheet as a raster (cells by column, index 0 = column A). */
export function rasterVanBlad(blad: ExcelJS.Worksheet, maxRijen: number): Raster {
  const rijen: Raster['rijen'] = [];
  blad.eachRow({ includeEmpty: false }, (rij, nummer) => {
    if (nummer > maxRijen) return;
    const cellen: Cel[] = [];
    rij.eachCell({ includeEmpty: false }, (cel, kolom) => {
      cellen[kolom - 1] = celInhoud(cel.value);
    });
    rijen.push({ rij: nummer, cellen: Array.from(cellen, (c) => c ?? null) });
  });
  return { blad: blad.name, rijen };
}

/** Header text compared loosely: case, spacing and the kind of apostrophe ("Regio's", "Regio’s") do not matter. */
export const kopNormaal = (tekst: string) => tekst.toLowerCase().replace(/[’‘`´]/g, "'").replace(/\s+/g, ' ').trim();

/** How a column is recognised by its heading; an optional column may be absent (its index is then -1). */
export interface KolomHerkenning {
  naam: string;
  past: (kop: string) => boolean;
  optioneel?: boolean;
}

/**
 * The header row of a raster: the first row (among the first `zoekRijen`) that holds every required
 * column, by a test per column on the header's text. With no such row, the problem names the row that
 * came closest and the columns it lacks (or the file as a whole when no row has any).
 */
export function vindKoprij<K extends string>(
  raster: Raster,
  kolommen: Record<K, KolomHerkenning>,
  zoekRijen = 30,
): { rij: number; kolom: Record<K, number> } | { probleem: BladProbleem } {
  const alle = Object.keys(kolommen) as K[];
  const sleutels = alle.filter((s) => !kolommen[s].optioneel);
  let beste: { rij: number; gevonden: K[] } | null = null;
  for (const { rij, cellen } of raster.rijen.slice(0, zoekRijen)) {
    const koppen = cellen.map((c) => (typeof c === 'string' ? kopNormaal(c) : null));
    const kolom = {} as Record<K, number>;
    for (const sleutel of alle) {
      const index = koppen.findIndex((kop) => kop !== null && kolommen[sleutel].past(kop));
      if (index >= 0) kolom[sleutel] = index;
    }
    const gevonden = sleutels.filter((s) => s in kolom);
    if (gevonden.length === sleutels.length) {
      for (const sleutel of alle) kolom[sleutel] ??= -1;
      return { rij, kolom };
    }
    if (gevonden.length && (!beste || gevonden.length > beste.gevonden.length)) beste = { rij, gevonden };
  }
  const ontbreekt = (gevonden: K[]) => sleutels.filter((s) => !gevonden.includes(s)).map((s) => `"${kolommen[s].naam}"`);
  if (!beste) return { probleem: { ...bestandProbleem(`geen kopregel gevonden met de kolommen ${ontbreekt([]).join(', ')}`), blad: raster.blad } };
  return {
    probleem: { blad: raster.blad, rij: beste.rij, kolom: null, kolomnaam: null, melding: `de kopregel mist de kolom${ontbreekt(beste.gevonden).length > 1 ? 'men' : ''} ${ontbreekt(beste.gevonden).join(', ')}` },
  };
}

/**
 * The file as rasters: the sheets of a workbook, or the one table of a CSV file (";" as separator, as
 * Dutch Excel and CBS StatLine write it). The name tells a broken workbook from a CSV file.
 */
export async function leesRasters(bestand: Buffer, bestandsnaam: string | null, maxRijen: number): Promise<Raster[]> {
  if (isZip(bestand)) {
    const werkmap = await leesWerkmap(bestand);
    return werkmap.worksheets.map((blad) => rasterVanBlad(blad, maxRijen));
  }
  if (bestandsnaam && /\.xlsx$/i.test(bestandsnaam)) {
    throw uploadFout([bestandProbleem('het bestand is geen Excel-werkmap (.xlsx); sla het in Excel op als "Excel-werkmap" of als CSV met ; als scheidingsteken')]);
  }
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(bestand, { delimiter: ';', bom: true, relax_column_count: true, relax_quotes: true, info: true, to: maxRijen }) as unknown as typeof records;
  } catch (error) {
    throw uploadFout([bestandProbleem(`het bestand is geen leesbaar CSV-bestand met ; als scheidingsteken (${(error as Error).message})`)]);
  }
  const blad = bestandsnaam?.trim() || 'CSV';
  return [{ blad, rijen: records.map(({ record, info }) => ({ rij: info.lines, cellen: record.map((c): Cel => (c.trim() === '' ? null : c.trim())) })) }];
}

/** A table found in a file: where its header is, and a way to locate a problem in one of its cells. */
export interface Tabel<K extends string> {
  raster: Raster;
  koprij: number;
  /** Index of each column (0 = A); -1 for an optional column the file does not have. */
  kolom: Record<K, number>;
  /** The rows below the header that hold anything (Excel's row numbers), with a reader per column. */
  rijen: Array<{ rij: number; cellen: Cel[]; cel: (k: K) => Cel }>;
  /** A problem located in a cell of the table (or in a row, for k = null). */
  probleemOp: (rij: number, k: K | null, melding: string) => BladProbleem;
}

/**
 * The first sheet with a header row holding the columns; its non-empty rows below the header. Without
 * such a sheet, the problem of the first sheet (the one people fill in).
 */
export function leesTabel<K extends string>(rasters: Raster[], kolommen: Record<K, KolomHerkenning>): Tabel<K> | { probleem: BladProbleem } {
  let eersteProbleem: BladProbleem | null = null;
  for (const raster of rasters) {
    const kop = vindKoprij(raster, kolommen);
    if ('probleem' in kop) {
      eersteProbleem ??= kop.probleem;
      continue;
    }
    const koppen = raster.rijen.find((r) => r.rij === kop.rij)!.cellen;
    const probleemOp = (rij: number, k: K | null, melding: string): BladProbleem => {
      const index = k === null ? -1 : kop.kolom[k];
      return index < 0 ? { blad: raster.blad, rij, kolom: null, kolomnaam: null, melding } : { blad: raster.blad, rij, kolom: kolomLetter(index + 1), kolomnaam: alsTekst(koppen[index]), melding };
    };
    const rijen = raster.rijen
      .filter((r) => r.rij > kop.rij && r.cellen.some((c) => c !== null))
      .map(({ rij, cellen }) => ({ rij, cellen, cel: (k: K) => (kop.kolom[k] < 0 ? null : (cellen[kop.kolom[k]] ?? null)) }));
    return { raster, koprij: kop.rij, kolom: kop.kolom, rijen, probleemOp };
  }
  return { probleem: eersteProbleem ?? bestandProbleem('het bestand heeft geen bladen') };
}

/**
 * A date as the sheet has it: an Excel date, or text as 2026-07-03, 3-7-2026 or 3/7/2026. exceljs
 * reads a date cell as midnight UTC of that day, so its UTC fields are the date Excel shows.
 */
export function leesDatum(cel: Cel): CelWaarde<string> {
  if (cel === null) return { waarde: null };
  const fout = { probleem: `geen datum: "${alsTekst(cel)}"; schrijf bijvoorbeeld 2026-07-03 of 3-7-2026` };
  let delen: [number, number, number] | null = null;
  if (cel instanceof Date) delen = [cel.getUTCFullYear(), cel.getUTCMonth() + 1, cel.getUTCDate()];
  else if (typeof cel === 'string') {
    const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(cel.trim());
    const nl = /^(\d{1,2})[-/](\d{1,2})[-/](\d{4})$/.exec(cel.trim());
    if (iso) delen = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    else if (nl) delen = [Number(nl[3]), Number(nl[2]), Number(nl[1])];
  }
  if (!delen) return fout;
  const [jaar, maand, dag] = delen;
  const datum = new Date(Date.UTC(jaar, maand - 1, dag));
  if (jaar < 1 || datum.getUTCFullYear() !== jaar || datum.getUTCMonth() !== maand - 1 || datum.getUTCDate() !== dag) return fout;
  return { waarde: `${String(jaar).padStart(4, '0')}-${String(maand).padStart(2, '0')}-${String(dag).padStart(2, '0')}` };
}

/** An amount in euro: a number with at most two decimals, not negative, at most 13 digits before the comma (NUMERIC(15,2)). */
export function leesBedrag(cel: Cel): CelWaarde<Decimal> {
  const getal = leesGetal(cel, false);
  if ('probleem' in getal) return { probleem: `geen bedrag: "${alsTekst(cel)}"; schrijf een bedrag in euro, bijvoorbeeld 1234567,89 (zonder duizendtallenpunten)` };
  const bedrag = getal.waarde;
  if (bedrag === null) return { waarde: null };
  if (bedrag.isNegative()) return { probleem: `${bedrag.toFixed()} is negatief; lasten en baten zijn bedragen van 0 of meer` };
  if (bedrag.decimalPlaces() > 2) return { probleem: `${bedrag.toFixed()} heeft meer dan twee decimalen; een bedrag is in hele centen` };
  if (bedrag.abs().gte('1e13')) return { probleem: `${bedrag.toFixed()} is te groot (hoogstens 13 cijfers voor de komma)` };
  return { waarde: bedrag };
}

/**
 * Text for a field of the hub: at most `max` characters, and not starting like a formula (the same rule
 * as the inputs of the graph, see spreadsheet-text.ts). A number in a text column is read as its text.
 */
export function leesTekst(cel: Cel, label: string, max: number, soort: TextKind = 'name'): CelWaarde<string> {
  const tekst = alsTekst(cel)?.trim() || null;
  if (tekst === null) return { waarde: null };
  if (tekst.length > max) return { probleem: `${label} is ${tekst.length} tekens lang; hoogstens ${max}` };
  const formule = formulaProblem(label, tekst, soort);
  return formule ? { probleem: formule } : { waarde: tekst };
}

/** A year (2027, typed as a number or text) within the years the hub holds. */
export function leesJaar(cel: Cel): CelWaarde<number> {
  const tekst = alsTekst(cel)?.trim() ?? null;
  if (tekst === null) return { waarde: null };
  if (!/^\d{1,6}$/.test(tekst)) return { probleem: `"${tekst}" is geen jaar; schrijf bijvoorbeeld 2027` };
  return isJaar(Number(tekst)) ? { waarde: Number(tekst) } : { probleem: jaarMelding(tekst) };
}

/** What one line of an import does in the hub. */
export enum ImportWijziging {
  NIEUW = 'NIEUW',
  GEWIJZIGD = 'GEWIJZIGD',
  GELIJK = 'GELIJK',
}
registerEnumType(ImportWijziging, {
  name: 'ImportWijziging',
  description: 'Wat een regel van een geïmporteerd bestand in de hub doet.',
  valuesConfig: {
    NIEUW: { description: 'De hub had dit nog niet; het wordt toegevoegd.' },
    GEWIJZIGD: { description: 'De hub had een andere waarde; die wordt vervangen (de oude blijft in het auditlog).' },
    GELIJK: { description: 'De hub heeft dit al precies zo; er verandert niets.' },
  },
});

/**
 * What every import answers: whether it was a dry run, and how many of its lines are new or already so.
 * The imports' answers inherit its fields; no field has this type, so it is not in the schema itself.
 */
@ObjectType()
export abstract class ImportUitkomst {
  @Field(() => Boolean, { description: 'Waar bij een proefdraai: alles is gecontroleerd zoals bij de echte import, en niets is opgeslagen.' })
  proefdraai!: boolean;

  @Field(() => Int, { description: 'Zoveel is nieuw in de hub.' })
  nieuw!: number;

  @Field(() => Int, { description: 'Zoveel had de hub al precies zo; dat blijft ongemoeid.' })
  gelijk!: number;
}

const REGEL_WEIGERINGEN = new Set<unknown>([ErrorCode.BAD_USER_INPUT, ErrorCode.CONFLICT, ErrorCode.JAAR_AFGESLOTEN, ErrorCode.NOT_FOUND]);

/**
 * Whether an error is a rule refusing one line of an import (bad input, conflict, closed year, unknown
 * key): reported at that line, while the import goes on to find the other problems. Anything else (the
 * database) ends the import.
 */
export const isRegelWeigering = (error: unknown): error is GraphQLError => error instanceof GraphQLError && REGEL_WEIGERINGEN.has(error.extensions.code);

/** Thrown to undo a dry run's writes; carries its outcome out of the rolled-back transaction. */
class Proefdraai<T> extends Error {
  constructor(readonly uitkomst: T) {
    super('proefdraai');
  }
}

/**
 * Runs an import in one transaction. A dry run (proefdraai) does exactly the same work, with every
 * rule the real import meets, and is then rolled back: what it reports is what the import would do.
 */
export async function importTransactie<T>(em: EntityManager, proefdraai: boolean, werk: (em: EntityManager) => Promise<T>): Promise<T> {
  try {
    return await em.transactional(async (tx) => {
      const uitkomst = await werk(tx);
      if (proefdraai) throw new Proefdraai(uitkomst);
      return uitkomst;
    });
  } catch (error) {
    if (error instanceof Proefdraai) return error.uitkomst as T;
    throw error;
  }
}
