import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { maakApiToken } from '../../src/api-token/api-token.service.js';
import type { Identity } from '../../src/auth/identity.js';
import { FORMULE_TEKSTEN, HYPERLINK } from './scenario.js';
import type { TestHub } from './test-hub.js';

/** An API token with the role and scope of a test identity, for requests over HTTP. */
export async function tokenVoor(t: TestHub, als: Identity): Promise<string> {
  const invoer = { naam: `test ${als.naam}`, rol: als.rol, gemeente: als.gemeente, modules: als.modules };
  return (await maakApiToken(t.orm.em.fork(), invoer, 'test')).geheim;
}

/** GET /export/<pad> with the parameters as the README shows them (JSON for objects). */
function haalExport(basis: string, pad: string, params: Record<string, unknown>, token?: string) {
  const query = new URLSearchParams(
    Object.entries(params).map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
  ).toString();
  return fetch(`${basis}/export/${pad}?${query}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
}

export async function exportCsv(basis: string, pad: string, params: Record<string, unknown>, token?: string) {
  const response = await haalExport(basis, pad, params, token);
  const tekst = await response.text();
  return { status: response.status, type: response.headers.get('content-type'), tekst };
}

/** An .xlsx export read back with exceljs; on an error status, the JSON error instead of a workbook. */
export async function exportXlsx(basis: string, pad: string, params: Record<string, unknown>, token?: string) {
  const response = await haalExport(basis, pad, params, token);
  const kop = { status: response.status, type: response.headers.get('content-type'), bijlage: response.headers.get('content-disposition') };
  if (response.status !== 200) return { ...kop, boek: null, fout: (await response.json()) as { errors: Array<{ message: string; extensions: { code: string } }> } };
  const boek = new ExcelJS.Workbook();
  await boek.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);
  return { ...kop, boek, fout: null };
}

export const rijenVan = (tekst: string, delimiter = ',') => parse(tekst, { bom: true, columns: true, delimiter }) as Array<Record<string, string>>;

/**
 * Existing data from before the input rule, written behind the hub's back: Rozendaal (GM0277) named
 * HYPERLINK, and the RBL KPI values' explanations cycling through FORMULE_TEKSTEN.
 */
export async function formulesInBestaandeGegevens(t: TestHub): Promise<void> {
  await t.sql(`update gemeente set naam = ? where cbs_code = 'GM0277'`, [HYPERLINK]);
  await t.sql(
    `update kpi_waarde set toelichting = (array[?, ?, ?, ?, ?, ?])[1 + id % 6] where kpi_id in (select k.id from kpi k join module m on m.id = k.module_id where m.code = 'RBL')`,
    [...FORMULE_TEKSTEN],
  );
}
