import { PcDocumentSoort, PcStap, TermijnSoort } from './pc.entity.js';

/** What a deadline is computed from: the rule's shape (a Termijnregel or its read row). */
export interface Regelvorm {
  soort: TermijnSoort;
  weken?: number | null;
  naStap?: PcStap | null;
  voorMaand?: number | null;
  voorDag?: number | null;
  jaarVerschil?: number | null;
}

/** The dates of a document that a rule can count from. */
export interface Documentdata {
  jaar: number;
  verzondenAanRadenOp?: string | null;
  vastgesteldOp?: string | null;
}

const dag = (datum: string) => new Date(`${datum}T00:00:00Z`);
const tekst = (moment: Date) => moment.toISOString().slice(0, 10);

/** A date (YYYY-MM-DD) plus a number of days; calendar days, no time zone involved. */
export function plusDagen(datum: string, dagen: number): string {
  const moment = dag(datum);
  moment.setUTCDate(moment.getUTCDate() + dagen);
  return tekst(moment);
}

/** "Vóór dd-mm of jaar + verschil": the last allowed day is the day before (vóór 15 september = 14 september). */
function laatsteDagVoor(jaar: number, maand: number, dagVanMaand: number): string {
  return plusDagen(`${String(jaar).padStart(4, '0')}-${String(maand).padStart(2, '0')}-${String(dagVanMaand).padStart(2, '0')}`, -1);
}

function datumVanStap(document: Documentdata, stap: PcStap | null | undefined): string | null {
  if (stap === PcStap.VERZONDEN_AAN_RADEN) return document.verzondenAanRadenOp ?? null;
  if (stap === PcStap.VASTGESTELD) return document.vastgesteldOp ?? null;
  return null;
}

/**
 * The last day a step may be done by the rule, or null while the step it counts from has not
 * happened. With both a term after an event and a fixed date, the earlier of the two counts
 * ("binnen 2 weken na vaststelling, doch vóór 15 september", Wgr art. 34 lid 2).
 */
export function uitersteDatum(regel: Regelvorm, document: Documentdata): string | null {
  const vast = regel.soort === TermijnSoort.WEKEN_NA ? null : laatsteDagVoor(document.jaar + regel.jaarVerschil!, regel.voorMaand!, regel.voorDag!);
  if (regel.soort === TermijnSoort.VASTE_DATUM) return vast;
  const vanaf = datumVanStap(document, regel.naStap);
  const na = vanaf === null ? null : plusDagen(vanaf, regel.weken! * 7);
  if (vast === null) return na;
  // Without the event, the fixed date is already the latest possible day.
  if (na === null) return vast;
  return na < vast ? na : vast;
}

/** Whether a date exists in the calendar (2027-02-30 does not). */
export function bestaandeDatum(jaar: number, maand: number, dagVanMaand: number): boolean {
  const datum = `${String(jaar).padStart(4, '0')}-${String(maand).padStart(2, '0')}-${String(dagVanMaand).padStart(2, '0')}`;
  return !Number.isNaN(dag(datum).getTime()) && tekst(dag(datum)) === datum;
}

/** The soorten whose documents belong to the cycle of begrotingsjaar J (see pcKalender). */
export const SOORTEN_BEGROTINGSJAAR = [
  PcDocumentSoort.KADERNOTA,
  PcDocumentSoort.ONTWERPBEGROTING,
  PcDocumentSoort.BEGROTING,
  PcDocumentSoort.BEGROTINGSWIJZIGING,
  PcDocumentSoort.UITVOERINGSPROGRAMMA,
];
export const SOORTEN_VERSLAGJAAR = [PcDocumentSoort.VOORLOPIGE_JAARREKENING, PcDocumentSoort.JAARREKENING];
