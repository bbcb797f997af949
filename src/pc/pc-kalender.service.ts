import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { vandaag, type Context } from '../context.js';
import { notFound } from '../core/errors.js';
import { gemeenteLezen, type GemeenteType } from '../gemeente/gemeente.types.js';
import { zienswijzeGemeente } from './pc.access.js';
import { PcDocument, PcDocumentSoort, PcStap, Zienswijze } from './pc.entity.js';
import { DEELNEMENDE_RADEN_SQL } from './pc.service.js';
import {
  OpenstaandeZienswijzenType,
  pcDocumentLezen,
  PcTermijnType,
  termijnregelLezen,
  TermijnStatus,
  zienswijzeLezen,
  type PcDocumentType,
  type TermijnregelType,
  type ZienswijzeType,
} from './pc.types.js';
import { plusDagen, SOORTEN_BEGROTINGSJAAR, SOORTEN_VERSLAGJAAR, uitersteDatum } from './termijn.js';

/** Documents, newest year first, filtered by year and kind. */
export function zoekPcDocumenten(em: EntityManager, jaar?: number, soort?: PcDocumentSoort): Promise<PcDocumentType[]> {
  return pcDocumentLezen.find(em, { ...(jaar !== undefined ? { jaar } : {}), ...(soort ? { soort } : {}) }, { orderBy: { jaar: 'desc', soort: 'asc', id: 'asc' } });
}

export async function leesPcDocument(em: EntityManager, id: number): Promise<PcDocumentType> {
  const [document] = await pcDocumentLezen.find(em, { id });
  if (!document) throw notFound('P&C-stuk', String(id));
  return document;
}

/** The zienswijzen the identity may see (zienswijzeGemeente), as a filter. */
export function zichtbareZienswijzen(ctx: Pick<Context, 'identity'>): FilterQuery<Zienswijze> {
  const eigen = zienswijzeGemeente(ctx.identity);
  return eigen ? { gemeente: { cbsCode: eigen } } : {};
}

/** The zienswijzen of documents (one statement per request, however many documents). */
export function zienswijzenVan(ctx: Context, documentId: number): Promise<ZienswijzeType[]> {
  return ctx.loaders.readManyBy(zienswijzeLezen, { relation: 'document', key: 'documentId' }, zichtbareZienswijzen(ctx), { ontvangenOp: 'asc', id: 'asc' }).load(documentId);
}

/** Per document: the participating raden (gemeente ids), in one statement for all documents asked. */
function deelnemendeRaden(ctx: Context): { load(id: number): Promise<number[]> } {
  return ctx.loaders.custom<number, number[]>('pc#deelnemendeRaden', async (ids) => {
    const rijen = await ctx.em.getConnection().execute<{ document_id: number; gemeente_id: number }[]>(DEELNEMENDE_RADEN_SQL, [`{${ids.join(',')}}`]);
    return ids.map((id) => rijen.filter((r) => r.document_id === id).map((r) => r.gemeente_id));
  });
}

/** Gemeenten by id, through the request's loader (one statement for all). */
async function gemeenten(ctx: Context, ids: readonly number[]): Promise<GemeenteType[]> {
  const rijen = await ctx.loaders.read(gemeenteLezen).loadMany([...ids]);
  return rijen.filter((r): r is GemeenteType => r !== null && !(r instanceof Error)).sort((a, b) => a.naam.localeCompare(b.naam, 'nl'));
}

/** Participating raden without a zienswijze yet, and the term; a gemeente sees its own raad only. */
export async function openstaandeZienswijzen(ctx: Context, document: PcDocumentType): Promise<OpenstaandeZienswijzenType> {
  const [raden, zienswijzen] = await Promise.all([deelnemendeRaden(ctx).load(document.id), zienswijzenVan(ctx, document.id)]);
  const gegeven = new Set(zienswijzen.map((z) => z.gemeenteId));
  const eigen = zienswijzeGemeente(ctx.identity);
  const open = await gemeenten(ctx, raden.filter((id) => !gegeven.has(id)));
  return Object.assign(new OpenstaandeZienswijzenType(), {
    termijnTot: document.zienswijzetermijnTot,
    gemeenten: eigen ? open.filter((g) => g.cbsCode === eigen) : open,
  });
}

function status(uiterlijk: string | null, gedaanOp: string | null, nu: string): TermijnStatus {
  if (gedaanOp !== null) return uiterlijk !== null && gedaanOp > uiterlijk ? TermijnStatus.GEDAAN_TE_LAAT : TermijnStatus.GEDAAN;
  if (uiterlijk === null) return TermijnStatus.OPEN;
  return nu > uiterlijk ? TermijnStatus.TE_LAAT : TermijnStatus.OP_TIJD;
}

function gedaanOp(document: PcDocumentType, stap: PcStap): string | null {
  if (stap === PcStap.VERZONDEN_AAN_RADEN) return document.verzondenAanRadenOp;
  if (stap === PcStap.VASTGESTELD) return document.vastgesteldOp;
  if (stap === PcStap.VERZONDEN_AAN_TOEZICHTHOUDER) return document.verzondenAanToezichthouderOp;
  return null;
}

/**
 * Every deadline of the cycle of begrotingsjaar `jaar`: the kadernota, (ontwerp)begroting,
 * wijzigingen and uitvoeringsprogramma of `jaar`; the voorlopige jaarrekening and jaarrekening of
 * `jaar − 2`, which the Wgr puts in the same year `jaar − 1` (art. 34b: both before 30 April); and
 * the uitvoeringsplannen that cover `jaar`. Due dates come from the rules as they are now; a
 * zienswijze's due date is the term the raden were given when the document was sent. Four
 * statements, whatever the number of documents and raden.
 */
export async function pcKalender(ctx: Context, jaar: number): Promise<PcTermijnType[]> {
  const em = ctx.em;
  const documenten = await pcDocumentLezen.find(
    em,
    {
      $or: [
        { soort: { $in: SOORTEN_BEGROTINGSJAAR }, jaar },
        { soort: { $in: SOORTEN_VERSLAGJAAR }, jaar: jaar - 2 },
        { soort: PcDocumentSoort.UITVOERINGSPLAN, jaar: { $lte: jaar }, $or: [{ totJaar: { $gte: jaar } }, { totJaar: null, jaar }] },
      ],
    } as FilterQuery<PcDocument>,
    { orderBy: { id: 'asc' } },
  );
  if (documenten.length === 0) return [];
  for (const d of documenten) ctx.loaders.prime(pcDocumentLezen, d);
  const regels = await termijnregelLezen.find(em, { documentsoort: { $in: [...new Set(documenten.map((d) => d.soort))] } }, { orderBy: { id: 'asc' } });
  const ids = documenten.map((d) => d.id);
  const [raden, zienswijzen] = await Promise.all([
    Promise.all(ids.map((id) => deelnemendeRaden(ctx).load(id))),
    zienswijzeLezen.find(em, { $and: [{ document: { $in: ids } }, zichtbareZienswijzen(ctx)] }),
  ]);
  const eigen = zienswijzeGemeente(ctx.identity);
  const alleRaden = await gemeenten(ctx, [...new Set(raden.flat())]);
  const nu = vandaag(ctx);
  const rijen: PcTermijnType[] = [];
  documenten.forEach((document, i) => {
    for (const regel of regels.filter((r) => r.documentsoort === document.soort)) {
      if (regel.stap !== PcStap.ZIENSWIJZE) {
        const uiterlijk = uitersteDatum(regel, document);
        rijen.push(rij(document, regel, null, uiterlijk, gedaanOp(document, regel.stap), nu));
        continue;
      }
      const uiterlijk = document.zienswijzetermijnTot ?? uitersteDatum(regel, document);
      for (const gemeente of alleRaden.filter((g) => raden[i].includes(g.id) && (eigen === null || g.cbsCode === eigen))) {
        const zienswijze = zienswijzen.find((z) => z.documentId === document.id && z.gemeenteId === gemeente.id);
        rijen.push(rij(document, regel, gemeente, uiterlijk, zienswijze?.ontvangenOp ?? null, nu));
      }
    }
  });
  // Soonest first; deadlines not yet known last.
  return rijen.sort((a, b) => (a.uiterlijk ?? '9999').localeCompare(b.uiterlijk ?? '9999') || a.document.id - b.document.id || (a.gemeente?.naam ?? '').localeCompare(b.gemeente?.naam ?? '', 'nl'));
}

function rij(document: PcDocumentType, regel: TermijnregelType, gemeente: GemeenteType | null, uiterlijk: string | null, gedaan: string | null, nu: string): PcTermijnType {
  return Object.assign(new PcTermijnType(), { document, regel, gemeente, uiterlijk, gedaanOp: gedaan, status: status(uiterlijk, gedaan, nu) });
}

/**
 * "Wat komt eraan": the deadlines not yet done that fall due within `weken` weeks from today, plus
 * those already overdue, soonest first. A deadline of today's work belongs to the cycles of this
 * year, next year and the year after (the begroting of J is made in J − 1); a document in several
 * cycles (an uitvoeringsplan) counts once.
 */
export async function komendeTermijnen(ctx: Context, weken: number): Promise<PcTermijnType[]> {
  const nu = vandaag(ctx);
  const tot = plusDagen(nu, weken * 7);
  const jaar = Number(nu.slice(0, 4));
  const gezien = new Set<string>();
  const rijen: PcTermijnType[] = [];
  for (const cyclus of [jaar, jaar + 1, jaar + 2]) {
    for (const rij of await pcKalender(ctx, cyclus)) {
      const sleutel = `${rij.document.id}/${rij.regel.id}/${rij.gemeente?.id ?? ''}`;
      if (gezien.has(sleutel) || rij.gedaanOp !== null || rij.uiterlijk === null || rij.uiterlijk > tot) continue;
      gezien.add(sleutel);
      rijen.push(rij);
    }
  }
  return rijen.sort((a, b) => a.uiterlijk!.localeCompare(b.uiterlijk!) || a.document.id - b.document.id || (a.gemeente?.naam ?? '').localeCompare(b.gemeente?.naam ?? '', 'nl'));
}

export function zoekTermijnregels(em: EntityManager): Promise<TermijnregelType[]> {
  return termijnregelLezen.find(em, {}, { orderBy: { id: 'asc' } });
}
