import type { ApolloServer } from '@apollo/server';
import express from 'express';
import type { GraphQLFormattedError } from 'graphql';
import type { Identity } from '../auth/identity.js';
import type { Context } from '../context.js';
import { ErrorCode } from '../core/errors.js';
import { XLSX_MIME } from '../rapportage/rapportage-excel.service.js';

/** Largest file the upload route reads; a filled-in template is some tens of kilobytes. */
export const MAX_BESTAND_MB = 5;

// The routes run the graph's own operations as the caller (like /export): the role check, the scope and
// every rule stay in the resolver and the service; this file only moves bytes and maps codes to HTTP.
const SJABLOON = 'query Sjabloon($rapportage: RapportageKwartaal!) { kwartaalrapportageSjabloon(rapportage: $rapportage) }';
const UPLOADEN = `mutation Uploaden($bestand: String!, $verwacht: RapportageKwartaal) {
  kwartaalrapportageUploaden(bestand: $bestand, verwacht: $verwacht) { id module { code } jaar kwartaal versie status revisie }
}`;

const HTTP_STATUS: Record<string, number> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.INVALID_STATUS]: 409,
  [ErrorCode.RATE_LIMITED]: 429,
  [ErrorCode.INTERNAL_SERVER_ERROR]: 500,
  [ErrorCode.DATABASE_UNAVAILABLE]: 503,
};

class ImportFout extends Error {
  constructor(
    readonly status: number,
    readonly fouten: readonly GraphQLFormattedError[],
  ) {
    super(fouten[0]?.message);
  }
}

const fout = (status: number, code: string, message: string) => new ImportFout(status, [{ message, extensions: { code } }]);

/** The report a request names in its query string (module, jaar, kwartaal), or null when it names none. */
function kwartaalUit(query: express.Request['query'], verplicht: boolean): { module: string; jaar: number; kwartaal: number } | null {
  const [module, jaar, kwartaal] = ['module', 'jaar', 'kwartaal'].map((naam) => (typeof query[naam] === 'string' ? (query[naam] as string).trim() : ''));
  if (!verplicht && !module && !jaar && !kwartaal) return null;
  if (!module || !jaar || !kwartaal) {
    throw fout(400, ErrorCode.BAD_USER_INPUT, 'Geef module, jaar en kwartaal mee, bijvoorbeeld ?module=WGSW&jaar=2025&kwartaal=3.');
  }
  for (const [naam, tekst] of [['jaar', jaar], ['kwartaal', kwartaal]] as const) {
    if (!/^\d{1,4}$/.test(tekst)) throw fout(400, ErrorCode.BAD_USER_INPUT, `Parameter ${naam} moet een geheel getal zijn (ontvangen: "${tekst}").`);
  }
  return { module: module.toUpperCase(), jaar: Number(jaar), kwartaal: Number(kwartaal) };
}

async function voerUit(apollo: ApolloServer<Context>, query: string, variables: Record<string, unknown>, context: Context): Promise<Record<string, unknown>> {
  const response = await apollo.executeOperation({ query, variables }, { contextValue: context });
  if (response.body.kind !== 'single') throw fout(500, ErrorCode.INTERNAL_SERVER_ERROR, 'Onverwacht antwoord.');
  const { data, errors } = response.body.singleResult;
  if (errors?.length) {
    // The operation is the route's own, so its locations and path mean nothing to the caller.
    const fouten = errors.map(({ message, extensions }) => {
      const { stacktrace: _stacktrace, ...rest } = extensions ?? {};
      return { message, extensions: rest };
    });
    throw new ImportFout(HTTP_STATUS[String(errors[0].extensions?.code)] ?? 400, fouten);
  }
  return data as Record<string, unknown>;
}

const leesBestand = express.raw({ type: [XLSX_MIME, 'application/octet-stream'], limit: `${MAX_BESTAND_MB}mb` });

/** Reads the xlsx body after authentication, so an unknown caller never makes the hub read 5 MB. */
function bestandUit(req: express.Request, res: express.Response): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    leesBestand(req, res, (error?: unknown) => {
      const status = (error as { status?: number } | undefined)?.status;
      if (status === 413) {
        return reject(fout(413, 'PAYLOAD_TOO_LARGE', `Het bestand is te groot (maximaal ${MAX_BESTAND_MB} MB). Een ingevuld sjabloon is meestal kleiner dan 100 kB.`));
      }
      if (error) return reject(fout(400, ErrorCode.BAD_USER_INPUT, 'Het bestand kon niet worden gelezen.'));
      if (!Buffer.isBuffer(req.body)) {
        return reject(fout(415, ErrorCode.BAD_USER_INPUT, `Stuur het bestand als Content-Type ${XLSX_MIME}.`));
      }
      resolve(req.body);
    });
  });
}

/**
 * The quarterly report as Excel: GET /import/kwartaalrapportage/sjabloon.xlsx?module=…&jaar=…&kwartaal=…
 * gives the template; POST /import/kwartaalrapportage.xlsx with the filled-in file saves it as the
 * draft (optionally ?module&jaar&kwartaal: the file must be for that report). Errors as { errors: […] }.
 */
export function importRouter(apollo: ApolloServer<Context>, identify: (req: express.Request) => Promise<Identity>, context: (identity: Identity) => Context) {
  const router = express.Router();
  const aanvrager = (req: express.Request) =>
    identify(req).catch((error: { extensions?: { code?: string; http?: { status?: number } }; message: string }) => {
      throw fout(error.extensions?.http?.status ?? 401, error.extensions?.code ?? ErrorCode.UNAUTHENTICATED, error.message);
    });
  const afhandelen = (stap: (req: express.Request, res: express.Response) => Promise<void>) => async (req: express.Request, res: express.Response) => {
    try {
      await stap(req, res);
    } catch (error) {
      if (!(error instanceof ImportFout)) throw error;
      res.status(error.status).json({ errors: error.fouten });
    }
  };

  router.get(
    '/kwartaalrapportage/sjabloon.xlsx',
    afhandelen(async (req, res) => {
      const identity = await aanvrager(req);
      const rapportage = kwartaalUit(req.query, true)!;
      const data = await voerUit(apollo, SJABLOON, { rapportage }, context(identity));
      const naam = `kwartaalrapportage-${rapportage.module}-${rapportage.jaar}-K${rapportage.kwartaal}.xlsx`;
      res
        .status(200)
        .type(XLSX_MIME)
        .set('content-disposition', `attachment; filename="${naam.replace(/[^\w.-]/g, '_')}"`)
        .send(Buffer.from(data.kwartaalrapportageSjabloon as string, 'base64'));
    }),
  );

  router.post(
    '/kwartaalrapportage.xlsx',
    afhandelen(async (req, res) => {
      const identity = await aanvrager(req);
      const verwacht = kwartaalUit(req.query, false);
      const bestand = await bestandUit(req, res);
      const data = await voerUit(apollo, UPLOADEN, { bestand: bestand.toString('base64'), verwacht }, context(identity));
      res.status(200).json({ data });
    }),
  );
  return router;
}
