import type { EntityManager } from '@mikro-orm/postgresql';
import { audit } from '../audit/audit.service.js';
import { Begroting, BegrotingSoort } from '../begroting/begroting.entity.js';
import { Jaarrekening } from '../begroting/jaarrekening.entity.js';
import type { Schrijver } from '../context.js';
import { Decimal } from '../core/decimal.js';
import { ErrorCode, hubError, notFound } from '../core/errors.js';
import { Deelname } from '../deelname/deelname.entity.js';
import { deelnameInJaar } from '../deelname/deelname.service.js';
import type { Gemeente } from '../gemeente/gemeente.entity.js';
import { vereisOpenJaar } from '../jaarafsluiting/jaarafsluiting.service.js';
import type { Module } from '../module/module.entity.js';
import { moduleMetCode } from '../module/module.service.js';
import { taakveldVoorJaar } from '../taakveld/taakvelden.js';
import { VerdeelsleutelEenheid } from '../verdeelsleutel/verdeelsleutel-eenheid.entity.js';
import { Grondslag, Verdeelsleutel } from '../verdeelsleutel/verdeelsleutel.entity.js';
import { Bijdrage, Fase } from './bijdrage.entity.js';
import { dagenInJaar, deelnameDagenInJaar, verdeel, type Verdeelpost } from './verdeling.service.js';

export const FASE_VAN: Record<BegrotingSoort, Fase> = {
  [BegrotingSoort.PRIMITIEF]: Fase.BEGROOT,
  [BegrotingSoort.WIJZIGING]: Fase.GEWIJZIGD,
};

/** What a split divides: a budget version (budgeted or amended contributions) or the jaarrekening (realised ones). */
export type Bron = Begroting | Jaarrekening;

export interface BerekeningOpdracht {
  module: string;
  jaar: number;
  soort: BegrotingSoort;
  volgnummer: number;
}

export interface BerekeningUitkomst<B extends Bron = Bron> {
  bron: B;
  bijdragen: Bijdrage[];
  /** False when the same input had already produced exactly these contributions. */
  gewijzigd: boolean;
}

/** Days of participation per gemeente in the year (several periods in one year add up). */
async function deelnemersInJaar(em: EntityManager, moduleId: number, jaar: number) {
  const deelnames = await em.find(Deelname, { $and: [{ module: moduleId }, deelnameInJaar(jaar)] }, { populate: ['gemeente'] });
  const dagen = new Map<string, { gemeente: Gemeente; dagen: number }>();
  for (const d of deelnames) {
    const huidig = dagen.get(d.gemeente.cbsCode) ?? { gemeente: d.gemeente, dagen: 0 };
    huidig.dagen += deelnameDagenInJaar(d.vanaf, d.tot, jaar);
    dagen.set(d.gemeente.cbsCode, huidig);
  }
  return dagen;
}

/** A gemeente's units as the split counts them: 1 each for equal shares, else the key's units. */
export const eenheidInSleutel = (grondslag: Grondslag, eenheden: Decimal) => (grondslag === Grondslag.GELIJKE_DELEN ? new Decimal(1) : eenheden);

/**
 * The weights of a split by an allocation key: units × days of participation in the year / days in the
 * year, for the gemeenten in the key (a gemeente without participation days weighs nothing).
 */
export function gewichten(grondslag: Grondslag, eenheden: Array<{ cbsCode: string; eenheden: Decimal }>, dagen: Map<string, number>, jaar: number): Verdeelpost[] {
  const jaardagen = dagenInJaar(jaar);
  return eenheden.map((e) => ({ sleutel: e.cbsCode, gewicht: eenheidInSleutel(grondslag, e.eenheden).times(dagen.get(e.cbsCode) ?? 0).dividedBy(jaardagen) }));
}

/** Checks that the key fits the participation and its own rules; every problem is reported at once. */
function controleerSleutel(sleutel: Verdeelsleutel, eenheden: VerdeelsleutelEenheid[], deelnemers: Set<string>): void {
  const inSleutel = new Set(eenheden.map((e) => e.gemeente.cbsCode));
  const problemen: Array<{ gemeente?: string; probleem: string }> = [];
  for (const code of deelnemers) if (!inSleutel.has(code)) problemen.push({ gemeente: code, probleem: 'neemt deel maar staat niet in de verdeelsleutel' });
  for (const code of inSleutel) if (!deelnemers.has(code)) problemen.push({ gemeente: code, probleem: 'staat in de verdeelsleutel maar neemt dat jaar niet deel' });
  const som = eenheden.reduce((s, e) => s.plus(e.eenheden), new Decimal(0));
  if (sleutel.grondslag !== Grondslag.GELIJKE_DELEN && som.isZero()) problemen.push({ probleem: 'alle eenheden zijn nul' });
  if (sleutel.grondslag === Grondslag.VASTE_PERCENTAGES && !som.equals(100)) {
    problemen.push({ probleem: `de percentages tellen op tot ${som.toFixed()} in plaats van 100` });
  }
  if (problemen.length) {
    const tekst = problemen.map((p) => (p.gemeente ? `${p.gemeente} ${p.probleem}` : p.probleem)).join('; ');
    throw hubError(ErrorCode.BAD_USER_INPUT, `De verdeelsleutel ${sleutel.jaar} past niet: ${tekst}.`, { problemen });
  }
}

/**
 * Splits the net cost of a budget version or a jaarrekening over the gemeenten taking part in the
 * module that year, by the year's allocation key, pro rata by days of participation, exact to the
 * cent (largest remainder, ties by CBS code). Each contribution records its provenance. Recomputing
 * the same input changes nothing; a changed input replaces that version's contributions (audited,
 * before and after).
 * A closed year is never recomputed (JAAR_AFGESLOTEN).
 */
export function bijdragenBerekenen(ctx: Schrijver, opdracht: BerekeningOpdracht): Promise<BerekeningUitkomst<Begroting>> {
  return ctx.em.transactional(async (em) => {
    const module = await moduleMetCode(em, opdracht.module);
    await vereisOpenJaar(em, module, opdracht.jaar, 'bijdragen opnieuw berekenen');
    const begroting = await em.findOne(Begroting, { module, jaar: opdracht.jaar, soort: opdracht.soort, volgnummer: opdracht.volgnummer });
    if (!begroting) throw notFound('Begroting', `${module.code} ${opdracht.jaar} ${opdracht.soort} ${opdracht.volgnummer}`);
    return berekenBijdragen(em, ctx, module, begroting);
  });
}

/**
 * The computation itself, inside the caller's transaction: the contributions of one budget version
 * or of the jaarrekening (also used when the jaarrekening is recorded).
 */
export async function berekenBijdragen<B extends Bron>(em: EntityManager, ctx: Schrijver, module: Module, bron: B): Promise<BerekeningUitkomst<B>> {
  const { jaar } = bron;
  if (!module.taakveld) throw hubError(ErrorCode.BAD_USER_INPUT, `Module ${module.code} heeft geen BBV-taakveld; leg dat eerst vast.`);
  const taakveld = taakveldVoorJaar(module.taakveld, jaar);
  if (!taakveld) {
    throw hubError(ErrorCode.BAD_USER_INPUT, `Het taakveld ${module.taakveld} van ${module.code} bestond in ${jaar} nog niet (BBV-lijst van dat jaar).`);
  }
  const sleutel = await em.findOne(Verdeelsleutel, { module, jaar });
  if (!sleutel) throw notFound('Verdeelsleutel', `${module.code} ${jaar}`);
  const eenheden = await em.find(VerdeelsleutelEenheid, { verdeelsleutel: sleutel }, { populate: ['gemeente'] });
  const deelnemers = await deelnemersInJaar(em, module.id, jaar);
  const actief = new Map([...deelnemers].filter(([, d]) => d.dagen > 0));
  if (actief.size === 0) throw hubError(ErrorCode.BAD_USER_INPUT, `Niemand neemt in ${jaar} deel aan ${module.code}.`);
  controleerSleutel(sleutel, eenheden, new Set(actief.keys()));

  const eenheidVan = (e: VerdeelsleutelEenheid) => eenheidInSleutel(sleutel.grondslag, e.eenheden);
  const posten = gewichten(
    sleutel.grondslag,
    eenheden.map((e) => ({ cbsCode: e.gemeente.cbsCode, eenheden: e.eenheden })),
    new Map([...actief].map(([code, d]) => [code, d.dagen])),
    jaar,
  );
  if (posten.every((p) => p.gewicht.isZero())) throw hubError(ErrorCode.BAD_USER_INPUT, 'Alle gewichten zijn nul: er valt niets te verdelen.');
  const delen = verdeel(bron.nettoLasten, posten);

  const herkomst = bron instanceof Jaarrekening ? { jaarrekening: bron } : { begroting: bron as Begroting };
  const fase = bron instanceof Jaarrekening ? Fase.GEREALISEERD : FASE_VAN[(bron as Begroting).soort];
  const bestaand = await em.find(Bijdrage, herkomst, { populate: ['gemeente'] });
  const voor = bestaand.map((b) => ({ gemeente: b.gemeente.cbsCode, bedrag: b.bedrag.toFixed(2) }));
  const nieuw: Bijdrage[] = [];
  let gewijzigd = false;
  for (const deel of delen) {
    const e = eenheden.find((x) => x.gemeente.cbsCode === deel.sleutel)!;
    const waarden = {
      bedrag: deel.bedrag,
      eenheden: eenheidVan(e),
      deelnameDagen: actief.get(deel.sleutel)!.dagen,
      aandeel: deel.aandeel.toDecimalPlaces(10),
      taakveld,
      verdeelsleutel: sleutel,
    };
    const rij = bestaand.find((b) => b.gemeente.cbsCode === deel.sleutel);
    if (!rij) {
      gewijzigd = true;
      nieuw.push(em.create(Bijdrage, { gemeente: e.gemeente, module, jaar, fase, ...herkomst, ...waarden, berekendOp: ctx.now() }));
      continue;
    }
    const anders =
      !rij.bedrag.equals(waarden.bedrag) ||
      !rij.eenheden?.equals(waarden.eenheden) ||
      rij.deelnameDagen !== waarden.deelnameDagen ||
      !rij.aandeel?.equals(waarden.aandeel) ||
      rij.taakveld !== waarden.taakveld ||
      rij.verdeelsleutel?.id !== sleutel.id;
    if (anders) {
      Object.assign(rij, waarden, { berekendOp: ctx.now() });
      gewijzigd = true;
    }
    nieuw.push(rij);
  }
  for (const oud of bestaand.filter((b) => !nieuw.includes(b))) {
    em.remove(oud);
    gewijzigd = true;
  }
  await em.flush();
  if (gewijzigd) {
    const na = nieuw.map((b) => ({ gemeente: b.gemeente.cbsCode, bedrag: b.bedrag.toFixed(2) }));
    const entiteit = bron instanceof Jaarrekening ? 'Jaarrekening' : 'Begroting';
    audit(em, ctx, 'BIJDRAGEN_BEREKEND', entiteit, bron.id, { bijdragen: voor }, { bijdragen: na, grondslag: sleutel.grondslag });
  }
  return { bron, bijdragen: nieuw, gewijzigd };
}
