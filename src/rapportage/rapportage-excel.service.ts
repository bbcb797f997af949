import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { validateSync } from 'class-validator';
import ExcelJS from 'exceljs';
import type { Schrijver } from '../context.js';
import { Decimal } from '../core/decimal.js';
import { isJaar, jaarMelding } from '../core/jaar.js';
import { cbsCodeProbleem, normaliseerCbsCode } from '../core/scalars.js';
import { alsTekst, type BladProbleem, celInhoud, type Cel, kolomLetter, leesGetal, leesWerkmap, uploadFout } from '../core/spreadsheet-in.js';
import { sjabloonWerkmap } from '../core/spreadsheet-sjabloon.js';
import { KpiEenheid, KpiNiveau, KpiPeriode } from '../kpi/kpi.entity.js';
import type { KwartaalrapportageType } from './kwartaalrapportage.types.js';
import {
  actieveKpis,
  deelnemendeGemeenten,
  kwartaalrapportageOpslaan,
  vereisScope,
  type OpslaanProbleem,
} from './rapportage-levenscyclus.service.js';
import { KpiWaardeInvoer, KWARTAAL_MELDING, RapportageOpslaanInvoer, type RapportageKwartaal } from './rapportage.inputs.js';
import { grenzenTekst, NIET_DEELNEMER_MELDING, rapporteertIn } from './rapportage-validatie.service.js';

// The quarterly report as an Excel workbook: a template to fill in, and the filled-in file as a draft
// save. Everything a value must satisfy is decided by kwartaalrapportageOpslaan (the same call as the
// GraphQL mutation); this file only knows the sheet: its layout, reading cells, and naming the row and
// column of each problem the save reports.

export const BLAD_WAARDEN = 'Waarden';
export const BLAD_OVER = 'Over dit bestand';
/** Problems are listed for the sheet that says which report the file is for first. */
const BLAD_VOLGORDE = [BLAD_OVER, BLAD_WAARDEN];
/** More rows than any module × eleven gemeenten needs; a bound on the work one upload can cause. */
const MAX_RIJEN = 10_000;

/** The columns of the sheet Waarden, in order; only the keys and the two columns to fill are read back. */
const KOLOMMEN = [
  { sleutel: 'kpi', kop: 'KPI-code', breedte: 24, soort: 'sleutel' },
  { sleutel: 'kpiNaam', kop: 'KPI-naam', breedte: 48, soort: 'info' },
  { sleutel: 'eenheid', kop: 'eenheid', breedte: 12, soort: 'info' },
  { sleutel: 'gemeente', kop: 'CBS-code', breedte: 11, soort: 'sleutel' },
  { sleutel: 'gemeenteNaam', kop: 'gemeente', breedte: 16, soort: 'info' },
  { sleutel: 'waarde', kop: 'waarde', breedte: 14, soort: 'invullen' },
  { sleutel: 'toelichting', kop: 'toelichting', breedte: 40, soort: 'invullen' },
  { sleutel: 'vorig', kop: 'vorig kwartaal', breedte: 15, soort: 'naslag' },
  { sleutel: 'norm', kop: 'norm', breedte: 12, soort: 'naslag' },
  { sleutel: 'grenzen', kop: 'grenzen', breedte: 30, soort: 'naslag' },
] as const;

type KolomSleutel = (typeof KOLOMMEN)[number]['sleutel'];
const kolomNummer = (sleutel: KolomSleutel) => KOLOMMEN.findIndex((k) => k.sleutel === sleutel) + 1;

/** Which column holds the field a problem of the save concerns. */
const KOLOM_VAN_VELD: Record<OpslaanProbleem['veld'], KolomSleutel> = { kpi: 'kpi', gemeente: 'gemeente', waarde: 'waarde' };

const opWaarden = (rij: number, sleutel: KolomSleutel, melding: string): BladProbleem => {
  const nummer = kolomNummer(sleutel);
  return { blad: BLAD_WAARDEN, rij, kolom: kolomLetter(nummer), kolomnaam: KOLOMMEN[nummer - 1].kop, melding };
};

// ---------------------------------------------------------------------------------------------------
// The template

interface SjabloonRij {
  kpi: string;
  kpiNaam: string;
  eenheid: KpiEenheid;
  niveau: KpiNiveau;
  periode: KpiPeriode;
  ondergrens: string | null;
  bovengrens: string | null;
  gemeente: string | null;
  gemeenteNaam: string | null;
  waarde: string | null;
  toelichting: string | null;
  vorig: string | null;
  norm: string | null;
}

interface HuidigeVersie {
  id: number;
  versie: number;
  status: string;
  revisie: number;
}

const vorigKwartaal = ({ jaar, kwartaal }: RapportageKwartaal) => (kwartaal === 1 ? { jaar: jaar - 1, kwartaal: 4 } : { jaar, kwartaal: kwartaal - 1 });

/**
 * What the template shows, in one statement: per active KPI one row per participating gemeente (a
 * regional KPI one row without), with the value and note of the current version, the current value of
 * the quarter before, and the norm that kies_kpi_norm picks for that value.
 */
async function sjabloonRijen(em: EntityManager, sleutel: RapportageKwartaal, huidige: HuidigeVersie | null): Promise<SjabloonRij[]> {
  const vorig = vorigKwartaal(sleutel);
  const rijen = await em.execute<SjabloonRij[]>(
    em.getKnex().raw(
      `select k.code as kpi, k.naam as "kpiNaam", k.eenheid, k.niveau, k.periode,
              k.ondergrens::text as ondergrens, k.bovengrens::text as bovengrens,
              g.cbs_code as gemeente, g.naam as "gemeenteNaam",
              trim_scale(w.waarde)::text as waarde, w.toelichting,
              (select trim_scale(v.waarde)::text from kpi_waarde v join actuele_rapportage a on a.id = v.rapportage_id and a.laatste
               where a.module_id = k.module_id and a.jaar = ? and a.kwartaal = ? and v.kpi_id = k.id and v.gemeente_id is not distinct from g.id) as vorig,
              trim_scale(norm.norm)::text as norm
       from ? k
       cross join lateral (
         select g.id, g.cbs_code, g.naam from gemeente g where k.niveau = 'GEMEENTE' and g.id in ?
         union all select null, null, null where k.niveau = 'REGIO') g
       left join kpi_waarde w on w.rapportage_id = ? and w.kpi_id = k.id and w.gemeente_id is not distinct from g.id
       left join lateral kies_kpi_norm(k.id, ?, ?, g.id) norm on true
       order by k.code, g.naam`,
      [
        vorig.jaar,
        vorig.kwartaal,
        actieveKpis(em, sleutel).getKnexQuery(),
        deelnemendeGemeenten(em, sleutel).getKnexQuery(),
        huidige?.id ?? null,
        sleutel.jaar,
        sleutel.kwartaal,
      ] as Knex.RawBinding[],
    ),
  );
  // A yearly figure is asked in the fourth quarter only (the save refuses it elsewhere).
  return rijen.filter((r) => rapporteertIn(r, sleutel.kwartaal));
}

async function huidigeVersie(em: EntityManager, sleutel: RapportageKwartaal): Promise<HuidigeVersie | null> {
  const [rij] = await em.execute<HuidigeVersie[]>(
    `select r.id, r.versie, r.status, r.revisie from kwartaalrapportage r join module m on m.id = r.module_id
     where m.code = ? and r.jaar = ? and r.kwartaal = ? order by r.versie desc limit 1`,
    [sleutel.module, sleutel.jaar, sleutel.kwartaal],
  );
  return rij ?? null;
}

const GRIJS: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
const INVULLEN: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
/** Excel's text format: what is typed stays text (CBS code GM0202, KPI codes), never a number or date. */
const TEKST = '@';
/** A decimal as an Excel number; the value is exact text in the hub and only displayed here. */
const alsGetal = (tekst: string | null) => (tekst === null ? null : Number(tekst));

/**
 * The template of a module's report for a quarter (xlsx): sheet Waarden to fill in, and Over dit
 * bestand with the report's key and revisie, which the upload needs for its revision check.
 */
export async function kwartaalrapportageSjabloon(ctx: Schrijver, sleutel: RapportageKwartaal): Promise<Buffer> {
  const em = ctx.em;
  await vereisScope(em, ctx, sleutel.module);
  const huidige = await huidigeVersie(em, sleutel);
  const rijen = await sjabloonRijen(em, sleutel, huidige);

  const werkmap = sjabloonWerkmap(ctx.now());
  const blad = werkmap.addWorksheet(BLAD_WAARDEN, { views: [{ state: 'frozen', ySplit: 1 }] });
  blad.columns = KOLOMMEN.map((k) => ({
    header: k.kop,
    key: k.sleutel,
    width: k.breedte,
    style: k.soort === 'sleutel' ? { numFmt: TEKST } : k.soort === 'invullen' ? { protection: { locked: false } } : {},
  }));
  const kop = blad.getRow(1);
  kop.font = { bold: true };
  for (const [i, k] of KOLOMMEN.entries()) {
    const cel = kop.getCell(i + 1);
    if (k.soort === 'invullen') {
      cel.fill = INVULLEN;
      cel.note = k.sleutel === 'waarde' ? 'In te vullen: een getal (12,5 of 12.5). Leeg = geen waarde (een bestaande wordt gewist).' : 'In te vullen (optioneel).';
    }
    if (k.soort === 'naslag') {
      cel.fill = GRIJS;
      cel.note = 'Ter informatie, alleen lezen: de hub leest deze kolom niet.';
    }
  }
  for (const r of rijen) {
    const rij = blad.addRow({
      kpi: r.kpi,
      kpiNaam: r.kpiNaam,
      eenheid: r.eenheid,
      gemeente: r.gemeente,
      gemeenteNaam: r.gemeenteNaam ?? '(regio)',
      waarde: alsGetal(r.waarde),
      toelichting: r.toelichting,
      vorig: alsGetal(r.vorig),
      norm: alsGetal(r.norm),
      grenzen: grenzenTekst({
        eenheid: r.eenheid,
        ondergrens: r.ondergrens === null ? null : new Decimal(r.ondergrens),
        bovengrens: r.bovengrens === null ? null : new Decimal(r.bovengrens),
      }),
    });
    for (const [i, k] of KOLOMMEN.entries()) {
      const cel = rij.getCell(i + 1);
      if (k.soort === 'sleutel') cel.numFmt = TEKST;
      if (k.soort === 'invullen') cel.protection = { locked: false };
      if (k.soort === 'naslag') {
        cel.fill = GRIJS;
        cel.font = { color: { argb: 'FF595959' } };
      }
    }
  }
  // Protected without a password: the keys and reference columns cannot change by accident, but
  // whoever needs to can lift it (Controleren → Beveiliging blad opheffen).
  const bescherming: Partial<ExcelJS.WorksheetProtection> = { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true, autoFilter: true };
  await blad.protect('', bescherming);

  const over = werkmap.addWorksheet(BLAD_OVER);
  over.columns = [{ width: 14 }, { width: 90 }];
  over.addRow(['Regiohub — kwartaalrapportage']).font = { bold: true, size: 14 };
  const regels: Array<[string, string | number | null]> = [
    ['module', sleutel.module],
    ['jaar', sleutel.jaar],
    ['kwartaal', sleutel.kwartaal],
    ['revisie', huidige?.revisie ?? null],
    ['versie', huidige?.versie ?? null],
    ['status', huidige?.status ?? 'nog geen rapportage (uploaden maakt het concept)'],
    ['moment', ctx.now().toISOString()],
  ];
  for (const [label, waarde] of regels) {
    const rij = over.addRow([label, waarde]);
    rij.getCell(1).font = { bold: true };
    rij.getCell(2).alignment = { horizontal: 'left' };
    if (typeof waarde === 'string') rij.getCell(2).numFmt = TEKST;
  }
  over.addRow([]);
  for (const uitleg of [
    `Vul op het blad ${BLAD_WAARDEN} de kolommen waarde en toelichting in en upload het bestand (POST /import/kwartaalrapportage.xlsx of de pagina /import/).`,
    'Uploaden slaat het concept op, zoals kwartaalrapportageOpslaan: alles of niets; elk probleem wordt gemeld met blad, rij en kolom.',
    'Wijzig dit blad niet: de revisie zegt op welke stand van de rapportage uw waarden zijn gebaseerd. Is de rapportage intussen gewijzigd, dan volgt CONFLICT; haal dan een nieuw sjabloon.',
    'Grijze kolommen (vorig kwartaal, norm, grenzen) zijn ter informatie en worden niet gelezen.',
  ]) {
    over.addRow(['', uitleg]).getCell(2).alignment = { wrapText: true };
  }
  await over.protect('', bescherming);
  return Buffer.from(await werkmap.xlsx.writeBuffer());
}

// ---------------------------------------------------------------------------------------------------
// The upload

interface GelezenRij {
  rij: number;
  invoer: KpiWaardeInvoer;
}

function leesWaarden(werkmap: ExcelJS.Workbook): { rijen: GelezenRij[]; problemen: BladProbleem[]; leesbaar: boolean } {
  const blad = werkmap.getWorksheet(BLAD_WAARDEN);
  const problemen: BladProbleem[] = [];
  if (!blad) {
    const melding = `het blad "${BLAD_WAARDEN}" ontbreekt; gebruik het sjabloon van de hub (GET /import/kwartaalrapportage/sjabloon.xlsx)`;
    return { rijen: [], problemen: [{ blad: null, rij: null, kolom: null, kolomnaam: null, melding }], leesbaar: false };
  }
  const kop = blad.getRow(1);
  for (const [i, k] of KOLOMMEN.entries()) {
    const gevonden = alsTekst(celInhoud(kop.getCell(i + 1).value));
    if (gevonden?.toLowerCase() !== k.kop.toLowerCase()) {
      const wat = gevonden === null ? 'de kop ontbreekt' : `kop "${gevonden}" gevonden`;
      problemen.push({ ...opWaarden(1, k.sleutel, ''), melding: `${wat}; verwacht "${k.kop}" (kolommen niet verplaatsen, toevoegen of hernoemen)` });
    }
  }
  if (problemen.length) return { rijen: [], problemen, leesbaar: false };
  if (blad.rowCount > MAX_RIJEN + 1) {
    return { rijen: [], problemen: [opWaarden(MAX_RIJEN + 2, 'kpi', `meer dan ${MAX_RIJEN} regels; een rapportage heeft er hoogstens enkele honderden`)], leesbaar: false };
  }

  const rijen: GelezenRij[] = [];
  const gezien = new Map<string, number>();
  for (let nummer = 2; nummer <= blad.rowCount; nummer++) {
    const rij = blad.getRow(nummer);
    const cel = (sleutel: KolomSleutel) => celInhoud(rij.getCell(kolomNummer(sleutel)).value);
    const kpi = alsTekst(cel('kpi'))?.toUpperCase() ?? null;
    const gemeente = alsTekst(cel('gemeente'));
    const waardeCel = cel('waarde');
    const procentnotatie = (rij.getCell(kolomNummer('waarde')).numFmt ?? '').includes('%');
    const toelichting = alsTekst(cel('toelichting'));
    if (kpi === null && gemeente === null && waardeCel === null && toelichting === null) continue;
    const fout = (sleutel: KolomSleutel, melding: string) => problemen.push(opWaarden(nummer, sleutel, melding));
    const voor = problemen.length;

    if (kpi === null) fout('kpi', 'KPI-code ontbreekt');
    const cbsCode = gemeente === null ? null : normaliseerCbsCode(gemeente);
    const cbsProbleem = cbsCode === null ? null : cbsCodeProbleem(cbsCode);
    if (cbsProbleem) fout('gemeente', cbsProbleem);
    const getal = leesGetal(waardeCel, procentnotatie);
    if ('probleem' in getal) fout('waarde', getal.probleem);
    const invoer = Object.assign(new KpiWaardeInvoer(), {
      kpi: kpi ?? '',
      gemeente: cbsCode ?? undefined,
      waarde: 'waarde' in getal ? getal.waarde : null,
      toelichting: toelichting ?? undefined,
    });
    // The input's own rules (class-validator), as the GraphQL mutation applies them.
    for (const overtreding of validateSync(invoer)) {
      const sleutel = (KOLOMMEN.find((k) => k.sleutel === overtreding.property)?.sleutel ?? 'kpi') as KolomSleutel;
      for (const melding of Object.values(overtreding.constraints ?? {})) fout(sleutel, melding);
    }
    if (kpi !== null) {
      const sleutel = `${kpi}|${cbsCode ?? ''}`;
      const eerder = gezien.get(sleutel);
      if (eerder !== undefined) fout('kpi', `dubbele regel: ${kpi}${cbsCode ? ` voor ${cbsCode}` : ''} staat ook in rij ${eerder}`);
      else gezien.set(sleutel, nummer);
    }
    // A row with a problem of its own is not offered to the save: its problem is known already.
    if (problemen.length === voor) rijen.push({ rij: nummer, invoer });
  }
  if (rijen.length === 0 && problemen.length === 0) {
    problemen.push(opWaarden(2, 'kpi', `het blad ${BLAD_WAARDEN} heeft geen regels`));
  }
  return { rijen, problemen, leesbaar: true };
}

/** The sheet Over dit bestand: which report the file is for, and the revisie it was made at. */
function leesOver(werkmap: ExcelJS.Workbook, verwacht: RapportageKwartaal | undefined): { sleutel: RapportageKwartaal & { revisie?: number }; problemen: BladProbleem[] } | { sleutel: null; problemen: BladProbleem[] } {
  const blad = werkmap.getWorksheet(BLAD_OVER);
  if (!blad) {
    const melding = `het blad "${BLAD_OVER}" ontbreekt: het zegt voor welke module, welk kwartaal en welke revisie het bestand is; gebruik het sjabloon van de hub`;
    return { sleutel: null, problemen: [{ blad: null, rij: null, kolom: null, kolomnaam: null, melding }] };
  }
  const regels = new Map<string, { rij: number; cel: Cel }>();
  blad.eachRow((rij, nummer) => {
    const label = alsTekst(celInhoud(rij.getCell(1).value))?.toLowerCase();
    if (label && !regels.has(label)) regels.set(label, { rij: nummer, cel: celInhoud(rij.getCell(2).value) });
  });
  const problemen: BladProbleem[] = [];
  const fout = (label: string, melding: string) => {
    const regel = regels.get(label);
    problemen.push({ blad: BLAD_OVER, rij: regel?.rij ?? null, kolom: regel ? 'B' : 'A', kolomnaam: label, melding });
  };
  const geheel = (label: string): number | null => {
    const cel = regels.get(label)?.cel ?? null;
    const tekst = alsTekst(cel);
    return tekst !== null && /^\d+$/.test(tekst.trim()) ? Number(tekst.trim()) : null;
  };
  for (const label of ['module', 'jaar', 'kwartaal', 'revisie']) {
    if (!regels.has(label)) fout(label, `de regel "${label}" ontbreekt; wijzig dit blad niet`);
  }
  const module = alsTekst(regels.get('module')?.cel ?? null)?.toUpperCase() ?? null;
  const jaar = geheel('jaar');
  const kwartaal = geheel('kwartaal');
  const revisieTekst = alsTekst(regels.get('revisie')?.cel ?? null);
  const revisie = geheel('revisie');
  if (regels.has('module') && !module) fout('module', 'de module ontbreekt');
  if (regels.has('jaar') && !isJaar(jaar)) fout('jaar', jaarMelding(alsTekst(regels.get('jaar')!.cel)));
  if (regels.has('kwartaal') && (kwartaal === null || kwartaal < 1 || kwartaal > 4)) fout('kwartaal', KWARTAAL_MELDING);
  if (revisieTekst !== null && (revisie === null || revisie < 1)) fout('revisie', `revisie "${revisieTekst}" is geen positief geheel getal; haal een nieuw sjabloon`);
  if (problemen.length || !module || jaar === null || kwartaal === null) return { sleutel: null, problemen };

  if (verwacht && verwacht.module.toUpperCase() !== module) {
    fout('module', `dit bestand is voor module ${module}, niet voor ${verwacht.module.toUpperCase()}`);
  }
  if (verwacht && (verwacht.jaar !== jaar || verwacht.kwartaal !== kwartaal)) {
    fout('kwartaal', `dit bestand is voor ${jaar}-K${kwartaal}, niet voor ${verwacht.jaar}-K${verwacht.kwartaal}`);
  }
  return { sleutel: { module, jaar, kwartaal, revisie: revisie ?? undefined }, problemen };
}

/** The CBS codes of the gemeenten taking part in the quarter's report (the template's rows). */
async function deelnemendeCbsCodes(em: EntityManager, sleutel: RapportageKwartaal): Promise<Set<string>> {
  const rijen = await em.execute<{ cbs_code: string }[]>(
    em.getKnex().raw('select cbs_code from gemeente where id in ?', [deelnemendeGemeenten(em, sleutel).getKnexQuery()] as Knex.RawBinding[]),
  );
  return new Set(rijen.map((r) => r.cbs_code));
}

/**
 * Saves a filled-in template as the draft of the report it names (sheet Over dit bestand), through
 * kwartaalrapportageOpslaan: same rules, one transaction, the revision check. Every problem comes back
 * at once, with sheet, row and column; when there is any, nothing is saved. With `verwacht`, the file
 * must be for that module and quarter.
 */
export async function kwartaalrapportageUploaden(ctx: Schrijver, bestand: Buffer, verwacht?: RapportageKwartaal): Promise<KwartaalrapportageType> {
  // A named report is in scope or not before the file is read; otherwise the save checks the file's module.
  if (verwacht) await vereisScope(ctx.em, ctx, verwacht.module);
  const werkmap = await leesWerkmap(bestand);
  const over = leesOver(werkmap, verwacht);
  const waarden = leesWaarden(werkmap);
  const vooraf = [...over.problemen, ...waarden.problemen];
  const sleutel = over.sleutel;
  if (!sleutel || !waarden.leesbaar || over.problemen.length) throw uploadFout(vooraf, BLAD_VOLGORDE);

  const invoer = Object.assign(new RapportageOpslaanInvoer(), { ...sleutel, waarden: waarden.rijen.map((r) => r.invoer) });
  return kwartaalrapportageOpslaan(ctx, invoer, {
    beoordeel: async (problemen, em) => {
      const alle = [...vooraf, ...problemen.map((p) => opWaarden(waarden.rijen[p.index].rij, KOLOM_VAN_VELD[p.veld], p.probleem))];
      // The template lists the participating gemeenten only; a row for another one is not part of this
      // report (the save takes it, submitting would refuse it). Checked only where the save found nothing.
      const metProbleem = new Set(problemen.map((p) => p.index));
      const metGemeente = waarden.rijen.filter((r, i) => r.invoer.gemeente && !metProbleem.has(i));
      if (metGemeente.length) {
        const deelnemers = await deelnemendeCbsCodes(em, sleutel);
        for (const r of metGemeente.filter((r) => !deelnemers.has(r.invoer.gemeente!))) {
          alle.push(opWaarden(r.rij, 'gemeente', `${NIET_DEELNEMER_MELDING} (${r.invoer.gemeente} in ${sleutel.jaar}-K${sleutel.kwartaal})`));
        }
      }
      if (alle.length) throw uploadFout(alle, BLAD_VOLGORDE);
    },
  });
}
