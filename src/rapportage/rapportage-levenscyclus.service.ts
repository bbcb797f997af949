import type { EntityManager } from '@mikro-orm/postgresql';
import { audit } from '../audit/audit.service.js';
import type { Schrijver } from '../context.js';
import { ErrorCode, hubError } from '../core/errors.js';
import { Gemeente } from '../gemeente/gemeente.entity.js';
import { Kpi, KpiNiveau } from '../kpi/kpi.entity.js';
import type { Module } from '../module/module.entity.js';
import { moduleMetCode } from '../module/module.service.js';
import { KpiWaarde } from './kpi-waarde.entity.js';
import { Kwartaalrapportage, RapportageStatus } from './kwartaalrapportage.entity.js';
import type { RapportageMetReden, RapportageOpslaanInvoer, RapportageSleutel } from './rapportage.inputs.js';
import { vereisModuleScope } from './rapportage.access.js';
import {
  actieveKpis,
  deelnemersInKwartaal,
  JAARCIJFER_MELDING,
  kwartaalPeriode,
  rapporteertIn,
  volledigheidsProblemen,
  waardeProbleem,
  type Probleem,
} from './rapportage-validatie.service.js';

function actueleVersie(em: EntityManager, module: Module, jaar: number, kwartaal: number) {
  return em.findOne(Kwartaalrapportage, { module, jaar, kwartaal }, { orderBy: { versie: 'desc' } });
}

/**
 * Claims the report for this write: succeeds only if nobody wrote since the caller read `revisie`.
 * The conditional UPDATE also locks the row, so concurrent writers queue and the losers see CONFLICT.
 */
async function claim(em: EntityManager, rapportage: Kwartaalrapportage, revisie: number | undefined, nu: Date): Promise<void> {
  if (revisie === undefined || revisie === null) {
    throw hubError(ErrorCode.CONFLICT, `Deze rapportage bestaat al (revisie ${rapportage.revisie}); geef de revisie mee waarop uw wijziging is gebaseerd.`, {
      revisie: rapportage.revisie,
    });
  }
  const bijgewerkt = await em.nativeUpdate(Kwartaalrapportage, { id: rapportage.id, revisie }, { revisie: revisie + 1, gewijzigdOp: nu });
  if (bijgewerkt === 0) {
    throw hubError(
      ErrorCode.CONFLICT,
      `De rapportage ${rapportage.jaar}-K${rapportage.kwartaal} is intussen gewijzigd (revisie ${rapportage.revisie}); haal haar opnieuw op en probeer het nog eens.`,
      { revisie: rapportage.revisie },
    );
  }
  await em.refresh(rapportage);
}

function vereisStatus(rapportage: Kwartaalrapportage, toegestaan: RapportageStatus[], wat: string): void {
  if (!toegestaan.includes(rapportage.status)) {
    throw hubError(ErrorCode.INVALID_STATUS, `Een rapportage met status ${rapportage.status} kan niet worden ${wat}.`, { status: rapportage.status });
  }
}

const momentopnameWaarden = (waarden: KpiWaarde[]) =>
  waarden.map((w) => ({ kpi: w.kpi.code, gemeente: w.gemeente?.cbsCode ?? null, waarde: w.waarde.toFixed(), toelichting: w.toelichting ?? null }));

function weigerBijProblemen(problemen: Probleem[], inleiding: string): void {
  if (problemen.length === 0) return;
  const tekst = problemen.map((p) => `${p.kpi ?? ''}${p.gemeente ? ` (${p.gemeente})` : ''}: ${p.probleem}`).join('; ');
  throw hubError(ErrorCode.BAD_USER_INPUT, `${inleiding} ${tekst}.`, { problemen });
}

/** Saves (part of) a draft: the values given replace earlier ones; an empty waarde removes one. */
export function kwartaalrapportageOpslaan(ctx: Schrijver, invoer: RapportageOpslaanInvoer): Promise<Kwartaalrapportage> {
  return ctx.em.transactional(async (em) => {
    const module = await moduleMetCode(em, invoer.module);
    vereisModuleScope(ctx.identity, module.code);
    let rapportage = await actueleVersie(em, module, invoer.jaar, invoer.kwartaal);
    if (!rapportage) {
      if (invoer.revisie) throw hubError(ErrorCode.CONFLICT, 'Deze rapportage bestaat (nog) niet; laat revisie leeg voor een nieuwe.');
      rapportage = em.create(Kwartaalrapportage, { module, jaar: invoer.jaar, kwartaal: invoer.kwartaal, versie: 1, status: RapportageStatus.CONCEPT, gewijzigdOp: ctx.now() });
      await em.flush();
    } else {
      vereisStatus(rapportage, [RapportageStatus.CONCEPT, RapportageStatus.TERUGGESTUURD], 'opgeslagen (corrigeer een goedgekeurde rapportage met kwartaalrapportageCorrigeren)');
      await claim(em, rapportage, invoer.revisie, ctx.now());
    }

    const kpis = await em.find(Kpi, { module, code: { $in: invoer.waarden.map((w) => w.kpi) } });
    const codes = [...new Set(invoer.waarden.map((w) => w.gemeente).filter((g): g is string => Boolean(g)))];
    const gemeenten = await em.find(Gemeente, { cbsCode: { $in: codes } });
    const problemen: Probleem[] = [];
    for (const w of invoer.waarden) {
      const kpi = kpis.find((k) => k.code === w.kpi);
      const melding = (probleem: string) => problemen.push({ kpi: w.kpi, gemeente: w.gemeente ?? null, probleem });
      if (!kpi) melding(`geen KPI van ${module.code}`);
      else if (kpi.niveau === KpiNiveau.REGIO && w.gemeente) melding('regionale KPI: laat de gemeente leeg');
      else if (kpi.niveau === KpiNiveau.GEMEENTE && !w.gemeente) melding('KPI per gemeente: geef de gemeente op');
      else if (w.gemeente && !gemeenten.some((g) => g.cbsCode === w.gemeente)) melding('onbekende gemeente');
      else if (w.waarde && !rapporteertIn(kpi, rapportage.kwartaal)) melding(JAARCIJFER_MELDING);
      else if (w.waarde) {
        const fout = waardeProbleem(kpi, w.waarde);
        if (fout) melding(fout);
      }
    }
    weigerBijProblemen(problemen, 'De waarden zijn niet opgeslagen:');

    const bestaand = await em.find(KpiWaarde, { rapportage }, { populate: ['kpi', 'gemeente'] });
    const voor = momentopnameWaarden(bestaand);
    for (const w of invoer.waarden) {
      const kpi = kpis.find((k) => k.code === w.kpi)!;
      const gemeente = w.gemeente ? gemeenten.find((g) => g.cbsCode === w.gemeente)! : null;
      const rij = bestaand.find((b) => b.kpi.id === kpi.id && (b.gemeente?.id ?? null) === (gemeente?.id ?? null));
      if (!w.waarde) {
        if (rij) em.remove(rij);
      } else if (rij) {
        rij.waarde = w.waarde;
        rij.toelichting = w.toelichting ?? rij.toelichting ?? null;
      } else {
        em.create(KpiWaarde, { rapportage, kpi, gemeente, waarde: w.waarde, toelichting: w.toelichting ?? null });
      }
    }
    rapportage.status = RapportageStatus.CONCEPT;
    await em.flush();
    const na = await em.find(KpiWaarde, { rapportage }, { populate: ['kpi', 'gemeente'], refresh: true });
    audit(em, ctx, 'KWARTAALRAPPORTAGE_OPGESLAGEN', 'Kwartaalrapportage', rapportage.id, { waarden: voor }, { waarden: momentopnameWaarden(na), revisie: rapportage.revisie });
    return rapportage;
  });
}

/** Submits a draft after the quarter has ended, if complete and within bounds; every problem at once. */
export function kwartaalrapportageIndienen(ctx: Schrijver, sleutel: RapportageSleutel): Promise<Kwartaalrapportage> {
  return ctx.em.transactional(async (em) => {
    const module = await moduleMetCode(em, sleutel.module);
    vereisModuleScope(ctx.identity, module.code);
    const rapportage = await bestaande(em, module, sleutel);
    vereisStatus(rapportage, [RapportageStatus.CONCEPT], 'ingediend');
    await claim(em, rapportage, sleutel.revisie, ctx.now());
    const { einde } = kwartaalPeriode(rapportage.jaar, rapportage.kwartaal);
    if (ctx.now() < new Date(`${einde}T00:00:00Z`)) {
      throw hubError(ErrorCode.BAD_USER_INPUT, `Het kwartaal ${rapportage.jaar}-K${rapportage.kwartaal} is nog niet afgelopen; indienen kan vanaf ${einde}.`);
    }
    const [kpis, deelnemers, waarden] = await Promise.all([
      actieveKpis(em, module, rapportage.jaar, rapportage.kwartaal),
      deelnemersInKwartaal(em, module, rapportage.jaar, rapportage.kwartaal),
      em.find(KpiWaarde, { rapportage }, { populate: ['kpi', 'gemeente'] }),
    ]);
    weigerBijProblemen(volledigheidsProblemen(kpis, deelnemers, waarden, rapportage.kwartaal), 'De rapportage is niet ingediend:');
    return zetStatus(em, ctx, rapportage, RapportageStatus.INGEDIEND, 'KWARTAALRAPPORTAGE_INGEDIEND', { ingediendOp: ctx.now() });
  });
}

/** The controller approves a submitted report. */
export function kwartaalrapportageGoedkeuren(ctx: Schrijver, sleutel: RapportageSleutel): Promise<Kwartaalrapportage> {
  return ctx.em.transactional(async (em) => {
    const rapportage = await bestaande(em, await moduleMetCode(em, sleutel.module), sleutel);
    vereisStatus(rapportage, [RapportageStatus.INGEDIEND], 'goedgekeurd');
    await claim(em, rapportage, sleutel.revisie, ctx.now());
    return zetStatus(em, ctx, rapportage, RapportageStatus.GOEDGEKEURD, 'KWARTAALRAPPORTAGE_GOEDGEKEURD', { goedgekeurdOp: ctx.now() });
  });
}

/** The controller sends a submitted report back, with a reason. */
export function kwartaalrapportageTerugsturen(ctx: Schrijver, invoer: RapportageMetReden): Promise<Kwartaalrapportage> {
  return ctx.em.transactional(async (em) => {
    const rapportage = await bestaande(em, await moduleMetCode(em, invoer.module), invoer);
    vereisStatus(rapportage, [RapportageStatus.INGEDIEND], 'teruggestuurd');
    await claim(em, rapportage, invoer.revisie, ctx.now());
    return zetStatus(em, ctx, rapportage, RapportageStatus.TERUGGESTUURD, 'KWARTAALRAPPORTAGE_TERUGGESTUURD', { reden: invoer.reden.trim(), ingediendOp: null });
  });
}

/**
 * Corrects an approved report: a new version (concept, with the reason and a copy of the values);
 * the approved version stays as it was.
 */
export function kwartaalrapportageCorrigeren(ctx: Schrijver, invoer: RapportageMetReden): Promise<Kwartaalrapportage> {
  return ctx.em.transactional(async (em) => {
    const module = await moduleMetCode(em, invoer.module);
    vereisModuleScope(ctx.identity, module.code);
    const goedgekeurd = await bestaande(em, module, invoer);
    vereisStatus(goedgekeurd, [RapportageStatus.GOEDGEKEURD], 'gecorrigeerd (alleen een goedgekeurde rapportage krijgt een nieuwe versie)');
    await claim(em, goedgekeurd, invoer.revisie, ctx.now());
    const correctie = em.create(Kwartaalrapportage, {
      module,
      jaar: goedgekeurd.jaar,
      kwartaal: goedgekeurd.kwartaal,
      versie: goedgekeurd.versie + 1,
      status: RapportageStatus.CONCEPT,
      reden: invoer.reden.trim(),
      gewijzigdOp: ctx.now(),
    });
    for (const w of await em.find(KpiWaarde, { rapportage: goedgekeurd }, { orderBy: { id: 'asc' } })) {
      em.create(KpiWaarde, { rapportage: correctie, kpi: w.kpi, gemeente: w.gemeente ?? null, waarde: w.waarde, toelichting: w.toelichting ?? null });
    }
    await em.flush();
    audit(em, ctx, 'KWARTAALRAPPORTAGE_CORRECTIE_GESTART', 'Kwartaalrapportage', correctie.id, { versie: goedgekeurd.versie }, { versie: correctie.versie, reden: correctie.reden });
    return correctie;
  });
}

async function bestaande(em: EntityManager, module: Module, sleutel: RapportageSleutel): Promise<Kwartaalrapportage> {
  const rapportage = await actueleVersie(em, module, sleutel.jaar, sleutel.kwartaal);
  if (!rapportage) throw hubError(ErrorCode.NOT_FOUND, `Er is geen rapportage van ${module.code} over ${sleutel.jaar}-K${sleutel.kwartaal}.`);
  return rapportage;
}

async function zetStatus(
  em: EntityManager,
  ctx: Schrijver,
  rapportage: Kwartaalrapportage,
  status: RapportageStatus,
  actie: string,
  velden: Partial<Pick<Kwartaalrapportage, 'ingediendOp' | 'goedgekeurdOp' | 'reden'>>,
): Promise<Kwartaalrapportage> {
  const voor = { status: rapportage.status, revisie: rapportage.revisie - 1 };
  Object.assign(rapportage, { status, ...velden });
  await em.flush();
  audit(em, ctx, actie, 'Kwartaalrapportage', rapportage.id, voor, { status, revisie: rapportage.revisie, ...velden });
  return rapportage;
}
