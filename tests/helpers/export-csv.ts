import { parse } from 'csv-parse/sync';
import { maakApiToken } from '../../src/api-token/api-token.service.js';
import type { Identity } from '../../src/auth/identity.js';
import type { TestHub } from './test-hub.js';

/** An API token with the role and scope of a test identity, for requests over HTTP. */
export async function tokenVoor(t: TestHub, als: Identity): Promise<string> {
  const invoer = { naam: `test ${als.naam}`, rol: als.rol, gemeente: als.gemeente, modules: als.modules };
  return (await maakApiToken(t.orm.em.fork(), invoer, 'test')).geheim;
}

/** GET /export/<pad> with the parameters as the README shows them (JSON for objects). */
export async function exportCsv(basis: string, pad: string, params: Record<string, unknown>, token: string) {
  const query = new URLSearchParams(
    Object.entries(params).map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
  ).toString();
  const response = await fetch(`${basis}/export/${pad}?${query}`, { headers: { authorization: `Bearer ${token}` } });
  const tekst = await response.text();
  return { status: response.status, type: response.headers.get('content-type'), tekst };
}

export const rijenVan = (tekst: string, delimiter = ',') => parse(tekst, { bom: true, columns: true, delimiter }) as Array<Record<string, string>>;
