import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { genereerRegio } from '../src/demo/gegenereerde-regio.js';
import { Decimal } from '../src/core/decimal.js';
import { BijdragenGefilterdDocument, KostenoverzichtDocument, ScopeKpiWaardenDocument } from './generated/graphql.js';
import { ALS } from './helpers/identities.js';
import { openDatabase } from '../src/database.js';
import { createTestDatabase } from './helpers/database.js';
import { dataStatements, startTestHub, type TestHub } from './helpers/test-hub.js';

// The demo region has 11 gemeenten; the generated one ten times as many, with as many modules.
const TIENVOUD = { gemeenten: 110, modules: 9, van: 2020, tot: 2026, kpisPerModule: 4 };

let demo: TestHub;
let groot: TestHub;

beforeAll(async () => {
  demo = await startTestHub();
  const url = await createTestDatabase('empty');
  const orm = await openDatabase({ url });
  await genereerRegio(orm.em.fork(), TIENVOUD);
  await orm.close(true);
  groot = await startTestHub({ url });
}, 120_000);
afterAll(async () => {
  await demo.close();
  await groot.close();
});

async function tel(hub: TestHub, uitvoeren: () => Promise<unknown>): Promise<number> {
  hub.statements.length = 0;
  await uitvoeren();
  return dataStatements(hub.statements).length;
}

describe('aantal SQL-statements groeit niet met de regio', () => {
  it('dashboard: het kostenoverzicht van een jaar is 3 statements (uit de cache 1), in de demoregio en in een tien keer grotere', async () => {
    const vraag = (hub: TestHub) => hub.execute(KostenoverzichtDocument, { jaar: 2024 });
    let data: Awaited<ReturnType<typeof vraag>>['data'];
    const klein = [await tel(demo, () => vraag(demo)), await tel(demo, () => vraag(demo))];
    const grootAantal = [await tel(groot, async () => ({ data } = await vraag(groot))), await tel(groot, () => vraag(groot))];
    expect(data!.kostenoverzicht.regels).toHaveLength(110 * 9);
    expect(data!.kostenoverzicht.regio!.begroot).toBe(
      data!.kostenoverzicht.regels.reduce((s, r) => s.plus(r.begroot!), new Decimal(0)).toFixed(2),
    );
    expect(klein).toEqual(grootAantal);
    // the data version, the meerjarenraming's input, the aggregate; from the cache only the data version
    expect(grootAantal).toEqual([3, 1]);
  });

  it('controller: een volle pagina bijdragen met geneste gemeente, module en programma is 2 statements', async () => {
    const vraag = (hub: TestHub) => hub.execute(BijdragenGefilterdDocument, { where: { jaar: { gte: 2023 } }, first: 500 });
    const klein = await tel(demo, () => vraag(demo));
    const grootAantal = await tel(groot, () => vraag(groot));
    expect(klein).toBe(grootAantal);
    expect(grootAantal).toBe(2);
  });

  it('gemeente: module { deelnemers { kpiWaarden } kwartaalrapportages { waarden } } met scopefilters blijft binnen 10', async () => {
    expect(await tel(demo, () => demo.execute(ScopeKpiWaardenDocument, {}, ALS.gemeenteArnhem))).toBeLessThanOrEqual(10);
  });

  it('de gegenereerde bijdragen tellen per begroting en per jaarrekening exact op tot het saldo', async () => {
    const verschillen = await groot.sql<{ n: string }>(`
      select count(*) as n from (
        select b.id from begroting b join bijdrage bd on bd.begroting_id = b.id
        group by b.id having sum(bd.bedrag) <> max(b.lasten - b.baten)
        union all
        select j.id from jaarrekening j join bijdrage bd on bd.jaarrekening_id = j.id
        group by j.id having sum(bd.bedrag) <> max(j.lasten - j.baten)) x`);
    expect(Number(verschillen[0].n)).toBe(0);
    const [{ n }] = await groot.sql<{ n: string }>(`select count(*) as n from bijdrage where jaarrekening_id is not null`);
    expect(Number(n)).toBeGreaterThan(0);
  });
});
