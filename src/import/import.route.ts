import type { ApolloServer } from '@apollo/server';
import express from 'express';
import type { Identity } from '../auth/identity.js';
import type { Context } from '../context.js';
import { ErrorCode } from '../core/errors.js';
import { caller, handleRoute, routeError, runAsCaller } from '../core/operation-route.js';
import { XLSX_MIME } from '../core/spreadsheet-in.js';

/** Largest file the upload route reads; a filled-in template is some tens of kilobytes. */
export const MAX_BESTAND_MB = 5;

// The routes run the graph's own operations as the caller (like /export): the role check, the scope and
// every rule stay in the resolver and the service; this file only moves bytes and maps codes to HTTP.
const SJABLOON = 'query Sjabloon($rapportage: RapportageKwartaal!) { kwartaalrapportageSjabloon(rapportage: $rapportage) }';
const REALISATIE_SJABLOON = 'query Sjabloon($module: String!, $jaar: Int!, $kwartaal: Int!) { realisatieSjabloon(module: $module, jaar: $jaar, kwartaal: $kwartaal) }';
const UPLOADEN = `mutation Uploaden($bestand: String!, $verwacht: RapportageKwartaal) {
  kwartaalrapportageUploaden(bestand: $bestand, verwacht: $verwacht) { id module { code } jaar kwartaal versie status revisie }
}`;

/** The spreadsheet imports with a dry run: per route name the mutation and what its answer shows (who may call it is the mutation's rule). */
const BEHEER_IMPORTS = {
  inwoners: {
    mutatie: 'inwonersImporteren',
    velden: 'proefdraai tabel bron nieuw gewijzigd gelijk voorlopig wijzigingen { rij cbsCode gemeente jaar voorlopig soort oud nieuw }',
  },
  begrotingen: {
    mutatie: 'begrotingenImporteren',
    velden: 'proefdraai nieuw gelijk versies { rij module jaar soort volgnummer lasten baten vastgesteldOp omschrijving wijziging }',
  },
  verdeelsleutels: {
    mutatie: 'verdeelsleutelsImporteren',
    velden:
      'proefdraai nieuw gewijzigd gelijk overgeslagen sleutels { rij module jaar grondslag oudeGrondslag omschrijving wijziging eenheden { rij cbsCode gemeente oud nieuw bron } }',
  },
  realisatie: {
    mutatie: 'realisatieImporteren',
    velden:
      'proefdraai nieuw gewijzigd gelijk totaalLasten totaalBaten kwartalen { module jaar kwartaal rijen regels lasten baten oudeLasten oudeBaten prognoseLasten prognoseBaten prognoseUitBestand wijziging }',
  },
} as const;
const beheerImport = ({ mutatie, velden }: (typeof BEHEER_IMPORTS)[keyof typeof BEHEER_IMPORTS]) =>
  `mutation Importeren($bestand: String!, $bestandsnaam: String, $proefdraai: Boolean) {
  ${mutatie}(bestand: $bestand, bestandsnaam: $bestandsnaam, proefdraai: $proefdraai) { ${velden} }
}`;

/** The beheerder's templates per year. */
const BEHEER_SJABLONEN = { begrotingen: 'begrotingenSjabloon', verdeelsleutels: 'verdeelsleutelsSjabloon' } as const;

/** ?proefdraai=ja (also true or 1): only check and show what would change. */
function proefdraaiUit(query: express.Request['query']): boolean {
  const waarde = typeof query.proefdraai === 'string' ? query.proefdraai.trim().toLowerCase() : '';
  if (['', 'nee', 'false', '0'].includes(waarde)) return false;
  if (['ja', 'true', '1'].includes(waarde)) return true;
  throw routeError(400, ErrorCode.BAD_USER_INPUT, `Parameter proefdraai moet ja of nee zijn (ontvangen: "${waarde}").`);
}

/** The report a request names in its query string (module, jaar, kwartaal), or null when it names none. */
function kwartaalUit(query: express.Request['query'], verplicht: boolean): { module: string; jaar: number; kwartaal: number } | null {
  const [module, jaar, kwartaal] = ['module', 'jaar', 'kwartaal'].map((naam) => (typeof query[naam] === 'string' ? (query[naam] as string).trim() : ''));
  if (!verplicht && !module && !jaar && !kwartaal) return null;
  if (!module || !jaar || !kwartaal) {
    throw routeError(400, ErrorCode.BAD_USER_INPUT, 'Geef module, jaar en kwartaal mee, bijvoorbeeld ?module=WGSW&jaar=2025&kwartaal=3.');
  }
  for (const [naam, tekst] of [['jaar', jaar], ['kwartaal', kwartaal]] as const) {
    if (!/^\d{1,4}$/.test(tekst)) throw routeError(400, ErrorCode.BAD_USER_INPUT, `Parameter ${naam} moet een geheel getal zijn (ontvangen: "${tekst}").`);
  }
  return { module: module.toUpperCase(), jaar: Number(jaar), kwartaal: Number(kwartaal) };
}

/** Answers a template (base64 from the graph) as an xlsx download named `naam`. */
function stuurSjabloon(res: express.Response, naam: string, base64: unknown): void {
  res
    .status(200)
    .type(XLSX_MIME)
    .set('content-disposition', `attachment; filename="${naam.replace(/[^\w.-]/g, '_')}"`)
    .send(Buffer.from(base64 as string, 'base64'));
}

const CSV_MIME = 'text/csv';
const lezers = {
  xlsx: express.raw({ type: [XLSX_MIME, 'application/octet-stream'], limit: `${MAX_BESTAND_MB}mb` }),
  csv: express.raw({ type: [CSV_MIME, 'text/plain', 'application/octet-stream'], limit: `${MAX_BESTAND_MB}mb` }),
};

/** Reads the body (xlsx or CSV) after authentication, so an unknown caller never makes the hub read 5 MB. */
function bestandUit(req: express.Request, res: express.Response, soort: keyof typeof lezers = 'xlsx'): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    lezers[soort](req, res, (error?: unknown) => {
      const status = (error as { status?: number } | undefined)?.status;
      if (status === 413) {
        return reject(routeError(413, 'PAYLOAD_TOO_LARGE', `Het bestand is te groot (maximaal ${MAX_BESTAND_MB} MB). Een ingevuld sjabloon is meestal kleiner dan 100 kB.`));
      }
      if (error) return reject(routeError(400, ErrorCode.BAD_USER_INPUT, 'Het bestand kon niet worden gelezen.'));
      if (!Buffer.isBuffer(req.body)) {
        return reject(routeError(415, ErrorCode.BAD_USER_INPUT, `Stuur het bestand als Content-Type ${soort === 'xlsx' ? XLSX_MIME : CSV_MIME}.`));
      }
      resolve(req.body);
    });
  });
}

/**
 * The quarterly report as Excel: GET /import/kwartaalrapportage/sjabloon.xlsx?module=…&jaar=…&kwartaal=…
 * gives the template; POST /import/kwartaalrapportage.xlsx with the filled-in file saves it as the
 * draft (optionally ?module&jaar&kwartaal: the file must be for that report). POST /import/inwoners,
 * /import/begrotingen and /import/verdeelsleutels (.xlsx or .csv, ?proefdraai=ja) are the beheerder's
 * imports; GET /import/begrotingen/sjabloon.xlsx?jaar= and /import/verdeelsleutels/sjabloon.xlsx?jaar=
 * their templates. POST /import/realisatie (.xlsx or .csv, ?proefdraai=ja) records quarterly realisation
 * (beheerder, module manager), GET /import/realisatie/sjabloon.xlsx?module=&jaar=&kwartaal= its template.
 * Errors as { errors: […] }.
 */
export function importRouter(apollo: ApolloServer<Context>, identify: (req: express.Request) => Promise<Identity>, context: (identity: Identity) => Context) {
  const router = express.Router();
  router.get(
    '/kwartaalrapportage/sjabloon.xlsx',
    handleRoute(async (req, res) => {
      const identity = await caller(identify, req);
      const rapportage = kwartaalUit(req.query, true)!;
      const data = await runAsCaller(apollo, SJABLOON, { rapportage }, context(identity));
      stuurSjabloon(res, `kwartaalrapportage-${rapportage.module}-${rapportage.jaar}-K${rapportage.kwartaal}.xlsx`, data.kwartaalrapportageSjabloon);
    }),
  );

  router.get(
    '/realisatie/sjabloon.xlsx',
    handleRoute(async (req, res) => {
      const identity = await caller(identify, req);
      const k = kwartaalUit(req.query, true)!;
      const data = await runAsCaller(apollo, REALISATIE_SJABLOON, k, context(identity));
      stuurSjabloon(res, `realisatie-${k.module}-${k.jaar}-K${k.kwartaal}.xlsx`, data.realisatieSjabloon);
    }),
  );

  router.post(
    '/kwartaalrapportage.xlsx',
    handleRoute(async (req, res) => {
      const identity = await caller(identify, req);
      const verwacht = kwartaalUit(req.query, false);
      const bestand = await bestandUit(req, res);
      const data = await runAsCaller(apollo, UPLOADEN, { bestand: bestand.toString('base64'), verwacht }, context(identity));
      res.status(200).json({ data });
    }),
  );

  // Inhabitants (CBS StatLine), budget versions and allocation keys (beheerder), quarterly realisation
  // (beheerder, module manager): the same mutations as the graph; ?proefdraai=ja checks everything and writes nothing.
  for (const [naam, beheer] of Object.entries(BEHEER_IMPORTS)) {
    for (const soort of ['xlsx', 'csv'] as const) {
      router.post(
        `/${naam}.${soort}`,
        handleRoute(async (req, res) => {
          const identity = await caller(identify, req);
          const proefdraai = proefdraaiUit(req.query);
          const bestand = await bestandUit(req, res, soort);
          const data = await runAsCaller(apollo, beheerImport(beheer), { bestand: bestand.toString('base64'), bestandsnaam: `${naam}.${soort}`, proefdraai }, context(identity));
          res.status(200).json({ data });
        }),
      );
    }
  }
  for (const [naam, query] of Object.entries(BEHEER_SJABLONEN)) {
    router.get(
      `/${naam}/sjabloon.xlsx`,
      handleRoute(async (req, res) => {
        const identity = await caller(identify, req);
        const jaar = typeof req.query.jaar === 'string' ? req.query.jaar.trim() : '';
        if (!/^\d{1,4}$/.test(jaar)) throw routeError(400, ErrorCode.BAD_USER_INPUT, `Geef het jaar mee, bijvoorbeeld ?jaar=2027 (ontvangen: "${jaar}").`);
        const data = await runAsCaller(apollo, `query Sjabloon($jaar: Int!) { ${query}(jaar: $jaar) }`, { jaar: Number(jaar) }, context(identity));
        stuurSjabloon(res, `${naam}-${jaar}.xlsx`, data[query]);
      }),
    );
  }
  return router;
}
