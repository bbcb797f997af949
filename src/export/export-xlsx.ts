import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import type { Identity } from '../auth/identity.js';
import { EURO_FORMAAT, GETAL_FORMAAT, TEKST_FORMAAT } from '../core/spreadsheet-sjabloon.js';
import type { Kolom, Soort } from './export-definities.js';

export const TIJDSTIP_FORMAAT = 'dd-mm-yyyy hh:mm:ss';

const FORMAAT: Record<Soort, string> = {
  tekst: TEKST_FORMAAT,
  janee: TEKST_FORMAAT,
  getal: GETAL_FORMAAT,
  bedrag: EURO_FORMAAT,
  tijdstip: TIJDSTIP_FORMAAT,
};

export const TIJDZONE = 'Europe/Amsterdam';

const WANDKLOK = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIJDZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

const NL_MOMENT = new Intl.DateTimeFormat('nl-NL', { timeZone: TIJDZONE, dateStyle: 'long', timeStyle: 'medium' });

/**
 * An Excel date has no time zone: it is what the clock on the wall says. exceljs writes a Date by its
 * UTC fields, so the Date we give it carries the Dutch wall-clock time in those fields.
 */
export function wandklokInNederland(moment: Date): Date {
  const deel = Object.fromEntries(WANDKLOK.formatToParts(moment).map((p) => [p.type, p.value]));
  return new Date(Date.UTC(+deel.year, +deel.month - 1, +deel.day, +deel.hour, +deel.minute, +deel.second, moment.getUTCMilliseconds()));
}

/**
 * Text as an OOXML string keeps every character: XML reads a raw carriage return as a line feed, so
 * it goes as the escape `_x000D_` (as Excel writes it), and text that looks like such an escape gets
 * its underscore escaped (`_x005F_`), so a reader shows it literally.
 */
export function ooxmlTekst(tekst: string): string {
  return tekst.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1').replace(/\r/g, '_x000D_');
}

/**
 * The value of one cell. Text is always a string cell: exceljs writes a formula only for an object
 * `{ formula }`, so "=HYPERLINK(…)" from the data is inert text, shown literally.
 *
 * Amounts arrive as exact decimal strings and become a number only here, at the cell. That is exact
 * enough for Excel: an amount has at most 2 decimals and is below 1e13 (the Bedrag scalar), so it has
 * at most 15 significant digits; every decimal of 15 significant digits survives the round trip
 * through a double (which holds 15.95), and Excel itself shows and computes with 15 digits. So the
 * cell shows exactly the amount of the graph, and a column's sum in cents is the graph's sum.
 */
function celwaarde(soort: Soort, waarde: unknown): ExcelJS.CellValue {
  if (waarde === null || waarde === undefined || waarde === '') return null;
  switch (soort) {
    case 'janee':
      return waarde ? 'ja' : 'nee';
    case 'getal':
    case 'bedrag':
      return Number(waarde);
    case 'tijdstip':
      return wandklokInNederland(new Date(String(waarde)));
    case 'tekst':
      return ooxmlTekst(String(waarde));
  }
}

/** How many characters a column needs, roughly as Excel shows the values; within sensible bounds. */
function breedte(kolom: Kolom, waarden: ExcelJS.CellValue[]): number {
  let breedst = kolom.kop.length;
  for (const waarde of waarden) {
    if (waarde === null) continue;
    const lengte =
      kolom.soort === 'tijdstip' ? TIJDSTIP_FORMAAT.length
      : kolom.soort === 'bedrag' ? Math.abs(Number(waarde)).toFixed(2).length * 1.35 + 3 // "€ " and the thousands dots
      : String(waarde).length;
    if (lengte > breedst) breedst = lengte;
  }
  return Math.min(60, Math.max(8, Math.ceil(breedst) + 2));
}

export interface XlsxExport {
  naam: string;
  kolommen: readonly Kolom[];
  rijen: ReadonlyArray<readonly unknown[]>;
  /** The query-string parameters as the caller gave them. */
  parameters: Record<string, string>;
  identity: Identity;
  moment: Date;
}

/**
 * Writes the workbook to `uit`: sheet 1 the data (bold, frozen header with an autofilter, real numbers
 * and dates), sheet 2 "Filters" (what was asked, by whom, when), so a pasted table can be traced back.
 */
export async function schrijfXlsx(uit: Writable, exp: XlsxExport): Promise<void> {
  const boek = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: uit, useStyles: true, useSharedStrings: true });
  boek.creator = 'Regiohub';
  boek.created = exp.moment;

  const cellen = exp.rijen.map((rij) => exp.kolommen.map((kolom, i) => celwaarde(kolom.soort, rij[i])));
  // Excel allows 31 characters in a sheet name; the export names are shorter.
  const blad = boek.addWorksheet(exp.naam.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  blad.columns = exp.kolommen.map((kolom, i) => ({
    header: kolom.kop,
    key: String(i),
    width: breedte(kolom, cellen.map((rij) => rij[i])),
    style: { numFmt: FORMAAT[kolom.soort] },
  }));
  const kop = blad.getRow(1);
  kop.font = { bold: true };
  kop.commit();
  blad.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: exp.kolommen.length } };
  for (const rij of cellen) blad.addRow(rij).commit();
  blad.commit();

  const filters = boek.addWorksheet('Filters');
  filters.columns = [
    { header: 'Gegeven', key: 'gegeven', width: 24 },
    { header: 'Waarde', key: 'waarde', width: 80, style: { numFmt: TEKST_FORMAAT } },
  ];
  filters.getRow(1).font = { bold: true };
  const regel = (gegeven: string, waarde: string) => filters.addRow([ooxmlTekst(gegeven), ooxmlTekst(waarde)]).commit();
  regel('Export', exp.naam);
  regel('Moment van export (UTC)', exp.moment.toISOString());
  regel('Moment van export', `${NL_MOMENT.format(exp.moment)} (${TIJDZONE})`);
  regel('Gebruiker', exp.identity.naam);
  regel('Rol', exp.identity.rol);
  if (exp.identity.gemeente) regel('Gemeente', exp.identity.gemeente);
  if (exp.identity.modules.length) regel('Modules', exp.identity.modules.join(', '));
  regel('Rijen', String(exp.rijen.length));
  regel('Tijden', `in Nederlandse tijd (${TIJDZONE})`);
  const parameters = Object.entries(exp.parameters);
  if (parameters.length === 0) regel('Filters', 'geen');
  for (const [naam, waarde] of parameters) regel(`Parameter ${naam}`, waarde);
  filters.commit();
  await boek.commit();
}
