import type { EntityManager } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import type { Schrijver } from '../context.js';
import { Decimal } from '../core/decimal.js';
import { ErrorCode, hubError } from '../core/errors.js';
import {
  alsTekst,
  type BladProbleem,
  type Cel,
  type CelWaarde,
  ImportWijziging,
  importTransactie,
  isRegelWeigering,
  type KolomHerkenning,
  kopNormaal,
  leesBedrag,
  leesJaar,
  leesRasters,
  leesTabel,
  leesTekst,
  neemCel,
  type Raster,
  type Tabel,
  uploadFout,
} from '../core/spreadsheet-in.js';
import { type SjabloonKolom, sjabloonBlad, uitlegBlad, sjabloonWerkmap } from '../core/spreadsheet-sjabloon.js';
import { moduleMetCode } from '../module/module.service.js';
import { taakveldIn, taakveldNaam } from '../taakveld/taakvelden.js';
import { BIJDRAGEN_GEMEENTEN, categorieIn, Kant } from './categorieen.js';
import { PrognoseInvoer, RealisatieInvoer, RealisatieRegelInvoer } from './realisatie.inputs.js';
import { legRealisatieVast, realisatieProblemenPerCel, type RegelRij, vereisRealisatieScope } from './realisatie.service.js';
import { RealisatieImportKwartaalType, RealisatieImportType } from './realisatie-import.types.js';

// The quarterly realisation from a spreadsheet (module managers and the MGR-bureau's controllers work in
// Excel): one row per Iv3 cell of a module's quarter on the sheet Realisatie, the forecast per quarter on
// the sheet Prognose. Every quarter in the file is recorded by legRealisatieVast, the same call as the
// mutation realisatieVastleggen, so every rule (role and module, Iv3 lists, forbidden cells, open year,
// quarter begun) is the mutation's; this file reads cells and names the row and column of each refusal.

/** More rows than all modules' cells of a year; a bound on the work one upload can cause. */
const MAX_RIJEN = 10_000;
export const BLAD_REALISATIE = 'Realisatie';
export const BLAD_PROGNOSE = 'Prognose';
const BLADEN = [BLAD_REALISATIE, BLAD_PROGNOSE];

const kop = (...namen: string[]) => (tekst: string) => namen.includes(tekst);
const KWARTAAL_KOLOMMEN = {
  module: { naam: 'Module', past: kop('module', 'modulecode') },
  jaar: { naam: 'Jaar', past: kop('jaar', 'boekjaar') },
  kwartaal: { naam: 'Kwartaal', past: kop('kwartaal') },
} satisfies Record<string, KolomHerkenning>;
const KOLOMMEN = {
  ...KWARTAAL_KOLOMMEN,
  taakveld: { naam: 'Taakveld', past: kop('taakveld') },
  categorie: { naam: 'Categorie', past: kop('categorie', 'economische categorie') },
  kant: { naam: 'Kant', past: kop('kant') },
  bedrag: { naam: 'Bedrag', past: kop('bedrag') },
} satisfies Record<string, KolomHerkenning>;
const PROGNOSE_KOLOMMEN = {
  ...KWARTAAL_KOLOMMEN,
  lasten: { naam: 'Lasten', past: kop('lasten', 'prognose lasten') },
  baten: { naam: 'Baten', past: kop('baten', 'prognose baten') },
  toelichting: { naam: 'Toelichting', past: kop('toelichting'), optioneel: true },
} satisfies Record<string, KolomHerkenning>;
type Kolom = keyof typeof KOLOMMEN;
type PrognoseKolom = keyof typeof PROGNOSE_KOLOMMEN;

interface Regel {
  rij: number;
  taakveld: string;
  categorie: string;
  kant: Kant;
  bedrag: Decimal;
}

interface Prognose {
  rij: number;
  /** Null: the file says this quarter has no forecast. */
  waarde: { lasten: Decimal; baten: Decimal; toelichting: string | null } | null;
}

/** One module's quarter as the file gives it. */
interface Kwartaal {
  module: string;
  jaar: number;
  kwartaal: number;
  /** The first row naming the quarter: where a refusal of the quarter as a whole is reported. */
  eersteRij: number;
  regels: Regel[];
  /** Undefined: the file has no forecast for the quarter, and the hub keeps the one it has. */
  prognose?: Prognose;
}

const sleutelVan = (k: { module: string; jaar: number; kwartaal: number }) => `${k.module}|${k.jaar}|${k.kwartaal}`;
const naamVan = (k: { module: string; jaar: number; kwartaal: number }) => `${k.module} ${k.jaar}-K${k.kwartaal}`;

function leesKwartaal(cel: Cel): CelWaarde<number> {
  const tekst = alsTekst(cel)?.trim() ?? null;
  if (tekst === null) return { waarde: null };
  const gevonden = /^[kq]?([1-4])$/i.exec(tekst);
  return gevonden ? { waarde: Number(gevonden[1]) } : { probleem: `kwartaal "${tekst}" bestaat niet; schrijf 1, 2, 3 of 4` };
}

/**
 * A taakveld or categorie code. Excel turns "0.10" typed in a General cell into the number 0,1, which is
 * another taakveld (0.1 Bestuur); a number whose code with a trailing zero also exists is refused
 * rather than guessed (the template's columns are text, so this only meets files made elsewhere).
 */
function leesCode(cel: Cel, label: string, bestaat: (code: string) => boolean): CelWaarde<string> {
  const gelezen = leesTekst(cel, label, 10);
  if ('probleem' in gelezen || gelezen.waarde === null) return gelezen;
  const code = gelezen.waarde.replace(',', '.');
  if (typeof cel === 'number' && bestaat(`${code}0`)) {
    return { probleem: `Excel heeft ${label.toLowerCase()} als getal ${code.replace('.', ',')} opgeslagen: dat kan ${code} of ${code}0 zijn; maak de kolom Tekst en typ de code opnieuw` };
  }
  return { waarde: code };
}

function leesKant(cel: Cel): CelWaarde<Kant> {
  const tekst = alsTekst(cel)?.trim() ?? null;
  if (tekst === null) return { waarde: null };
  const kant = tekst.toUpperCase();
  return kant === Kant.LASTEN || kant === Kant.BATEN ? { waarde: kant } : { probleem: `kant "${tekst}" bestaat niet; kies LASTEN of BATEN` };
}

interface Gelezen {
  kwartalen: Kwartaal[];
  problemen: BladProbleem[];
  realisatie: Tabel<Kolom> | null;
  prognose: Tabel<PrognoseKolom> | null;
}

/** The quarter a row names (module, jaar, kwartaal), or null after reporting why it names none. */
type KwartaalKolom = keyof typeof KWARTAAL_KOLOMMEN;
function kwartaalVanRij(
  cel: (k: KwartaalKolom) => Cel,
  fout: (k: KwartaalKolom, melding: string) => void,
  moduleCodes: Set<string>,
): { module: string; jaar: number; kwartaal: number } | null {
  const module = alsTekst(cel('module'))?.trim().toUpperCase() ?? null;
  if (module === null) fout('module', 'de modulecode ontbreekt (bijvoorbeeld WGSW)');
  else if (!moduleCodes.has(module)) fout('module', `module ${module} is niet bekend in de hub; gebruik de modulecode (${[...moduleCodes].slice(0, 6).join(', ')}, …)`);
  const jaar = neemCel(leesJaar(cel('jaar')), 'het jaar ontbreekt', (m) => fout('jaar', m));
  const kwartaal = neemCel(leesKwartaal(cel('kwartaal')), 'het kwartaal ontbreekt (1, 2, 3 of 4)', (m) => fout('kwartaal', m));
  return module !== null && moduleCodes.has(module) && jaar !== null && kwartaal !== null ? { module, jaar, kwartaal } : null;
}

function leesBestand(rasters: Raster[], moduleCodes: Set<string>): Gelezen {
  const tabel = leesTabel(rasters, KOLOMMEN);
  if ('probleem' in tabel) return { kwartalen: [], problemen: [tabel.probleem], realisatie: null, prognose: null };
  const problemen: BladProbleem[] = [];
  const kwartalen = new Map<string, Kwartaal>();
  for (const { rij, cel } of tabel.rijen) {
    const voor = problemen.length;
    const fout = (k: Kolom, melding: string) => problemen.push(tabel.probleemOp(rij, k, melding));
    const neem = <T>(k: Kolom, gelezen: CelWaarde<T>, ontbreekt: string) => neemCel(gelezen, ontbreekt, (melding) => fout(k, melding));
    const wie = kwartaalVanRij(cel, fout, moduleCodes);
    // An empty amount is no amount: the cell is zero in this quarter, as in the mutation, and is not stored.
    const bedrag = neemCel(leesBedrag(cel('bedrag')), null, (melding) => fout('bedrag', melding));
    let regel: Omit<Regel, 'rij' | 'bedrag'> | null = null;
    if (bedrag !== null) {
      const jaar = wie?.jaar ?? null;
      const taakveld = neem('taakveld', leesCode(cel('taakveld'), 'Taakveld', (code) => jaar !== null && taakveldIn(code, jaar) !== undefined), 'het taakveld ontbreekt (bijvoorbeeld 6.4)');
      const kant = neem('kant', leesKant(cel('kant')), 'de kant ontbreekt: LASTEN of BATEN');
      const categorie = neem('categorie', leesCode(cel('categorie'), 'Categorie', (code) => jaar !== null && kant !== null && categorieIn(code, kant, jaar) !== undefined), 'de categorie ontbreekt (bijvoorbeeld 1.1)');
      if (taakveld !== null && kant !== null && categorie !== null) regel = { taakveld, categorie, kant };
    }
    if (!wie) continue;
    const sleutel = sleutelVan(wie);
    const kwartaal = kwartalen.get(sleutel) ?? { ...wie, eersteRij: rij, regels: [] };
    kwartalen.set(sleutel, kwartaal);
    if (regel && bedrag !== null && problemen.length === voor) kwartaal.regels.push({ rij, ...regel, bedrag });
  }
  if (kwartalen.size === 0 && problemen.length === 0) problemen.push(tabel.probleemOp(tabel.koprij + 1, null, 'onder de kopregel staan geen regels met module, jaar en kwartaal'));

  // The forecast: a table on another sheet. Without one the hub keeps each quarter's forecast (a CSV file
  // holds one table); a sheet called Prognose without the right header is a problem, not silence.
  const overige = rasters.filter((r) => r !== tabel.raster);
  const prognoseTabel = leesTabel(overige, PROGNOSE_KOLOMMEN);
  if ('probleem' in prognoseTabel) {
    const blad = overige.find((r) => kopNormaal(r.blad) === kopNormaal(BLAD_PROGNOSE));
    const eigen = blad ? leesTabel([blad], PROGNOSE_KOLOMMEN) : null;
    if (eigen && 'probleem' in eigen) problemen.push(eigen.probleem);
    return { kwartalen: [...kwartalen.values()], problemen, realisatie: tabel, prognose: null };
  }
  for (const { rij, cel } of prognoseTabel.rijen) {
    const voor = problemen.length;
    const fout = (k: PrognoseKolom, melding: string) => problemen.push(prognoseTabel.probleemOp(rij, k, melding));
    const wie = kwartaalVanRij(cel, fout, moduleCodes);
    const lasten = neemCel(leesBedrag(cel('lasten')), null, (m) => fout('lasten', m));
    const baten = neemCel(leesBedrag(cel('baten')), null, (m) => fout('baten', m));
    const toelichting = neemCel(leesTekst(cel('toelichting'), 'Toelichting', 2000, 'prose'), null, (m) => fout('toelichting', m));
    if ((lasten === null) !== (baten === null)) fout(lasten === null ? 'lasten' : 'baten', 'een prognose heeft lasten en baten (0 als er geen zijn); laat beide leeg voor geen prognose');
    else if (lasten === null && toelichting !== null) fout('lasten', 'een toelichting zonder prognose: vul lasten en baten in, of laat de toelichting leeg');
    if (!wie || problemen.length > voor) continue;
    const kwartaal = kwartalen.get(sleutelVan(wie));
    if (!kwartaal) {
      fout('kwartaal', `${naamVan(wie)} staat niet op het blad ${tabel.raster.blad}; een kwartaal wordt als geheel vervangen, dus de prognose gaat met de realisatie mee`);
      continue;
    }
    if (kwartaal.prognose) {
      fout('kwartaal', `de prognose van ${naamVan(wie)} staat ook in rij ${kwartaal.prognose.rij}`);
      continue;
    }
    kwartaal.prognose = { rij, waarde: lasten !== null && baten !== null ? { lasten, baten, toelichting } : null };
  }
  return { kwartalen: [...kwartalen.values()], problemen, realisatie: tabel, prognose: prognoseTabel };
}

interface BestaandKwartaal {
  module: string;
  jaar: number;
  kwartaal: number;
  lasten: string | null;
  baten: string | null;
  prognose_lasten: string | null;
  prognose_baten: string | null;
  toelichting: string | null;
}

/** The hub's totals and forecast of the years' quarters; one statement. */
function bestaandeKwartalen(em: EntityManager, jaren: number[]): Promise<BestaandKwartaal[]> {
  if (jaren.length === 0) return Promise.resolve([]);
  return em.execute<BestaandKwartaal[]>(
    `with r as (
       select module_id, jaar, kwartaal,
         coalesce(sum(bedrag) filter (where kant = 'LASTEN'), 0)::numeric(15,2)::text as lasten,
         coalesce(sum(bedrag) filter (where kant = 'BATEN'), 0)::numeric(15,2)::text as baten
       from realisatie where jaar = any(?::int[]) group by module_id, jaar, kwartaal
     )
     select m.code as module, coalesce(r.jaar, p.jaar) as jaar, coalesce(r.kwartaal, p.kwartaal) as kwartaal, r.lasten, r.baten,
            p.lasten::text as prognose_lasten, p.baten::text as prognose_baten, p.toelichting
     from r full join (select * from realisatie_prognose where jaar = any(?::int[])) p
       on p.module_id = r.module_id and p.jaar = r.jaar and p.kwartaal = r.kwartaal
     join module m on m.id = coalesce(r.module_id, p.module_id)`,
    [`{${jaren.join(',')}}`, `{${jaren.join(',')}}`],
  );
}

const som = (regels: Regel[], kant: Kant) => regels.filter((r) => r.kant === kant).reduce((s, r) => s.plus(r.bedrag), new Decimal(0));

/**
 * Imports the quarterly realisation (beheerder, or a module manager for their own modules; the resolver
 * checks the role, legRealisatieVast the module). Several modules and quarters per file; each quarter
 * in the file replaces that quarter as a whole, through legRealisatieVast. Every problem comes back at
 * once at its sheet, row and column, and nothing is written; a dry run does all of it and rolls back.
 */
export async function realisatieImporteren(ctx: Schrijver, bestand: Buffer, bestandsnaam: string | null, proefdraai: boolean): Promise<RealisatieImportType> {
  const rasters = await leesRasters(bestand, bestandsnaam, MAX_RIJEN + 1);
  // A quarter is replaced as a whole: rows beyond the bound would be cells silently emptied, so such a file is refused.
  const teLang = rasters.find((r) => r.rijen.some((x) => x.rij > MAX_RIJEN));
  if (teLang) throw uploadFout([{ blad: teLang.blad, rij: MAX_RIJEN + 1, kolom: null, kolomnaam: null, melding: `meer dan ${MAX_RIJEN} rijen; splits het bestand per module of kwartaal` }]);
  return importTransactie(ctx.em, proefdraai, async (em) => {
    const modules = await em.execute<{ code: string }[]>('select code from module order by code');
    const { kwartalen, problemen, realisatie, prognose } = leesBestand(rasters, new Set(modules.map((m) => m.code)));
    kwartalen.sort((a, b) => a.module.localeCompare(b.module) || a.jaar - b.jaar || a.kwartaal - b.kwartaal);
    const bestaand = new Map((await bestaandeKwartalen(em, [...new Set(kwartalen.map((k) => k.jaar))])).map((b) => [sleutelVan(b), b]));
    let buitenScope = false;
    const uitkomsten: RealisatieImportKwartaalType[] = [];
    for (const k of kwartalen) {
      const oud = bestaand.get(sleutelVan(k));
      const opRij = (kolom: Kolom | null, melding: string) => realisatie && problemen.push(realisatie.probleemOp(k.eersteRij, kolom, melding));
      const invoer = Object.assign(new RealisatieInvoer(), {
        module: k.module,
        jaar: k.jaar,
        kwartaal: k.kwartaal,
        regels: k.regels.map((r) => Object.assign(new RealisatieRegelInvoer(), { taakveld: r.taakveld, categorie: r.categorie, kant: r.kant, bedrag: r.bedrag })),
        prognose: prognoseVoor(k, oud),
      });
      try {
        const wijziging = await legRealisatieVast(em, ctx, invoer);
        uitkomsten.push(
          Object.assign(new RealisatieImportKwartaalType(), {
            module: k.module,
            jaar: k.jaar,
            kwartaal: k.kwartaal,
            rijen: k.regels.map((r) => r.rij),
            regels: k.regels.length,
            lasten: som(k.regels, Kant.LASTEN).toFixed(2),
            baten: som(k.regels, Kant.BATEN).toFixed(2),
            oudeLasten: oud ? (oud.lasten ?? '0.00') : null,
            oudeBaten: oud ? (oud.baten ?? '0.00') : null,
            prognoseLasten: invoer.prognose?.lasten.toFixed(2) ?? null,
            prognoseBaten: invoer.prognose?.baten.toFixed(2) ?? null,
            prognoseUitBestand: k.prognose !== undefined,
            wijziging,
          }),
        );
      } catch (error) {
        const code = error instanceof GraphQLError ? error.extensions.code : null;
        if (code === ErrorCode.FORBIDDEN) {
          buitenScope = true;
          opRij('module', error instanceof Error ? error.message : String(error));
          continue;
        }
        if (!isRegelWeigering(error)) throw error;
        if (code === ErrorCode.NOT_FOUND) opRij('module', error.message);
        else if (code === ErrorCode.JAAR_AFGESLOTEN) opRij('jaar', error.message);
        else if (Array.isArray(error.extensions.problemen)) {
          // The mutation's own rules, located: each at the row and column of the cell it is about.
          for (const p of realisatieProblemenPerCel(invoer)) {
            if (p.regel === null) {
              if (k.prognose && prognose) problemen.push(prognose.probleemOp(k.prognose.rij, 'lasten', `prognose: ${p.melding}`));
              else opRij(null, `prognose: ${p.melding}`);
            } else if (realisatie) problemen.push(realisatie.probleemOp(k.regels[p.regel].rij, p.veld === 'prognose' ? null : p.veld, p.melding));
          }
        } else opRij('kwartaal', error.message);
      }
    }
    if (problemen.length) {
      const fout = uploadFout(problemen, BLADEN) as GraphQLError;
      // Figures of a module the caller may not record: refused as such, with every problem located.
      if (buitenScope) throw hubError(ErrorCode.FORBIDDEN, fout.message, { problemen: fout.extensions.problemen });
      throw fout;
    }
    const telling = (w: ImportWijziging) => uitkomsten.filter((u) => u.wijziging === w).length;
    const totaal = (veld: 'lasten' | 'baten') => uitkomsten.reduce((s, u) => s.plus(u[veld]), new Decimal(0)).toFixed(2);
    return Object.assign(new RealisatieImportType(), {
      proefdraai,
      nieuw: telling(ImportWijziging.NIEUW),
      gewijzigd: telling(ImportWijziging.GEWIJZIGD),
      gelijk: telling(ImportWijziging.GELIJK),
      totaalLasten: totaal('lasten'),
      totaalBaten: totaal('baten'),
      kwartalen: uitkomsten,
    });
  });
}

/** The forecast a quarter is recorded with: the file's, or (when the file has none) the one the hub has. */
function prognoseVoor(k: Kwartaal, oud: BestaandKwartaal | undefined): PrognoseInvoer | undefined {
  const p =
    k.prognose !== undefined
      ? k.prognose.waarde
      : oud?.prognose_lasten != null && oud.prognose_baten != null
        ? { lasten: new Decimal(oud.prognose_lasten), baten: new Decimal(oud.prognose_baten), toelichting: oud.toelichting }
        : null;
  return p ? Object.assign(new PrognoseInvoer(), { lasten: p.lasten, baten: p.baten, toelichting: p.toelichting ?? undefined }) : undefined;
}

const SJABLOON_KOLOMMEN: readonly SjabloonKolom[] = [
  { kop: 'Module', breedte: 12, soort: 'tekst', uitleg: 'De modulecode, bijvoorbeeld WGSW.' },
  { kop: 'Jaar', breedte: 8, soort: 'getal' },
  { kop: 'Kwartaal', breedte: 10, soort: 'getal', uitleg: '1, 2, 3 of 4.' },
  { kop: 'Taakveld', breedte: 10, soort: 'tekst', uitleg: 'BBV-taakveld van het jaar, bijvoorbeeld 6.4 (als tekst: 0.10 is niet 0.1).' },
  { kop: 'Taakveldnaam', breedte: 36, soort: 'tekst', naslag: true, uitleg: 'Ter informatie; de hub leest deze kolom niet.' },
  { kop: 'Categorie', breedte: 11, soort: 'tekst', uitleg: 'Iv3 economische categorie, bijvoorbeeld 1.1 of 4.3.2.' },
  { kop: 'Categorienaam', breedte: 40, soort: 'tekst', naslag: true, uitleg: 'Ter informatie; de hub leest deze kolom niet.' },
  { kop: 'Kant', breedte: 9, soort: 'tekst', keuzes: [Kant.LASTEN, Kant.BATEN] },
  { kop: 'Bedrag', breedte: 18, soort: 'bedrag', uitleg: 'Het bedrag van dit kwartaal zelf (niet cumulatief), in euro, 0 of meer. Leeg = geen bedrag op deze cel.' },
  { kop: 'Vorig kwartaal', breedte: 18, soort: 'bedrag', naslag: true, uitleg: 'Het bedrag van het vorige kwartaal, ter vergelijking; de hub leest deze kolom niet.' },
];
const PROGNOSE_SJABLOON: readonly SjabloonKolom[] = [
  { kop: 'Module', breedte: 12, soort: 'tekst' },
  { kop: 'Jaar', breedte: 8, soort: 'getal' },
  { kop: 'Kwartaal', breedte: 10, soort: 'getal' },
  { kop: 'Lasten', breedte: 18, soort: 'bedrag', uitleg: 'Prognose van de lasten voor het hele jaar.' },
  { kop: 'Baten', breedte: 18, soort: 'bedrag', uitleg: 'Prognose van de baten voor het hele jaar, zonder de bijdragen van de gemeenten.' },
  { kop: 'Toelichting', breedte: 60, soort: 'tekst', uitleg: 'Waarom de prognose afwijkt van de begroting.' },
];

/** The usual cells of a module without earlier figures: its own taakveld, salaries and goods on the lasten side, goods and the gemeenten' contributions on the baten side. */
const GEBRUIKELIJK: ReadonlyArray<[string, Kant]> = [
  ['1.1', Kant.LASTEN],
  ['3.8', Kant.LASTEN],
  ['3.8', Kant.BATEN],
  [BIJDRAGEN_GEMEENTEN, Kant.BATEN],
];

type SjabloonRij = Omit<RegelRij, 'id' | 'module_id'>;

/**
 * The template of a module's quarter (xlsx): one row per cell the module used this year up to the
 * quarter or in the previous quarter (else its own taakveld with the usual categories), the quarter's
 * recorded amounts, the previous quarter's in a grey column, the forecast on the sheet Prognose, and a
 * sheet that explains the file. Uploading it unchanged changes nothing.
 */
export async function realisatieSjabloon(ctx: Schrijver, moduleCode: string, jaar: number, kwartaal: number): Promise<Buffer> {
  const code = moduleCode.trim().toUpperCase();
  const module = await moduleMetCode(ctx.em, code);
  vereisRealisatieScope(ctx.identity, module.code);
  const [vorigJaar, vorigKwartaal] = kwartaal === 1 ? [jaar - 1, 4] : [jaar, kwartaal - 1];
  const rijen = await ctx.em.execute<SjabloonRij[]>(
    `select r.jaar, r.kwartaal, r.taakveld, r.categorie, r.kant, r.bedrag::text as bedrag
     from realisatie r where r.module_id = ? and ((r.jaar = ? and r.kwartaal <= ?) or (r.jaar = ? and r.kwartaal = ?))`,
    [module.id, jaar, kwartaal, vorigJaar, vorigKwartaal],
  );
  const prognoses = await ctx.em.execute<Array<{ lasten: string; baten: string; toelichting: string | null }>>(
    'select lasten::text, baten::text, toelichting from realisatie_prognose where module_id = ? and jaar = ? and kwartaal = ?',
    [module.id, jaar, kwartaal],
  );
  const celSleutel = (r: { taakveld: string; categorie: string; kant: Kant }) => `${r.kant}|${r.taakveld}|${r.categorie}`;
  const cellen = new Map<string, { taakveld: string; categorie: string; kant: Kant }>();
  for (const r of rijen) cellen.set(celSleutel(r), { taakveld: r.taakveld, categorie: r.categorie, kant: r.kant });
  if (cellen.size === 0 && module.taakveld) for (const [categorie, kant] of GEBRUIKELIJK) cellen.set(celSleutel({ taakveld: module.taakveld, categorie, kant }), { taakveld: module.taakveld, categorie, kant });
  const bedragIn = (j: number, k: number, sleutel: string) => rijen.find((r) => r.jaar === j && r.kwartaal === k && celSleutel(r) === sleutel)?.bedrag ?? null;
  const volgorde = (a: { taakveld: string; categorie: string; kant: Kant }, b: typeof a) =>
    Number(a.kant === Kant.BATEN) - Number(b.kant === Kant.BATEN) ||
    a.taakveld.localeCompare(b.taakveld, 'nl', { numeric: true }) ||
    a.categorie.localeCompare(b.categorie, 'nl', { numeric: true });

  const werkmap = sjabloonWerkmap(ctx.now());
  sjabloonBlad(
    werkmap,
    BLAD_REALISATIE,
    SJABLOON_KOLOMMEN,
    [...cellen.entries()]
      .sort(([, a], [, b]) => volgorde(a, b))
      .map(([sleutel, c]) => [
        module.code,
        jaar,
        kwartaal,
        c.taakveld,
        taakveldNaam(c.taakveld, jaar),
        c.categorie,
        categorieIn(c.categorie, c.kant, jaar)?.naam ?? null,
        c.kant,
        bedragIn(jaar, kwartaal, sleutel),
        bedragIn(vorigJaar, vorigKwartaal, sleutel),
      ]),
  );
  const p = prognoses[0];
  sjabloonBlad(werkmap, BLAD_PROGNOSE, PROGNOSE_SJABLOON, [[module.code, jaar, kwartaal, p?.lasten ?? null, p?.baten ?? null, p?.toelichting ?? null]]);
  uitlegBlad(
    werkmap,
    'Regiohub — realisatie per kwartaal',
    [
      ['module', `${module.code} (${module.naam})`],
      ['jaar', jaar],
      ['kwartaal', kwartaal],
      ['moment', ctx.now().toISOString()],
    ],
    [
      `Elke rij op het blad ${BLAD_REALISATIE} is een bedrag van het kwartaal op één Iv3-cel: taakveld × economische categorie, aan de lasten- of batenkant. Bedragen per kwartaal, niet cumulatief.`,
      'De rijen zijn de cellen die de module dit jaar of vorig kwartaal gebruikte (zonder eerdere cijfers: het eigen taakveld met de gebruikelijke categorieën). Voeg rijen toe voor andere cellen; een lege Bedrag-cel betekent: geen bedrag.',
      'Een kwartaal in het bestand wordt als geheel vervangen, zoals met realisatieVastleggen: een cel die er niet (of zonder bedrag) in staat, is daarna leeg. Hetzelfde bestand nog eens uploaden verandert niets.',
      `De prognose voor het hele jaar staat op het blad ${BLAD_PROGNOSE} (lasten en baten zonder de bijdragen van de gemeenten, en een toelichting). Beide bedragen leeg = geen prognose; een kwartaal zonder rij op dat blad houdt de prognose die de hub heeft.`,
      'Uploaden (POST /import/realisatie.xlsx of de pagina /import/) controleert alles en legt alles vast of niets; met ?proefdraai=ja ziet u eerst wat er zou veranderen.',
      'Bedragen in euro met hoogstens twee decimalen; een verboden combinatie (grijze cel van CBS) of een taakveld dat dat jaar niet bestaat wordt per cel gemeld.',
    ],
  );
  return Buffer.from(await werkmap.xlsx.writeBuffer());
}
