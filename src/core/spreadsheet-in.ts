import ExcelJS from 'exceljs';
import { Decimal } from './decimal.js';
import { ErrorCode, hubError } from './errors.js';
import { DECIMAAL_PATTERN } from './scalars.js';

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

export async function leesWerkmap(bestand: Buffer): Promise<ExcelJS.Workbook> {
  const werkmap = new ExcelJS.Workbook();
  try {
    await werkmap.xlsx.load(bestand as unknown as ExcelJS.Buffer);
  } catch {
    throw uploadFout([bestandProbleem('het bestand is geen Excel-werkmap (.xlsx); sla het in Excel op als "Excel-werkmap" en probeer het opnieuw')]);
  }
  return werkmap;
}

export type Cel = string | number | boolean | Date | null | { fout: string };

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
export function leesGetal(cel: Cel, procentnotatie: boolean): { waarde: Decimal | null } | { probleem: string } {
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

/**
 * The header row of a raster: the first row (among the first `zoekRijen`) that holds every required
 * column, by a test per column on the header's text. With no such row, the problem names the row that
 * came closest and the columns it lacks (or the file as a whole when no row has any).
 */
export function vindKoprij<K extends string>(
  raster: Raster,
  kolommen: Record<K, { naam: string; past: (kop: string) => boolean }>,
  zoekRijen = 30,
): { rij: number; kolom: Record<K, number> } | { probleem: BladProbleem } {
  const sleutels = Object.keys(kolommen) as K[];
  let beste: { rij: number; gevonden: K[] } | null = null;
  for (const { rij, cellen } of raster.rijen.slice(0, zoekRijen)) {
    const koppen = cellen.map((c) => (typeof c === 'string' ? kopNormaal(c) : null));
    const kolom = {} as Record<K, number>;
    for (const sleutel of sleutels) {
      const index = koppen.findIndex((kop) => kop !== null && kolommen[sleutel].past(kop));
      if (index >= 0) kolom[sleutel] = index;
    }
    const gevonden = sleutels.filter((s) => s in kolom);
    if (gevonden.length === sleutels.length) return { rij, kolom };
    if (gevonden.length && (!beste || gevonden.length > beste.gevonden.length)) beste = { rij, gevonden };
  }
  const ontbreekt = (gevonden: K[]) => sleutels.filter((s) => !gevonden.includes(s)).map((s) => `"${kolommen[s].naam}"`);
  if (!beste) return { probleem: { ...bestandProbleem(`geen kopregel gevonden met de kolommen ${ontbreekt([]).join(', ')}`), blad: raster.blad } };
  return {
    probleem: { blad: raster.blad, rij: beste.rij, kolom: null, kolomnaam: null, melding: `de kopregel mist de kolom${ontbreekt(beste.gevonden).length > 1 ? 'men' : ''} ${ontbreekt(beste.gevonden).join(', ')}` },
  };
}
