import ExcelJS from 'exceljs';
import type { Identity } from '../../src/auth/identity.js';
import { ExcelSjabloonDocument, RapportageCorrigerenDocument, RapportageVersiesDocument } from '../generated/graphql.js';
import { ALS } from './identities.js';
import type { TestHub } from './test-hub.js';

// Filling in the quarterly report's Excel template as a person would, with exceljs (the library the hub
// writes it with; the tests read the file back as Excel stores it).

/** Columns of the sheet Waarden by heading. */
export const KOLOM = { kpi: 1, kpiNaam: 2, eenheid: 3, cbs: 4, gemeente: 5, waarde: 6, toelichting: 7, vorig: 8, norm: 9, grenzen: 10 } as const;

export interface Sjabloon {
  werkmap: ExcelJS.Workbook;
  waarden: ExcelJS.Worksheet;
  over: ExcelJS.Worksheet;
  /** The row number of a KPI (and gemeente) on the sheet Waarden. */
  rij(kpi: string, gemeente?: string | null): number;
  /** The CBS codes of the rows of a KPI, in order. */
  gemeenten(kpi: string): string[];
  zet(rij: number, kolom: number, waarde: ExcelJS.CellValue): void;
  bytes(): Promise<Buffer>;
}

export async function leesSjabloon(bytes: Buffer): Promise<Sjabloon> {
  const werkmap = new ExcelJS.Workbook();
  await werkmap.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const waarden = werkmap.getWorksheet('Waarden')!;
  const over = werkmap.getWorksheet('Over dit bestand')!;
  const tekst = (rij: number, kolom: number) => {
    const v = waarden.getRow(rij).getCell(kolom).value;
    return v === null || v === undefined ? null : String(v);
  };
  const rijen = () => Array.from({ length: waarden.rowCount - 1 }, (_, i) => i + 2);
  return {
    werkmap,
    waarden,
    over,
    rij(kpi, gemeente = null) {
      const gevonden = rijen().find((r) => tekst(r, KOLOM.kpi) === kpi && tekst(r, KOLOM.cbs) === gemeente);
      if (!gevonden) throw new Error(`geen rij voor ${kpi} ${gemeente ?? ''}`);
      return gevonden;
    },
    gemeenten: (kpi) => rijen().filter((r) => tekst(r, KOLOM.kpi) === kpi).map((r) => tekst(r, KOLOM.cbs)!),
    zet(rij, kolom, waarde) {
      waarden.getRow(rij).getCell(kolom).value = waarde;
    },
    bytes: async () => Buffer.from(await werkmap.xlsx.writeBuffer()),
  };
}

/** The template as the hub gives it to a module manager, through the graph. */
export async function haalSjabloon(t: TestHub, rapportage: { module: string; jaar: number; kwartaal: number }, als: Identity = ALS.modulemanagerWgsw): Promise<Sjabloon> {
  const { data, errors } = await t.execute(ExcelSjabloonDocument, { rapportage }, als);
  if (errors) throw new Error(errors[0].message);
  return leesSjabloon(Buffer.from(data!.kwartaalrapportageSjabloon, 'base64'));
}

/** Makes the approved demo report of a WgSW quarter a concept again (a correction: version 2, revisie 1). */
export async function wgswConcept(t: TestHub, jaar: number, kwartaal: number): Promise<void> {
  const sleutel = { module: 'WGSW', jaar, kwartaal };
  const [{ revisie }] = (await t.execute(RapportageVersiesDocument, sleutel)).data!.kwartaalrapportages.nodes;
  const { errors } = await t.execute(RapportageCorrigerenDocument, { rapportage: { ...sleutel, revisie, reden: 'Cijfers via Excel herzien.' } }, ALS.modulemanagerWgsw);
  if (errors) throw new Error(errors[0].message);
}

/** A workbook from bytes the hub wrote (a download or a base64 answer). */
export async function werkmapVan(bytes: ArrayBuffer | Buffer): Promise<ExcelJS.Workbook> {
  const werkmap = new ExcelJS.Workbook();
  await werkmap.xlsx.load((Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes)) as unknown as ExcelJS.Buffer);
  return werkmap;
}

/** A sheet's non-empty rows as plain values (row 1 the header), as the test reads what the hub wrote. */
export function rijenVan(blad: ExcelJS.Worksheet): unknown[][] {
  const rijen: unknown[][] = [];
  blad.eachRow((rij) => {
    const waarden = Array.from(rij.values as unknown[], (v) => v ?? null).slice(1);
    if (waarden.some((v) => v !== null)) rijen.push(waarden);
  });
  return rijen;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** GET and POST on the hub at `basis()` (known once it listens) with a bearer token (`token()` unless one is given). */
export function importRoutes(basis: () => string, token: () => string) {
  return {
    haal: (pad: string, geheim = token()) => fetch(`${basis()}${pad}`, { headers: { authorization: `Bearer ${geheim}` } }),
    post: (pad: string, body: Buffer | string, soort: 'xlsx' | 'csv' = 'xlsx', geheim = token()) =>
      fetch(`${basis()}${pad}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${geheim}`, 'content-type': soort === 'xlsx' ? XLSX_TYPE : 'text/csv' },
        body: typeof body === 'string' ? body : new Uint8Array(body),
      }),
  };
}
