import ExcelJS from 'exceljs';

// Templates the hub hands out to be filled in and uploaded again (budget versions, allocation keys):
// a sheet with a header row the import recognises, typed columns, drop-down lists for the allowed
// values, and a sheet that explains the file. The exports share the number formats.

/**
 * Euro with two decimals. A format code always uses "," for thousands and "." for decimals; Excel
 * shows it in the reader's locale, so nl-NL sees "€ 1.234,56" and "€ -1.234,56". `[$€-413]` is the
 * euro sign of locale 0x413 (nl-NL), the form Excel itself writes for a Dutch currency format.
 */
export const EURO_FORMAAT = '[$€-413] #,##0.00;[$€-413] -#,##0.00';
/** Text format: Excel keeps "0.10" and "GM0202" as text, also when someone edits the cell. */
export const TEKST_FORMAAT = '@';
/** Other numbers as they are (a year stays 2025, units keep their decimals). */
export const GETAL_FORMAAT = 'General';
export const DATUM_FORMAAT = 'dd-mm-yyyy';

export interface SjabloonKolom {
  kop: string;
  breedte: number;
  soort: 'tekst' | 'bedrag' | 'getal' | 'datum';
  /** The allowed values, offered as a drop-down list (Excel still accepts other text; the import checks). */
  keuzes?: readonly string[];
  /** A note on the header cell: what to fill in. */
  uitleg?: string;
  /** For reference only: grey, and the import does not read it. */
  naslag?: boolean;
}

export type SjabloonWaarde = string | number | Date | null;

const FORMAAT = { tekst: TEKST_FORMAAT, bedrag: EURO_FORMAAT, getal: GETAL_FORMAAT, datum: DATUM_FORMAAT } as const;
const GRIJS: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
/** Rows below the prefilled ones that still get the drop-down lists, for lines people add. */
const EXTRA_RIJEN = 200;

/** An empty workbook the hub hands out, marked as made by Regiohub at `nu`. */
export function sjabloonWerkmap(nu: Date): ExcelJS.Workbook {
  const werkmap = new ExcelJS.Workbook();
  werkmap.creator = 'Regiohub';
  werkmap.created = nu;
  return werkmap;
}

/**
 * A sheet to fill in: bold frozen header with an autofilter, formats per column on every row, and the
 * drop-down lists on the prefilled rows and the next EXTRA_RIJEN. A date is an ISO date string
 * ("2026-07-03") and becomes an Excel date; an amount or number is given as exact text and becomes
 * an Excel number for display (Excel keeps 15 digits; NUMERIC(15,2) amounts fit).
 */
export function sjabloonBlad(werkmap: ExcelJS.Workbook, naam: string, kolommen: readonly SjabloonKolom[], rijen: readonly SjabloonWaarde[][]): ExcelJS.Worksheet {
  const blad = werkmap.addWorksheet(naam, { views: [{ state: 'frozen', ySplit: 1 }] });
  blad.columns = kolommen.map((k) => ({ header: k.kop, width: k.breedte, style: { numFmt: FORMAAT[k.soort] } }));
  const kop = blad.getRow(1);
  kop.font = { bold: true };
  kolommen.forEach((k, i) => {
    const cel = kop.getCell(i + 1);
    if (k.uitleg) cel.note = k.uitleg;
    if (k.naslag) cel.fill = GRIJS;
  });
  blad.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: kolommen.length } };
  for (const waarden of rijen) {
    const rij = blad.addRow(
      waarden.map((waarde, i) => {
        if (waarde === null || typeof waarde !== 'string') return waarde;
        if (kolommen[i].soort === 'datum') return new Date(`${waarde}T00:00:00Z`);
        if (kolommen[i].soort === 'bedrag' || kolommen[i].soort === 'getal') return Number(waarde);
        return waarde;
      }),
    );
    kolommen.forEach((k, i) => {
      if (k.naslag) rij.getCell(i + 1).fill = GRIJS;
    });
  }
  const laatste = rijen.length + 1 + EXTRA_RIJEN;
  kolommen.forEach((k, i) => {
    if (!k.keuzes) return;
    const lijst: ExcelJS.DataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [`"${k.keuzes.join(',')}"`],
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: k.kop,
      error: `Kies een van: ${k.keuzes.join(', ')}.`,
    };
    for (let rij = 2; rij <= laatste; rij++) blad.getCell(rij, i + 1).dataValidation = lijst;
  });
  return blad;
}

/** A sheet "Over dit bestand": a title, labelled facts (what, when) and the instructions, one per line. */
export function uitlegBlad(werkmap: ExcelJS.Workbook, titel: string, gegevens: ReadonlyArray<readonly [string, string | number]>, uitleg: readonly string[]): ExcelJS.Worksheet {
  const blad = werkmap.addWorksheet('Over dit bestand');
  blad.columns = [{ width: 18 }, { width: 100 }];
  blad.addRow([titel]).font = { bold: true, size: 14 };
  for (const [label, waarde] of gegevens) {
    const rij = blad.addRow([label, waarde]);
    rij.getCell(1).font = { bold: true };
    rij.getCell(2).alignment = { horizontal: 'left' };
    if (typeof waarde === 'string') rij.getCell(2).numFmt = TEKST_FORMAAT;
  }
  blad.addRow([]);
  for (const regel of uitleg) blad.addRow(['', regel]).getCell(2).alignment = { wrapText: true };
  return blad;
}
