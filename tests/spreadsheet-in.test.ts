import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { leesWerkmap, MAX_UITGEPAKT_MB } from '../src/core/spreadsheet-in.js';

// Reading uploaded workbooks: a workbook is a zip archive, and one that unpacks to far more than any
// real upload (a "zip bomb") is refused while it is being unpacked, before the reader holds it in memory.

const MB = 1024 * 1024;

async function werkmap(): Promise<Buffer> {
  const boek = new ExcelJS.Workbook();
  boek.addWorksheet('Blad1').addRow(['Module', 'Jaar']);
  return Buffer.from(await boek.xlsx.writeBuffer());
}

describe('leesWerkmap', () => {
  it('weigert een werkmap die uitgepakt groter is dan de grens, ook als het archief zelf klein is', async () => {
    // A real workbook with one sheet padded to 3 MB of spaces: a few kilobytes packed.
    const zip = await JSZip.loadAsync(await werkmap());
    zip.file('xl/worksheets/sheet1.xml', Buffer.alloc(3 * MB, 32));
    const bom = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(bom.length).toBeLessThan(50_000);
    const fout = (await leesWerkmap(bom, 2 * MB).then(
      () => null,
      (e: unknown) => e,
    )) as { extensions: { code: string; problemen: unknown[] } } | null;
    expect(fout).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(fout?.extensions.problemen).toEqual([
      { blad: null, rij: null, kolom: null, kolomnaam: null, melding: 'de werkmap is uitgepakt groter dan 2 MB; dat is geen ingevuld sjabloon of StatLine-export' },
    ]);
  });

  it('leest een gewone werkmap onder de grens', async () => {
    const boek = await leesWerkmap(await werkmap(), 2 * MB);
    expect(boek.worksheets.map((b) => b.name)).toEqual(['Blad1']);
    expect(MAX_UITGEPAKT_MB).toBe(100);
  });
});
