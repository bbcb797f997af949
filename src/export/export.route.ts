import type { ApolloServer } from '@apollo/server';
import { stringify } from 'csv-stringify/sync';
import express from 'express';
import type { Identity } from '../auth/identity.js';
import type { Context } from '../context.js';
import { ErrorCode } from '../core/errors.js';
import { caller, handleRoute, routeError, runAsCaller } from '../core/operation-route.js';
import { XLSX_MIME } from '../core/spreadsheet-in.js';
import { neutraliseFormula } from '../core/spreadsheet-text.js';
import { iv3Document, type Iv3Aanleverder, type Iv3Matrix } from '../realisatie/iv3-json.js';
import { EXPORTS, type ExportDefinitie, type Kolom } from './export-definities.js';
import { schrijfXlsx } from './export-xlsx.js';

export const MAX_EXPORT_RIJEN = 100_000;

function variabelen(def: ExportDefinitie, query: express.Request['query']): Record<string, unknown> {
  const uit: Record<string, unknown> = {};
  for (const [naam, soort] of Object.entries(def.variabelen)) {
    const ruw = query[naam];
    if (typeof ruw !== 'string' || ruw === '') continue;
    if (soort === 'json') {
      try {
        uit[naam] = JSON.parse(ruw);
      } catch {
        throw routeError(400, ErrorCode.BAD_USER_INPUT, `Parameter ${naam} is geen geldige JSON.`);
      }
    } else if (soort === 'int') uit[naam] = Number(ruw);
    else if (soort === 'lijst' || soort === 'lijst?') uit[naam] = ruw.split(',').map((s) => s.trim()).filter(Boolean);
    else if (soort === 'boolean') uit[naam] = ruw === 'true';
    else uit[naam] = ruw;
  }
  for (const naam of Object.keys(def.variabelen)) if (def.variabelen[naam] === 'lijst') uit[naam] ??= [];
  return uit;
}

const waardeOp = (rij: unknown, pad: string): unknown =>
  pad.split('.').reduce<unknown>((v, deel) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[deel] : undefined), rij);

/**
 * Dutch Excel wants a decimal comma and ';' between fields; amounts stay exact strings either way.
 * Text that a spreadsheet would run as a formula gets the OWASP quote; numbers never do, so a
 * negative amount stays a number.
 */
function cel(kolom: Kolom, waarde: unknown, nl: boolean): string {
  if (waarde === null || waarde === undefined) return '';
  if (kolom.soort === 'janee') return waarde ? 'ja' : 'nee';
  const tekst = String(waarde);
  if (kolom.soort === 'tekst') return neutraliseFormula(tekst);
  return nl && (kolom.soort === 'getal' || kolom.soort === 'bedrag') ? tekst.replace('.', ',') : tekst;
}

/** Runs the export's operation as the caller, page by page for connections. */
async function haalRijen(apollo: ApolloServer<Context>, def: ExportDefinitie, vars: Record<string, unknown>, context: () => Context) {
  const rijen: unknown[] = [];
  let after: string | null = null;
  do {
    const data = await runAsCaller(apollo, def.query, { ...vars, after }, context());
    const lijst = waardeOp(data, def.lijst) as { nodes: unknown[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } | unknown[];
    if (def.connection && !Array.isArray(lijst)) {
      rijen.push(...lijst.nodes);
      after = lijst.pageInfo.hasNextPage ? lijst.pageInfo.endCursor : null;
    } else {
      rijen.push(...(lijst as unknown[]));
      after = null;
    }
    if (rijen.length > MAX_EXPORT_RIJEN) {
      throw routeError(400, ErrorCode.BAD_USER_INPUT, `Meer dan ${MAX_EXPORT_RIJEN} rijen; verfijn het filter.`);
    }
  } while (after);
  return rijen;
}

/** The query string as the caller gave it, for the Filters sheet; a repeated parameter as a list. */
const gegevenParameters = (query: express.Request['query']): Record<string, string> =>
  Object.fromEntries(Object.entries(query).map(([naam, waarde]) => [naam, Array.isArray(waarde) ? waarde.join(', ') : String(waarde)]));

const BESTAND = /^(.+)\.(csv|xlsx)$/;

/** The Iv3 delivery as the graph gives it; GET /export/iv3.json turns it into CBS's iv3-JSON. */
const IV3_QUERY = `query ($jaar: Int!, $kwartaal: Int) {
  iv3Aanlevering(jaar: $jaar, kwartaal: $kwartaal) { boekjaar periode lasten { taakveld categorie bedrag } baten { taakveld categorie bedrag } } }`;

/**
 * Exports for Excel: GET /export/<naam>.csv or /export/<naam>.xlsx with the same bearer token and
 * the same filters (as JSON in `where`, `orderBy`) as the graph; both formats run the same
 * definition, so rows, authorization and errors are the same. `getallen=nl` gives the CSV decimal
 * commas and ';'.
 */
export function exportRouter(apollo: ApolloServer<Context>, identify: (req: express.Request) => Promise<Identity>, context: (identity: Identity) => Context) {
  const router = express.Router();
  router.get(
    '/iv3.json',
    handleRoute(async (req, res) => {
      const identity = await caller(identify, req);
      const tekst = (naam: string) => (typeof req.query[naam] === 'string' ? (req.query[naam] as string).trim() : '');
      const verplicht = ['jaar', 'overheidsnummer', 'overheidsnaam', 'contactNaam', 'contactEmail'];
      const ontbreekt = verplicht.filter((naam) => !tekst(naam));
      if (ontbreekt.length) {
        throw routeError(400, ErrorCode.BAD_USER_INPUT, `Geef voor de Iv3-aanlevering ook op: ${ontbreekt.join(', ')} (contactTelefoon en kwartaal zijn optioneel; zonder kwartaal: het jaar, periode 5).`);
      }
      const moment = context(identity).now();
      const kwartaal = tekst('kwartaal');
      const data = await runAsCaller(apollo, IV3_QUERY, { jaar: Number(tekst('jaar')), kwartaal: kwartaal ? Number(kwartaal) : null }, context(identity));
      const aanleverder: Iv3Aanleverder = {
        overheidsnummer: tekst('overheidsnummer'),
        overheidsnaam: tekst('overheidsnaam'),
        contactNaam: tekst('contactNaam'),
        contactEmail: tekst('contactEmail'),
        contactTelefoon: tekst('contactTelefoon'),
      };
      const matrix = data.iv3Aanlevering as Iv3Matrix;
      const bestand = `iv3-${matrix.boekjaar}-periode-${matrix.periode}.json`;
      res.status(200).type('application/json').set('content-disposition', `attachment; filename="${bestand}"`).send(JSON.stringify(iv3Document(matrix, aanleverder, moment), null, 2));
    }),
  );
  router.get(
    '/:bestand',
    handleRoute(async (req, res) => {
      const bestand = String(req.params.bestand);
      const [, naam, formaat] = BESTAND.exec(bestand) ?? [];
      const def = naam && Object.hasOwn(EXPORTS, naam) ? EXPORTS[naam] : undefined;
      if (!def) {
        throw routeError(404, ErrorCode.NOT_FOUND, `Onbekende export; kies uit: ${Object.keys(EXPORTS).join(', ')} (elk als .csv of .xlsx), of iv3.json.`);
      }
      const identity = await caller(identify, req);
      // The hub's clock (fixed in tests), read before the rows: the data is as of this moment or later.
      const moment = context(identity).now();
      const rijen = await haalRijen(apollo, def, variabelen(def, req.query), () => context(identity));
      const waarden = rijen.map((rij) => def.kolommen.map((kolom) => waardeOp(rij, kolom.pad)));
      if (formaat === 'xlsx') {
        res.status(200).type(XLSX_MIME).set('content-disposition', `attachment; filename="${bestand}"`);
        await schrijfXlsx(res, { naam, kolommen: def.kolommen, rijen: waarden, parameters: gegevenParameters(req.query), identity, moment });
        return;
      }
      const nl = req.query.getallen === 'nl';
      const csv = stringify(
        waarden.map((rij) => def.kolommen.map((kolom, i) => cel(kolom, rij[i], nl))),
        { header: true, columns: def.kolommen.map((kolom) => kolom.kop), delimiter: nl ? ';' : ',' },
      );
      res
        .status(200)
        .type('text/csv; charset=utf-8')
        .set('content-disposition', `attachment; filename="${bestand}"`)
        .send('\uFEFF' + csv);
    }),
  );
  return router;
}
