import type { EntityManager } from '@mikro-orm/postgresql';
import { audit, momentopname } from '../audit/audit.service.js';
import { Begroting } from '../begroting/begroting.entity.js';
import { Jaarrekening } from '../begroting/jaarrekening.entity.js';
import { vandaag, type Schrijver } from '../context.js';
import { ErrorCode, hubError, notFound } from '../core/errors.js';
import { gemeenteMetCode } from '../gemeente/gemeente.service.js';
import { moduleMetCode } from '../module/module.service.js';
import { PcDocument, PcDocumentBegroting, PcDocumentJaarrekening, PcDocumentModule, PcDocumentSoort, PcDocumentStatus, PcStap, Termijnregel, TermijnSoort, Zienswijze } from './pc.entity.js';
import type { PcDocumentInvoer, TermijnregelInvoer, ZienswijzeInvoer, ZienswijzeReactieInvoer } from './pc.inputs.js';
import { bestaandeDatum, uitersteDatum } from './termijn.js';

const VOLGORDE = Object.values(PcDocumentStatus);
const PLANNEN = [PcDocumentSoort.UITVOERINGSPLAN];
/** The kinds of document that carry jaarrekeningen. */
const JAARREKENINGSTUKKEN = [PcDocumentSoort.JAARREKENING, PcDocumentSoort.VOORLOPIGE_JAARREKENING];

const fout = (melding: string, details: Record<string, unknown> = {}) => hubError(ErrorCode.BAD_USER_INPUT, melding, details);

/** An id argument as a positive integer, or BAD_USER_INPUT. */
export function idVan(waarde: string | number, wat: string): number {
  // Digits only: Number() would also take " 3", "0x3" and "3e0".
  const id = /^[0-9]{1,9}$/.test(String(waarde)) ? Number(waarde) : 0;
  if (id < 1) throw fout(`${wat} "${String(waarde).slice(0, 40)}" is geen geldig id.`);
  return id;
}

/** A date of a step may not lie after today by the hub's clock: the hub records what happened. */
export function vereisNietInToekomst(datum: string, wat: string, ctx: Schrijver): void {
  const nu = vandaag(ctx);
  if (datum > nu) throw fout(`De datum ${wat} (${datum}) ligt na vandaag (${nu}); leg een stap vast nadat die is gezet.`, { datum });
}

export async function documentMetId(em: EntityManager, id: number): Promise<PcDocument> {
  const document = await em.findOne(PcDocument, { id });
  if (!document) throw notFound('P&C-stuk', String(id));
  return document;
}

/** Status moves forward only; going back or staying is a CONFLICT with the document's state. */
function vereisVooruit(document: PcDocument, naar: PcDocumentStatus): void {
  if (VOLGORDE.indexOf(naar) <= VOLGORDE.indexOf(document.status)) {
    throw hubError(
      ErrorCode.CONFLICT,
      `"${document.titel}" heeft status ${document.status}; naar ${naar} kan niet: de status van een P&C-stuk gaat alleen vooruit (${VOLGORDE.join(' → ')}).`,
      { status: document.status, naar },
    );
  }
}

/** Adds a document as CONCEPT (beheerder), with its modules and the budget versions or jaarrekeningen it carries. */
export function pcDocumentToevoegen(ctx: Schrijver, invoer: PcDocumentInvoer): Promise<PcDocument> {
  const titel = invoer.titel.trim();
  if (!titel) throw fout('Geef het stuk een titel.');
  const totJaar = invoer.totJaar ?? null;
  if (totJaar !== null && !PLANNEN.includes(invoer.soort)) throw fout(`Alleen een uitvoeringsplan loopt over meer jaren; laat totJaar leeg voor een ${invoer.soort.toLowerCase()}.`);
  if (totJaar !== null && (totJaar < invoer.jaar || totJaar > invoer.jaar + 9)) {
    throw fout(`totJaar (${totJaar}) moet op of na jaar (${invoer.jaar}) liggen, en hoogstens 9 jaar verder.`);
  }
  const jaarrekeningen = [...new Set((invoer.jaarrekeningen ?? []).map((m) => m.trim().toUpperCase()))];
  if (jaarrekeningen.length && !JAARREKENINGSTUKKEN.includes(invoer.soort)) {
    throw fout(`Alleen een jaarrekening of voorlopige jaarrekening draagt jaarrekeningen; laat jaarrekeningen leeg voor een ${invoer.soort.toLowerCase()}.`);
  }
  return ctx.em.transactional(async (em) => {
    if (await em.count(PcDocument, { soort: invoer.soort, jaar: invoer.jaar, titel })) {
      throw hubError(ErrorCode.CONFLICT, `Er is al een ${invoer.soort.toLowerCase()} ${invoer.jaar} met de titel "${titel}".`);
    }
    const document = em.create(PcDocument, { soort: invoer.soort, jaar: invoer.jaar, totJaar, titel, status: PcDocumentStatus.CONCEPT });
    // An explicit null is "none", as leaving the field out is (the default only applies when it is left out).
    const codes = [...new Set((invoer.modules ?? []).map((m) => m.trim()))];
    for (const code of codes) em.create(PcDocumentModule, { document, module: await moduleMetCode(em, code) });
    const versies: string[] = [];
    for (const v of invoer.begrotingen ?? []) {
      const module = await moduleMetCode(em, v.module);
      const begroting = await em.findOne(Begroting, { module, jaar: invoer.jaar, soort: v.soort, volgnummer: v.volgnummer ?? 0 });
      if (!begroting) throw fout(`Er is geen begrotingsversie ${v.soort} ${v.volgnummer ?? 0} van ${module.code} voor ${invoer.jaar}.`);
      if (await em.count(PcDocumentBegroting, { begroting })) throw hubError(ErrorCode.CONFLICT, `De begrotingsversie ${v.soort} ${invoer.jaar} van ${module.code} hoort al bij een ander stuk.`);
      em.create(PcDocumentBegroting, { document, begroting });
      versies.push(`${module.code}/${v.soort}/${v.volgnummer ?? 0}`);
    }
    for (const code of jaarrekeningen) {
      const module = await moduleMetCode(em, code);
      const jaarrekening = await em.findOne(Jaarrekening, { module, jaar: invoer.jaar });
      if (!jaarrekening) throw fout(`${module.code} heeft over ${invoer.jaar} (nog) geen jaarrekening; leg die eerst vast met jaarrekeningVastleggen.`);
      // The voorlopige and the vastgestelde jaarrekening may carry the same figures, but each kind once.
      if (await em.count(PcDocumentJaarrekening, { jaarrekening, document: { soort: invoer.soort } })) {
        throw hubError(ErrorCode.CONFLICT, `De jaarrekening ${invoer.jaar} van ${module.code} hoort al bij een andere ${invoer.soort.toLowerCase().replace('_', ' ')}.`);
      }
      em.create(PcDocumentJaarrekening, { document, jaarrekening });
    }
    await em.flush();
    audit(em, ctx, 'PC_DOCUMENT_TOEGEVOEGD', 'PcDocument', document.id, null, {
      ...(momentopname(document) as object),
      modules: codes,
      begrotingen: versies,
      jaarrekeningen,
    });
    return document;
  });
}

/** The rule of a step for a document kind, if any. */
function regelVoor(em: EntityManager, soort: PcDocumentSoort, stap: PcStap): Promise<Termijnregel | null> {
  return em.findOne(Termijnregel, { documentsoort: soort, stap });
}

/**
 * One step forward: the document's date for the step is set and checked (not after today, not
 * before the step it follows), all in one transaction with the audit entry.
 */
async function zetStap(
  ctx: Schrijver,
  id: number,
  naar: PcDocumentStatus,
  datum: string,
  actie: string,
  wijzig: (em: EntityManager, document: PcDocument) => Promise<void> | void,
): Promise<PcDocument> {
  return ctx.em.transactional(async (em) => {
    const document = await documentMetId(em, id);
    vereisVooruit(document, naar);
    const voor = momentopname(document);
    await wijzig(em, document);
    document.status = naar;
    await em.flush();
    audit(em, ctx, actie, 'PcDocument', document.id, voor, { ...(momentopname(document) as object), datum });
    return document;
  });
}

/** Sent to the raden (voor zienswijze, or for information); the term end follows from the rule. */
export function pcDocumentVoorZienswijze(ctx: Schrijver, id: number, verzondenOp: string): Promise<PcDocument> {
  vereisNietInToekomst(verzondenOp, 'van verzending aan de raden', ctx);
  return zetStap(ctx, id, PcDocumentStatus.VOOR_ZIENSWIJZE, verzondenOp, 'PC_DOCUMENT_VOOR_ZIENSWIJZE', async (em, document) => {
    document.verzondenAanRadenOp = verzondenOp;
    const regel = await regelVoor(em, document.soort, PcStap.ZIENSWIJZE);
    document.zienswijzetermijnTot = regel ? uitersteDatum(regel, { jaar: document.jaar, verzondenAanRadenOp: verzondenOp, vastgesteldOp: null }) : null;
  });
}

/** Adopted by the AB; not before the raden's term has ended (Wgr art. 35 lid 1: 12 weeks before the AB). */
export function pcDocumentVaststellen(ctx: Schrijver, id: number, vastgesteldOp: string): Promise<PcDocument> {
  vereisNietInToekomst(vastgesteldOp, 'van vaststelling', ctx);
  return zetStap(ctx, id, PcDocumentStatus.VASTGESTELD, vastgesteldOp, 'PC_DOCUMENT_VASTGESTELD', (_em, document) => {
    if (document.verzondenAanRadenOp && vastgesteldOp < document.verzondenAanRadenOp) {
      throw fout(`De vaststelling (${vastgesteldOp}) ligt vóór de verzending aan de raden (${document.verzondenAanRadenOp}).`);
    }
    if (document.zienswijzetermijnTot && vastgesteldOp <= document.zienswijzetermijnTot) {
      throw fout(
        `Het algemeen bestuur kan "${document.titel}" pas vaststellen na afloop van de zienswijzetermijn van de raden (tot en met ${document.zienswijzetermijnTot}); ` +
          `${vastgesteldOp} is te vroeg.`,
        { zienswijzetermijnTot: document.zienswijzetermijnTot },
      );
    }
    document.vastgesteldOp = vastgesteldOp;
  });
}

/** Sent to the toezichthouder (GS) after adoption. */
export function pcDocumentVerzenden(ctx: Schrijver, id: number, verzondenOp: string): Promise<PcDocument> {
  vereisNietInToekomst(verzondenOp, 'van verzending aan de toezichthouder', ctx);
  return zetStap(ctx, id, PcDocumentStatus.VERZONDEN, verzondenOp, 'PC_DOCUMENT_VERZONDEN', (_em, document) => {
    if (!document.vastgesteldOp) {
      throw hubError(ErrorCode.CONFLICT, `"${document.titel}" is nog niet vastgesteld; de toezichthouder krijgt alleen een vastgesteld stuk (Wgr art. 34 lid 2, 34a).`);
    }
    if (verzondenOp < document.vastgesteldOp) throw fout(`De verzending (${verzondenOp}) ligt vóór de vaststelling (${document.vastgesteldOp}).`);
    document.verzondenAanToezichthouderOp = verzondenOp;
  });
}

/**
 * Whether a gemeente is a participating raad of the document: a deelname in one of its modules (or a
 * submodule of one; every module when none is named) during the document's year.
 */
async function isDeelnemendeRaad(em: EntityManager, documentId: number, gemeenteId: number): Promise<boolean> {
  const rijen = await em.getConnection().execute<{ n: number }[]>(`select count(*)::int as n from (${DEELNEMENDE_RADEN_SQL}) r where r.gemeente_id = ?`, [`{${documentId}}`, gemeenteId]);
  return rijen[0].n > 0;
}

/**
 * The participating raden of documents (parameter: int[] of document ids): gemeenten with a deelname
 * in one of the document's modules or their submodules, or in any module when the document names
 * none, running during any part of the document's year. One statement for any number of documents.
 */
export const DEELNEMENDE_RADEN_SQL = `
  select distinct d.id as document_id, dn.gemeente_id
  from pc_document d
  join deelname dn on dn.vanaf < make_date(d.jaar + 1, 1, 1) and (dn.tot is null or dn.tot > make_date(d.jaar, 1, 1))
  join module m on m.id = dn.module_id
  where d.id = any(?::int[])
    and (not exists (select 1 from pc_document_module pm where pm.document_id = d.id)
         or exists (select 1 from pc_document_module pm where pm.document_id = d.id and pm.module_id in (m.id, m.hoofdmodule_id)))`;

/** Records a raad's zienswijze; one per document and raad. Late ones are recorded and flagged. */
export function zienswijzeVastleggen(ctx: Schrijver, invoer: ZienswijzeInvoer): Promise<Zienswijze> {
  const samenvatting = invoer.samenvatting.trim();
  if (!samenvatting) throw fout('Geef een samenvatting van de zienswijze.');
  vereisNietInToekomst(invoer.ontvangenOp, 'van ontvangst', ctx);
  const id = idVan(invoer.document, 'P&C-stuk');
  return ctx.em.transactional(async (em) => {
    const document = await documentMetId(em, id);
    const gemeente = await gemeenteMetCode(em, invoer.gemeente.trim().toUpperCase());
    if (!document.verzondenAanRadenOp) throw hubError(ErrorCode.CONFLICT, `"${document.titel}" is nog niet aan de raden verzonden; er kan nog geen zienswijze op zijn.`);
    if (invoer.ontvangenOp < document.verzondenAanRadenOp) {
      throw fout(`De zienswijze is ontvangen (${invoer.ontvangenOp}) vóór het stuk aan de raden is verzonden (${document.verzondenAanRadenOp}).`);
    }
    if (!(await isDeelnemendeRaad(em, document.id, gemeente.id))) {
      throw fout(`${gemeente.naam} neemt in ${document.jaar} niet deel aan de modules van "${document.titel}"; haar raad is voor dit stuk geen deelnemende raad.`);
    }
    if (await em.count(Zienswijze, { document, gemeente })) throw hubError(ErrorCode.CONFLICT, `De zienswijze van ${gemeente.naam} op "${document.titel}" is al vastgelegd.`);
    const zienswijze = em.create(Zienswijze, { document, gemeente, ontvangenOp: invoer.ontvangenOp, samenvatting });
    await em.flush();
    const teLaat = document.zienswijzetermijnTot !== null && document.zienswijzetermijnTot !== undefined && invoer.ontvangenOp > document.zienswijzetermijnTot;
    audit(em, ctx, 'ZIENSWIJZE_VASTGELEGD', 'Zienswijze', zienswijze.id, null, { ...(momentopname(zienswijze) as object), teLaat });
    return zienswijze;
  });
}

/** The DB's written reaction to a zienswijze and, once decided, whether the AB followed it. */
export function zienswijzeBeantwoorden(ctx: Schrijver, invoer: ZienswijzeReactieInvoer): Promise<Zienswijze> {
  const reactie = invoer.reactie.trim();
  if (!reactie) throw fout('Geef de reactie van het dagelijks bestuur.');
  vereisNietInToekomst(invoer.reactieOp, 'van de reactie', ctx);
  const id = idVan(invoer.zienswijze, 'Zienswijze');
  return ctx.em.transactional(async (em) => {
    const zienswijze = await em.findOne(Zienswijze, { id });
    if (!zienswijze) throw notFound('Zienswijze', String(id));
    if (invoer.reactieOp < zienswijze.ontvangenOp) throw fout(`De reactie (${invoer.reactieOp}) ligt vóór de ontvangst van de zienswijze (${zienswijze.ontvangenOp}).`);
    const voor = momentopname(zienswijze);
    Object.assign(zienswijze, { reactieDb: reactie, reactieDbOp: invoer.reactieOp, gevolgdDoorAb: invoer.gevolgdDoorAb ?? zienswijze.gevolgdDoorAb ?? null });
    await em.flush();
    audit(em, ctx, 'ZIENSWIJZE_BEANTWOORD', 'Zienswijze', zienswijze.id, voor, momentopname(zienswijze));
    return zienswijze;
  });
}

/** Changes a calendar rule's shape (beheerder); the calendar computes every due date anew from it. */
export function termijnregelWijzigen(ctx: Schrijver, invoer: TermijnregelInvoer): Promise<Termijnregel> {
  const vorm = {
    soort: invoer.soort,
    weken: invoer.weken ?? null,
    naStap: invoer.naStap ?? null,
    voorMaand: invoer.voorMaand ?? null,
    voorDag: invoer.voorDag ?? null,
    jaarVerschil: invoer.jaarVerschil ?? null,
  };
  const metDatum = invoer.soort !== TermijnSoort.WEKEN_NA;
  const metWeken = invoer.soort !== TermijnSoort.VASTE_DATUM;
  if (metWeken && (vorm.weken === null || vorm.naStap === null)) throw fout(`Een regel van soort ${invoer.soort} heeft weken en naStap nodig.`);
  if (!metWeken && (vorm.weken !== null || vorm.naStap !== null)) throw fout('Een vaste datum heeft geen weken en naStap.');
  if (metDatum && (vorm.voorMaand === null || vorm.voorDag === null || vorm.jaarVerschil === null)) {
    throw fout(`Een regel van soort ${invoer.soort} heeft voorMaand, voorDag en jaarVerschil nodig.`);
  }
  if (!metDatum && (vorm.voorMaand !== null || vorm.voorDag !== null || vorm.jaarVerschil !== null)) throw fout('Een regel "weken na" heeft geen vaste datum.');
  // A leap day exists in some years only; any existing day of 2028 (a leap year) is a valid "vóór" date.
  if (metDatum && !bestaandeDatum(2028, vorm.voorMaand!, vorm.voorDag!)) throw fout(`${vorm.voorDag}-${vorm.voorMaand} is geen bestaande datum.`);
  if (vorm.naStap !== null && vorm.naStap !== PcStap.VERZONDEN_AAN_RADEN && vorm.naStap !== PcStap.VASTGESTELD) {
    throw fout('Een termijn telt vanaf de verzending aan de raden (VERZONDEN_AAN_RADEN) of de vaststelling (VASTGESTELD).');
  }
  return ctx.em.transactional(async (em) => {
    const regel = await em.findOne(Termijnregel, { code: invoer.code.trim() });
    if (!regel) throw notFound('Termijnregel', invoer.code);
    if (vorm.naStap === regel.stap) throw fout(`De termijn voor ${regel.stap} kan niet tellen vanaf dezelfde stap.`);
    const voor = momentopname(regel);
    Object.assign(regel, vorm, invoer.omschrijving ? { omschrijving: invoer.omschrijving.trim() } : {}, invoer.grondslag ? { grondslag: invoer.grondslag.trim() } : {});
    await em.flush();
    audit(em, ctx, 'TERMIJNREGEL_GEWIJZIGD', 'Termijnregel', regel.id, voor, momentopname(regel));
    return regel;
  });
}
