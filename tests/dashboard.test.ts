import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Decimal } from '../src/core/decimal.js';
import { KostenoverzichtDocument, KostenTrendDocument } from './generated/graphql.js';
import { ALS } from './helpers/identities.js';
import { dataStatements, startTestHub, type TestHub } from './helpers/test-hub.js';
import { ARNHEM_INWONERS_2024 } from './helpers/scenario.js';
import { somBedrag } from './helpers/som.js';

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
});
afterAll(() => t.close());
beforeEach(() => {
  t.statements.length = 0;
});

/**
 * A second hub on this file's database: the same data, but a cost cache of its own that starts empty,
 * so what a test counts does not depend on which overviews earlier tests have cached.
 */
async function metLegeCache(test: (hub: TestHub) => Promise<void>): Promise<void> {
  const hub = await startTestHub({ url: t.orm.config.get('clientUrl') });
  try {
    hub.statements.length = 0;
    await test(hub);
  } finally {
    await hub.close();
  }
}


describe('kostenoverzicht (dashboard)', () => {
  it('geeft de matrix gemeente × module van 2024 met totalen die exact optellen', async () => {
    const { data, errors } = await t.execute(KostenoverzichtDocument, { jaar: 2024 }, ALS.dashboardRegio);
    expect(errors).toBeUndefined();
    const o = data!.kostenoverzicht;
    expect(o.fase).toBe('GEWIJZIGD');
    // Every contribution row of 2024 in the seed is one cell: 8 budgeted (sub)modules × their participants.
    const [{ n }] = await t.sql<{ n: string }>("select count(distinct (gemeente_id, module_id)) as n from bijdrage where jaar = 2024");
    expect(o.regels).toHaveLength(Number(n));
    for (const fase of ['begroot', 'gewijzigd', 'gerealiseerd'] as const) {
      const uitRegels = somBedrag(o.regels.map((r) => r[fase]));
      expect(somBedrag(o.perGemeente.map((r) => r[fase]))).toBe(uitRegels);
      expect(somBedrag(o.perModule.map((r) => r[fase]))).toBe(uitRegels);
      expect(o.regio![fase]).toBe(uitRegels);
    }
    // The regional budget equals the sum of the primitieve begrotingen' saldo (all contributions add up exactly).
    const [{ saldo }] = await t.sql<{ saldo: string }>("select sum(lasten - baten) as saldo from begroting where jaar = 2024 and soort = 'PRIMITIEF'");
    expect(o.regio!.begroot).toBe(new Decimal(saldo).toFixed(2));
  });

  it('rekent per inwoner met de inwoners van dat jaar, en het verschil als gerealiseerd min gewijzigd', async () => {
    const { data } = await t.execute(KostenoverzichtDocument, { jaar: 2024, fase: 'GEREALISEERD', gemeenten: ['GM0202'] });
    const o = data!.kostenoverzicht;
    const arnhem = o.perGemeente[0];
    // Known figures of the demo region (Arnhem, jaarrekening 2024), worked out by hand:
    // 31,153,758.74 / 166,000 inwoners = 187.6732… → 187.67.
    expect(arnhem).toMatchObject({ inwoners: ARNHEM_INWONERS_2024, bedrag: '31153758.74', perInwoner: '187.67' });
    expect(o.regels.every((r) => r.gemeente!.cbsCode === 'GM0202')).toBe(true);
    // verschil = gerealiseerd − gewijzigd, per module: e.g. WgSW 27,091,854.63 − 27,639,709.30 = −547,854.67.
    expect(o.regels.map((r) => [r.module!.code, r.gewijzigd, r.gerealiseerd, r.verschil])).toEqual([
      ['INKOOP-JEUGD', '511080.11', '490838.05', '-20242.06'],
      ['INKOOP-WMO', '423996.30', '423200.70', '-795.60'],
      ['INKOOP-BW', '226470.52', '228111.95', '1641.43'],
      ['RBL', '1134863.63', '1102179.85', '-32683.78'],
      ['WSP', '728611.86', '725694.80', '-2917.06'],
      ['WGSW', '27639709.30', '27091854.63', '-547854.67'],
      ['INBURGERING', '544552.65', '551558.72', '7006.07'],
      ['BEHEER', '547179.26', '540320.04', '-6859.22'],
    ]);
  });

  it('filtert op modules: WgSW in 2025 voor negen gemeenten', async () => {
    const { data } = await t.execute(KostenoverzichtDocument, { jaar: 2025, modules: ['WGSW'], fase: 'BEGROOT' });
    const o = data!.kostenoverzicht;
    // All eleven except Renkum and Wageningen, which do not take part in WgSW.
    expect(o.regels.map((r) => r.gemeente!.cbsCode).sort()).toEqual(['GM0202', 'GM0221', 'GM0226', 'GM0275', 'GM0277', 'GM0293', 'GM0299', 'GM1705', 'GM1734']);
    expect(o.perModule).toHaveLength(1);
    expect(o.perModule[0].inwoners).toBe(o.regels.reduce((s, r) => s + r.inwoners!, 0));
  });

  it('geeft een trend over jaren in één verzoek', async () => {
    await metLegeCache(async (hub) => {
      const { data } = await hub.execute(KostenTrendDocument, { van: 2020, tot: 2026, gemeenten: ['GM1734'] });
      const reeks = data!.kostenoverzichtReeks;
      expect(reeks.map((o) => o.jaar)).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
      expect(reeks.every((o) => o.perGemeente.length === 1 && o.regio!.bedrag === o.perGemeente[0].bedrag)).toBe(true);
      // the data version, what the meerjarenraming needs, and the aggregate with each row's gemeente and
      // module as JSON (the cache holds both, whatever this query selects)
      expect(dataStatements(hub.statements)).toHaveLength(3);
      expect(hub.statements.find((s) => s.includes('grouping sets'))!.match(/to_json\(/g)).toHaveLength(2);
    });
  });

  it('beantwoordt de matrix van de hele regio met drie SQL-statements, uit de cache met één', async () => {
    await metLegeCache(async (hub) => {
      await hub.execute(KostenoverzichtDocument, { jaar: 2023 });
      // the data version (cache check), the meerjarenraming's input (geraamd), the aggregate with gemeenten and modules
      expect(dataStatements(hub.statements)).toHaveLength(3);
      hub.statements.length = 0;
      await hub.execute(KostenoverzichtDocument, { jaar: 2023 });
      expect(dataStatements(hub.statements)).toHaveLength(1);
    });
  });
});

describe('bedrag per inwoner', () => {
  // PostgreSQL computes it (KOSTENOVERZICHT_SQL), rounded to cents half away from zero; decimal.js with
  // ROUND_HALF_UP is the reference here. Arnhem's realised 2025 contributions are set to one amount
  // and its inhabitants to a number that puts the quotient exactly on half a cent, or far past it.
  let eigen: TestHub;
  beforeAll(async () => {
    eigen = await startTestHub({ kostenCache: false });
    // A closed year refuses changed amounts (as it should); this database is only this test's.
    await eigen.sql('delete from jaarafsluiting where jaar = 2025');
  });
  afterAll(() => eigen.close());

  it.each([
    ['1.00', 8], // 0.125 → 0.13
    ['-1.00', 8], // −0.125 → −0.13
    ['0.10', 16], // 0.00625 → 0.01
    ['-0.10', 16],
    ['987654321098.77', 3], // large quotient with a recurring fraction
    ['25.00', 1_000_000], // 0.000025 → 0.00
    ['0.00', 7],
  ])('%s over %i inwoners', async (bedrag, inwoners) => {
    await eigen.sql(
      `update bijdrage set bedrag = case when id = (select min(b.id) from bijdrage b where b.gemeente_id = bijdrage.gemeente_id and b.jaar = 2025 and b.fase = 'GEREALISEERD') then ?::numeric else 0 end
       where gemeente_id = (select id from gemeente where cbs_code = 'GM0202') and jaar = 2025 and fase = 'GEREALISEERD'`,
      [bedrag],
    );
    await eigen.sql(`update inwonertal set aantal = ? where gemeente_id = (select id from gemeente where cbs_code = 'GM0202') and jaar = 2025`, [inwoners]);
    const { data, errors } = await eigen.execute(KostenoverzichtDocument, { jaar: 2025, fase: 'GEREALISEERD', gemeenten: ['GM0202'] }, ALS.controller);
    expect(errors).toBeUndefined();
    const arnhem = data!.kostenoverzicht.perGemeente[0];
    expect(arnhem.bedrag).toBe(new Decimal(bedrag).toFixed(2));
    expect(arnhem.perInwoner).toBe(new Decimal(bedrag).dividedBy(inwoners).toDecimalPlaces(2).toFixed(2));
  });

  it('zonder inwoners is er geen bedrag per inwoner', async () => {
    await eigen.sql(`update inwonertal set aantal = 0 where gemeente_id = (select id from gemeente where cbs_code = 'GM0202') and jaar = 2025`);
    const { data } = await eigen.execute(KostenoverzichtDocument, { jaar: 2025, fase: 'GEREALISEERD', gemeenten: ['GM0202'] }, ALS.controller);
    expect(data!.kostenoverzicht.perGemeente[0].perInwoner).toBeNull();
  });
});
