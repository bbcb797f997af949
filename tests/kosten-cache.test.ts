import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { VersionedCache } from '../src/core/versioned-cache.js';
import { Decimal } from '../src/core/decimal.js';
import { InwonertalVastleggenDocument, KostenoverzichtDocument, KostenReeksMetRamingDocument, KostenTrendDocument, VerdeelsleutelVastleggenDocument } from './generated/graphql.js';
import { ALS } from './helpers/identities.js';
import { buitenDeHubOm as buitenDeHubOmMetOrm } from './helpers/sql.js';
import { dataStatements, startTestHub, type TestHub } from './helpers/test-hub.js';
import { ARNHEM_INWONERS_2024 } from './helpers/scenario.js';

// The cost overview cache: shared by requests, unreachable after every committed write to the
// tables behind it, wherever that write comes from.
let t: TestHub;
let cache: VersionedCache;
beforeAll(async () => {
  t = await startTestHub();
  cache = t.hub.context(ALS.controller).kostenCache!;
});
afterAll(() => t.close());
beforeEach(() => {
  t.statements.length = 0;
});

const aggregaties = () => t.statements.filter((s) => s.includes('grouping sets')).length;
const arnhem = async (jaar: number) => {
  const { data, errors } = await t.execute(KostenoverzichtDocument, { jaar, gemeenten: ['GM0202'] }, ALS.dashboardRegio);
  expect(errors).toBeUndefined();
  return data!.kostenoverzicht;
};
const arnhem2024 = () => arnhem(2024);
// 2026 has no jaarrekening yet: the database accepts writes to it (closed years refuse them).
const arnhem2026 = () => arnhem(2026);

/** A write from outside this hub (another instance, psql): its own connection, its own transaction. */
const buitenDeHubOm = (query: string, terugdraaien = false) => buitenDeHubOmMetOrm(t.orm, query, terugdraaien);

describe('cache van het kostenoverzicht', () => {
  it('rekent een tweede gelijke vraag niet opnieuw uit, en geeft hetzelfde antwoord', async () => {
    const eerste = await arnhem2024();
    const hits = cache.hits;
    t.statements.length = 0;
    const tweede = await arnhem2024();
    expect(tweede).toEqual(eerste);
    expect(aggregaties()).toBe(0);
    expect(cache.hits).toBe(hits + 1);
    // Only the version check: the cached rows carry their gemeenten and modules.
    expect(dataStatements(t.statements)).toHaveLength(1);
  });

  it('bewaart een filter één keer voor alle fasen: een andere fase is een treffer met de bedragen van die fase', async () => {
    const vraag = async (fase: 'BEGROOT' | 'GEREALISEERD') => {
      const { data, errors } = await t.execute(KostenoverzichtDocument, { jaar: 2023, fase, gemeenten: ['GM0202'] }, ALS.dashboardRegio);
      expect(errors).toBeUndefined();
      return data!.kostenoverzicht;
    };
    const begroot = await vraag('BEGROOT');
    const hits = cache.hits;
    t.statements.length = 0;
    const gerealiseerd = await vraag('GEREALISEERD');
    expect(cache.hits).toBe(hits + 1);
    expect(aggregaties()).toBe(0);
    expect(gerealiseerd.fase).toBe('GEREALISEERD');
    // The same cached rows, each with the amount of the phase asked for.
    expect(gerealiseerd.regels.map((r) => r.bedrag)).toEqual(gerealiseerd.regels.map((r) => r.gerealiseerd));
    expect(begroot.regels.map((r) => r.bedrag)).toEqual(begroot.regels.map((r) => r.begroot));
    expect(gerealiseerd.regels.map((r) => r.begroot)).toEqual(begroot.regels.map((r) => r.begroot));
    expect(gerealiseerd.regels.some((r) => r.bedrag !== r.begroot)).toBe(true);
  });

  it('geeft na een wijziging via de API (inwonertal) meteen de nieuwe cijfers', async () => {
    const voor = await arnhem2024();
    const { errors } = await t.execute(InwonertalVastleggenDocument, { invoer: { gemeente: 'GM0202', jaar: 2024, aantal: 200_000, bron: 'test: nieuwe telling' } }, ALS.beheerder);
    expect(errors).toBeUndefined();
    t.statements.length = 0;
    const na = await arnhem2024();
    expect(aggregaties()).toBe(1);
    expect(voor.perGemeente[0].inwoners).toBe(ARNHEM_INWONERS_2024);
    expect(na.perGemeente[0].inwoners).toBe(200_000);
    expect(na.perGemeente[0].perInwoner).toBe(new Decimal(na.perGemeente[0].bedrag!).dividedBy(200_000).toDecimalPlaces(2).toFixed(2));
  });

  it('geeft na een nieuwe verdeelsleutel van een raming-jaar meteen de nieuwe geraamde bijdragen', async () => {
    // 2028 is a raming year: its geraamde contributions are split live with the latest key up to 2028
    // (that of 2026), so a key recorded for 2028 changes them without any contribution being written.
    const geraamd = async () => {
      const { data, errors } = await t.execute(KostenReeksMetRamingDocument, { van: 2028, tot: 2028, modules: ['WGSW'], gemeenten: ['GM0202'] }, ALS.controller);
      expect(errors).toBeUndefined();
      return data!.kostenoverzichtReeks[0].regio!.geraamd;
    };
    const voor = await geraamd();
    expect(await geraamd()).toBe(voor);
    const sleutel = await t.sql<{ grondslag: string; cbs_code: string; eenheden: string }>(
      `select s.grondslag, g.cbs_code, e.eenheden::text as eenheden from verdeelsleutel s join module m on m.id = s.module_id
       join verdeelsleutel_eenheid e on e.verdeelsleutel_id = s.id join gemeente g on g.id = e.gemeente_id where m.code = 'WGSW' and s.jaar = 2026`,
    );
    const eenheden = sleutel.map((e) => ({ gemeente: e.cbs_code, eenheden: e.cbs_code === 'GM0202' ? new Decimal(e.eenheden).times(2).toFixed() : e.eenheden, bron: 'test' }));
    const { errors } = await t.execute(
      VerdeelsleutelVastleggenDocument,
      { invoer: { module: 'WGSW', jaar: 2028, grondslag: sleutel[0].grondslag as never, omschrijving: 'Sleutel 2028 (test)', eenheden } },
      ALS.beheerder,
    );
    expect(errors).toBeUndefined();
    const na = await geraamd();
    expect(new Decimal(na!).greaterThan(voor!)).toBe(true);
  });

  it('geeft na een wijziging buiten de hub om (een andere instantie) meteen de nieuwe cijfers', async () => {
    const voor = await arnhem2026();
    await buitenDeHubOm(`update bijdrage set bedrag = bedrag + 1 where jaar = 2026 and fase = 'GEWIJZIGD'
                         and gemeente_id = (select id from gemeente where cbs_code = 'GM0202')`);
    const na = await arnhem2026();
    const cellen = na.regels.length;
    expect(new Decimal(na.perGemeente[0].gewijzigd!).minus(voor.perGemeente[0].gewijzigd!).toFixed(2)).toBe(new Decimal(cellen).toFixed(2));
    expect(na.regio!.gewijzigd).toBe(na.perGemeente[0].gewijzigd);
  });

  it('blijft geldig na een teruggedraaide wijziging', async () => {
    const voor = await arnhem2026();
    await buitenDeHubOm("update bijdrage set bedrag = bedrag + 1000 where jaar = 2026", true);
    const hits = cache.hits;
    t.statements.length = 0;
    expect(await arnhem2026()).toEqual(voor);
    expect(cache.hits).toBe(hits + 1);
    expect(aggregaties()).toBe(0);
  });

  it('kan uit (KOSTEN_CACHE=uit): dan rekent elk verzoek opnieuw', async () => {
    const zonder = await startTestHub({ kostenCache: false });
    try {
      for (let i = 0; i < 2; i++) await zonder.execute(KostenoverzichtDocument, { jaar: 2024 }, ALS.dashboardRegio);
      expect(zonder.statements.filter((s) => s.includes('grouping sets'))).toHaveLength(2);
      // Without the cache only what the query selects is read along: the trend asks for gemeenten, not
      // modules, so the aggregate carries one JSON object per row (the other statement is the
      // meerjarenraming's input).
      zonder.statements.length = 0;
      await zonder.execute(KostenTrendDocument, { van: 2020, tot: 2026, gemeenten: ['GM1734'] });
      expect(dataStatements(zonder.statements)).toHaveLength(2);
      const aggregaat = zonder.statements.find((s) => s.includes('grouping sets'))!;
      expect(aggregaat.match(/to_json\(/g)).toHaveLength(1);
      expect(aggregaat).toContain('from gemeente e');
      expect(zonder.hub.context(ALS.controller).kostenCache).toBeNull();
    } finally {
      await zonder.close();
    }
  });
});
