import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Identity } from '../src/auth/identity.js';
import { Decimal } from '../src/core/decimal.js';
import {
  BegrotingVastleggenDocument,
  BijdragenBerekenenDocument,
  ConsistentieAfrekeningDocument,
  ConsistentieDeelnemersDocument,
  ConsistentieLijstDocument,
  ConsistentieOverzichtDocument,
  ConsistentieTotalenDocument,
  ConsistentieVoorschottenDocument,
  DeelnameBeeindigenDocument,
  JaarAfsluitenDocument,
  JaarHeropenenDocument,
  VerdeelsleutelVastleggenDocument,
  type BijdrageGroepering,
  type Fase,
} from './generated/graphql.js';
import { exportCsv, rijenVan, tokenVoor } from './helpers/export-csv.js';
import { ALS } from './helpers/identities.js';
import { startTestHub, type TestHub } from './helpers/test-hub.js';
import { CBS_CODES, NU } from './helpers/scenario.js';

/**
 * One answer per question: for random filters and every role, after random budget amendments (some
 * computed, some not), new keys and recomputations, the sums agree exactly across bijdrageTotalen,
 * the bijdragen connection, kostenoverzicht(Reeks), afrekening and voorschotten, and both CSV exports.
 * CONSISTENTIE_SEED=<n> repeats a run; fast-check prints the seed and the smallest failing case.
 */
const SEED = Number(process.env.CONSISTENTIE_SEED ?? 20261202);
const GEVALLEN = 200;

const MODULES = ['INKOOP-JEUGD', 'INKOOP-WMO', 'INKOOP-BW', 'RFZ', 'RBL', 'WSP', 'WGSW', 'INBURGERING', 'BEHEER'];
const JAREN = [2023, 2024, 2025, 2026];
const FASEN: Fase[] = ['BEGROOT', 'GEWIJZIGD', 'GEREALISEERD'];
const GROEPERINGEN: BijdrageGroepering[] = ['GEMEENTE', 'MODULE', 'JAAR', 'TAAKVELD'];
const ROLLEN = Object.keys(ALS) as Array<keyof typeof ALS>;

let t: TestHub;
let basis: string;
const tokens = {} as Record<keyof typeof ALS, string>;
let taakvelden: string[] = [];

const nul = new Decimal(0);
type Sommen = Map<string, Decimal>;
const tel = (sommen: Sommen, sleutel: string, bedrag: string | Decimal) => sommen.set(sleutel, (sommen.get(sleutel) ?? nul).plus(bedrag));
/** Comparable form: groups with a zero sum are dropped (a path may leave them out), amounts as cents. */
const vorm = (sommen: Sommen) => Object.fromEntries([...sommen].filter(([, s]) => !s.isZero()).sort(([a], [b]) => a.localeCompare(b)).map(([k, s]) => [k, s.toFixed(2)]));
const totaalVan = (sommen: Sommen) => [...sommen.values()].reduce((s, x) => s.plus(x), nul).toFixed(2);

async function ok<T>(antwoord: Promise<{ data: T | null | undefined; errors: readonly { message: string }[] | undefined }>): Promise<T> {
  const { data, errors } = await antwoord;
  if (errors?.length) throw new Error(errors.map((e) => e.message).join('; '));
  return data!;
}

/** Budget amendments, keys and recomputations in open and reopened years, seeded. */
async function wijzigFinancien(): Promise<string[]> {
  const log: string[] = [];
  // Reopened years take changes too; they are closed again at the end.
  const heropend = [['RBL', 2025], ['WSP', 2025]] as const;
  for (const [module, jaar] of heropend) {
    await ok(t.execute(JaarHeropenenDocument, { module, jaar, reden: 'Eigenschapstest: wijzigingen in een heropend jaar.' }, ALS.beheerder));
  }
  const datums = new Map<string, number>();
  const volgendeDatum = (module: string, jaar: number) => {
    // Amendments of one module-year in date order, from 3 July of the year on (after the demo's first amendment).
    const dag = (datums.get(`${module}/${jaar}`) ?? 0) + 1;
    datums.set(`${module}/${jaar}`, dag);
    return new Date(Date.UTC(jaar, 6, 2 + dag * 5)).toISOString().slice(0, 10);
  };
  /** A key for the module's participants of that year. */
  const nieuweSleutel = async (module: string, jaar: number, gelijk: boolean, eenheden: number[]) => {
    const { deelnames } = await ok(t.execute(ConsistentieDeelnemersDocument, { module, jaar }));
    const deelnemers = [...new Set(deelnames.map((d) => d.gemeente.cbsCode))];
    await ok(
      t.execute(
        VerdeelsleutelVastleggenDocument,
        {
          invoer: {
            module,
            jaar,
            grondslag: gelijk ? 'GELIJKE_DELEN' : 'INWONERS',
            omschrijving: 'eigenschapstest',
            eenheden: deelnemers.map((gemeente, i) => ({ gemeente, eenheden: String(eenheden[i]), bron: 'eigenschapstest' })),
          },
        },
        ALS.beheerder,
      ),
    );
  };
  const wijziging = async (module: string, jaar: number, lasten: bigint, baten: bigint, berekenen: boolean) => {
    const centen = (c: bigint) => new Decimal(c.toString()).dividedBy(100).toFixed(2);
    const { begrotingVastleggen } = await ok(
      t.execute(
        BegrotingVastleggenDocument,
        { invoer: { module, jaar, soort: 'WIJZIGING', lasten: centen(lasten), baten: centen(baten), vastgesteldOp: volgendeDatum(module, jaar), omschrijving: 'eigenschapstest' } },
        ALS.beheerder,
      ),
    );
    if (berekenen) await ok(t.execute(BijdragenBerekenenDocument, { module, jaar, soort: 'WIJZIGING', volgnummer: begrotingVastleggen.volgnummer }));
    log.push(`${module} ${jaar} wijziging ${begrotingVastleggen.volgnummer} ${centen(lasten - baten)}${berekenen ? ' berekend' : ' niet berekend'}`);
  };
  // Fixed first: two computed amendments (the second counts), and one that is recorded but not computed.
  await wijziging('RBL', 2025, 330_000_000n, 0n, true);
  await wijziging('RBL', 2025, 345_000_000n, 0n, true);
  await wijziging('WGSW', 2026, 6_000_000_000n, 90_000_000n, false);
  // Rheden leaves the WSP per 1 January 2025, after its primitieve begroting 2025 was computed: the
  // amendment leaves Rheden out, so under the begroting na wijziging Rheden owes nothing for 2025.
  const [{ id: rhedenWsp }] = await t.sql<{ id: number }>(
    "select d.id from deelname d join module m on m.id = d.module_id join gemeente g on g.id = d.gemeente_id where m.code = 'WSP' and g.cbs_code = 'GM0275'",
  );
  await ok(t.execute(DeelnameBeeindigenDocument, { id: rhedenWsp, tot: '2025-01-01' }, ALS.beheerder));
  await nieuweSleutel('WSP', 2025, false, Array.from({ length: 11 }, (_, i) => 1000 + i * 997));
  await wijziging('WSP', 2025, 240_000_000n, 40_000_000n, true);
  log.push('WSP: Rheden treedt uit per 2025-01-01');

  const jaarVoor = (module: string) => heropend.find(([m]) => m === module)?.[1] ?? 2026;
  const stappen = fc.sample(
    fc.oneof(
      fc.record({
        soort: fc.constant('wijziging' as const),
        module: fc.constantFrom(...MODULES),
        lasten: fc.bigInt({ min: 10_000_000n, max: 700_000_000n }),
        baten: fc.bigInt({ min: 0n, max: 9_000_000n }),
        berekenen: fc.boolean(),
      }),
      fc.record({
        soort: fc.constant('sleutel' as const),
        module: fc.constantFrom(...MODULES.filter((m) => m !== 'INBURGERING')),
        gelijk: fc.boolean(),
        eenheden: fc.array(fc.integer({ min: 1, max: 90_000 }), { minLength: 11, maxLength: 11 }),
      }),
    ),
    { seed: SEED, numRuns: 12 },
  );
  for (const stap of stappen) {
    const jaar = jaarVoor(stap.module);
    if (stap.soort === 'wijziging') {
      await wijziging(stap.module, jaar, stap.lasten, stap.baten, stap.berekenen);
      continue;
    }
    // A new key for the year, then the primitieve begroting recomputed with it: versions of one year
    // now rest on different keys, as happens when a key is corrected mid-year.
    await nieuweSleutel(stap.module, jaar, stap.gelijk, stap.eenheden);
    await ok(t.execute(BijdragenBerekenenDocument, { module: stap.module, jaar, soort: 'PRIMITIEF' }));
    log.push(`${stap.module} ${jaar} nieuwe sleutel (${stap.gelijk ? 'gelijke delen' : 'inwoners'}), primitief herberekend`);
  }
  for (const [module, jaar] of heropend) await ok(t.execute(JaarAfsluitenDocument, { module, jaar }, ALS.beheerder));
  return log;
}

beforeAll(async () => {
  t = await startTestHub({ now: NU });
  basis = (await t.listen()).replace('/graphql', '');
  for (const rol of ROLLEN) tokens[rol] = await tokenVoor(t, ALS[rol]);
  console.log(`consistentie (seed ${SEED}):\n  ${(await wijzigFinancien()).join('\n  ')}`);
  const rijen = await t.sql<{ taakveld: string }>('select distinct taakveld from bijdrage order by 1');
  taakvelden = rijen.map((r) => r.taakveld);
}, 120_000);
afterAll(() => t?.close());

const geval = fc.record({
  jaren: fc.subarray(JAREN, { minLength: 1 }),
  fasen: fc.subarray(FASEN, { minLength: 1 }),
  modules: fc.option(fc.subarray(MODULES, { minLength: 1 }), { nil: null }),
  gemeenten: fc.option(fc.subarray([...CBS_CODES], { minLength: 1 }), { nil: null }),
  taakveldKeuze: fc.option(fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), { nil: null, freq: 2 }),
  groupBy: fc.subarray(GROEPERINGEN),
  rol: fc.constantFrom(...ROLLEN),
  // Which module-years to settle (indexes into the filtered pairs).
  afrekenen: fc.array(fc.nat(), { minLength: 1, maxLength: 2 }),
});
type Geval = typeof geval extends fc.Arbitrary<infer T> ? T : never;

async function controleer(g: Geval): Promise<void> {
  const als: Identity = ALS[g.rol];
  const gekozenTaakvelden = g.taakveldKeuze ? [...new Set(g.taakveldKeuze.map((i) => taakvelden[i % taakvelden.length]))] : null;
  const where = {
    jaar: { in: g.jaren },
    fase: { in: g.fasen },
    ...(g.modules ? { module: { in: g.modules } } : {}),
    ...(g.gemeenten ? { gemeente: { in: g.gemeenten } } : {}),
    ...(gekozenTaakvelden ? { taakveld: { in: gekozenTaakvelden } } : {}),
  };
  type Rij = { gemeente?: string | null; module?: string | null; jaar?: number | null; taakveld?: string | null; fase: string };
  // Totals are always per phase; the key holds the phase and the chosen groups.
  const sleutel = (r: Rij) =>
    [r.fase, ...g.groupBy.map((k) => (k === 'GEMEENTE' ? r.gemeente : k === 'MODULE' ? r.module : k === 'JAAR' ? r.jaar : r.taakveld))].join('|');

  // 1. bijdrageTotalen
  const totalen: Sommen = new Map();
  const { bijdrageTotalen } = await ok(t.execute(ConsistentieTotalenDocument, { groupBy: g.groupBy, where }, als));
  for (const r of bijdrageTotalen) {
    expect(r.versie).toBeNull();
    tel(totalen, sleutel({ ...r, gemeente: r.gemeente?.cbsCode, module: r.module?.code }), r.som);
  }
  expect(new Set(bijdrageTotalen.map((r) => sleutel({ ...r, gemeente: r.gemeente?.cbsCode, module: r.module?.code }))).size).toBe(bijdrageTotalen.length);

  // 2. the bijdragen connection, all pages
  const lijst: Sommen = new Map();
  const perCel: Sommen = new Map();
  let after: string | null = null;
  do {
    const { bijdragen }: { bijdragen: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: Array<{ jaar: number; fase: string; bedrag: string; taakveld: string; actueel: boolean; gemeente: { cbsCode: string }; module: { code: string } }> } } =
      await ok(t.execute(ConsistentieLijstDocument, { where, after }, als));
    for (const n of bijdragen.nodes) {
      expect(n.actueel).toBe(true);
      const rij = { ...n, gemeente: n.gemeente.cbsCode, module: n.module.code };
      tel(lijst, sleutel(rij), n.bedrag);
      tel(perCel, `${n.fase}|${n.jaar}|${rij.gemeente}|${rij.module}`, n.bedrag);
    }
    after = bijdragen.pageInfo.hasNextPage ? bijdragen.pageInfo.endCursor : null;
  } while (after);
  expect(vorm(lijst)).toEqual(vorm(totalen));

  // 3. the cost overview, per phase over the years asked for
  const overzicht: Sommen = new Map();
  for (const fase of g.fasen) {
    const { kostenoverzichtReeks } = await ok(
      t.execute(
        ConsistentieOverzichtDocument,
        { van: Math.min(...g.jaren), tot: Math.max(...g.jaren), fase, modules: g.modules, gemeenten: g.gemeenten, taakvelden: gekozenTaakvelden },
        als,
      ),
    );
    for (const o of kostenoverzichtReeks.filter((x) => g.jaren.includes(x.jaar))) {
      const regels: Sommen = new Map();
      for (const r of o.regels) {
        if (r.bedrag !== null) tel(regels, `${fase}|${o.jaar}|${r.gemeente!.cbsCode}|${r.module!.code}`, r.bedrag);
      }
      // Cells, their totals per gemeente, per module and for the region add up exactly.
      const regio = new Decimal(o.regio?.bedrag ?? 0).toFixed(2);
      expect(totaalVan(regels)).toBe(regio);
      expect(o.perGemeente.reduce((s, x) => s.plus(x.bedrag ?? 0), nul).toFixed(2)).toBe(regio);
      expect(o.perModule.reduce((s, x) => s.plus(x.bedrag ?? 0), nul).toFixed(2)).toBe(regio);
      for (const [k, v] of regels) tel(overzicht, k, v);
    }
  }
  // The overview's cells are the connection's rows, cell by cell.
  expect(vorm(overzicht)).toEqual(vorm(perCel));
  // Grouped as asked (the overview has no taakveld dimension: then the totals per phase).
  const overzichtGegroepeerd: Sommen = new Map();
  for (const [k, v] of overzicht) {
    const [fase, jaar, gemeente, module] = k.split('|');
    if (g.groupBy.includes('TAAKVELD')) tel(overzichtGegroepeerd, fase, v);
    else tel(overzichtGegroepeerd, sleutel({ fase, jaar: Number(jaar), gemeente, module }), v);
  }
  const totalenVergelijkbaar: Sommen = new Map();
  for (const [k, v] of totalen) tel(totalenVergelijkbaar, g.groupBy.includes('TAAKVELD') ? k.split('|')[0] : k, v);
  expect(vorm(overzichtGegroepeerd)).toEqual(vorm(totalenVergelijkbaar));

  // 4. voorschotten (and, with a jaarrekening, the afrekening) of a few module-years in the filter:
  // both are based on the begroting na wijziging of the overview.
  const paren = (g.modules ?? MODULES).flatMap((m) => g.jaren.filter((j) => !(m === 'RFZ' && j < 2026)).map((j) => [m, j] as const));
  for (const i of g.afrekenen) {
    if (paren.length === 0) break;
    const [module, jaar] = paren[i % paren.length];
    const binnen = (cbs: string) => !g.gemeenten || g.gemeenten.includes(cbs);
    const { kostenoverzichtReeks } = await ok(
      t.execute(ConsistentieOverzichtDocument, { van: jaar, tot: jaar, fase: 'GEWIJZIGD', modules: [module], gemeenten: g.gemeenten }, als),
    );
    const naWijzigingHier = new Decimal(kostenoverzichtReeks[0].regio?.naWijziging ?? 0);
    const { voorschotten } = await ok(t.execute(ConsistentieVoorschottenDocument, { module, jaar }, als));
    const jaarbedrag = voorschotten.perGemeente.filter((v) => binnen(v.gemeente.cbsCode)).reduce((s, v) => s.plus(v.jaarbedrag), nul);
    expect(jaarbedrag.toFixed(2)).toBe(naWijzigingHier.toFixed(2));
    if (jaar === 2026) continue;
    const { afrekening } = await ok(t.execute(ConsistentieAfrekeningDocument, { module, jaar }, als));
    const regels = afrekening.regels.filter((r) => binnen(r.gemeente!.cbsCode));
    const gefactureerd = regels.reduce((s, r) => s.plus(r.gefactureerd), nul);
    expect(gefactureerd.toFixed(2)).toBe(naWijzigingHier.toFixed(2));
    // The realised amounts against the list's rows (which a taakveld filter narrows, the settlement not).
    if (g.fasen.includes('GEREALISEERD') && !gekozenTaakvelden) {
      const gerealiseerd = regels.reduce((s, r) => s.plus(r.gerealiseerd), nul);
      const uitLijst = [...perCel].filter(([k]) => k.startsWith(`GEREALISEERD|${jaar}|`) && k.endsWith(`|${module}`)).reduce((s, [, v]) => s.plus(v), nul);
      expect(gerealiseerd.toFixed(2)).toBe(uitLijst.toFixed(2));
    }
  }

  // 5. the CSV exports, as the same identity
  const csvTotalen = await exportCsv(basis, 'bijdrage-totalen.csv', { groupBy: g.groupBy.join(','), where }, tokens[g.rol]);
  expect(csvTotalen.status).toBe(200);
  const uitCsvTotalen: Sommen = new Map();
  for (const r of rijenVan(csvTotalen.tekst)) {
    tel(uitCsvTotalen, sleutel({ fase: r.Fase, gemeente: r['CBS-code'] || null, module: r.Module || null, jaar: r.Jaar ? Number(r.Jaar) : null, taakveld: r.Taakveld || null }), r.Som);
  }
  expect(vorm(uitCsvTotalen)).toEqual(vorm(totalen));
  const csvLijst = await exportCsv(basis, 'bijdragen.csv', { where }, tokens[g.rol]);
  expect(csvLijst.status).toBe(200);
  const uitCsvLijst: Sommen = new Map();
  for (const r of rijenVan(csvLijst.tekst)) {
    expect(r.Actueel).toBe('ja');
    tel(uitCsvLijst, sleutel({ fase: r.Fase, gemeente: r['CBS-code'], module: r.Module, jaar: Number(r.Jaar), taakveld: r.Taakveld }), r.Bedrag);
  }
  expect(vorm(uitCsvLijst)).toEqual(vorm(totalen));
}

describe('één antwoord per vraag', () => {
  it(`dezelfde sommen via totalen, lijst, kostenoverzicht, afrekening en CSV, voor ${GEVALLEN} willekeurige filters en rollen`, async () => {
    await fc.assert(fc.asyncProperty(geval, controleer), { numRuns: GEVALLEN, seed: SEED, endOnFailure: true });
  }, 600_000);
});
