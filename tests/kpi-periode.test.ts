import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KpiVastleggenDocument } from './generated/graphql.js';
import { ALS } from './helpers/identities.js';
import { NU } from './helpers/scenario.js';
import { startTestHub, type TestHub } from './helpers/test-hub.js';

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub({ now: NU });
});
afterAll(() => t.close());

const sql = <T>(query: string, params: unknown[] = []) => t.orm.em.getConnection().execute<T[]>(query, params);

describe('de periode van een KPI', () => {
  it('verandert niet zodra er waarden zijn gerapporteerd, ook zonder normen', async () => {
    // A KPI with reported values; its norms are removed so that only the values can stop the change.
    const [kpi] = await sql<{ id: number; code: string; module: string; periode: string; eenheid: string; richting: string; niveau: string; actief_vanaf: string }>(
      `select k.id, k.code, m.code as module, k.periode, k.eenheid, k.richting, k.niveau, k.actief_vanaf::text
       from kpi k join module m on m.id = k.module_id
       where exists (select 1 from kpi_waarde w where w.kpi_id = k.id) order by k.id limit 1`,
    );
    await sql('delete from dvo_norm where kpi_id = ?', [kpi.id]);
    const anders = kpi.periode === 'JAAR' ? 'KWARTAAL' : 'JAAR';
    const invoer = { module: kpi.module, code: kpi.code, naam: 'test', eenheid: kpi.eenheid, richting: kpi.richting, niveau: kpi.niveau, actiefVanaf: kpi.actief_vanaf };
    const { errors } = await t.execute(KpiVastleggenDocument, { invoer: { ...invoer, periode: anders } } as never, ALS.beheerder);
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0].message).toContain(`KPI ${kpi.code} heeft al waarden of normen`);
  });

  it('verandert wel zolang er geen waarden en normen zijn', async () => {
    const invoer = { module: 'WSP', code: 'NIEUW_ZONDER_WAARDEN', naam: 'test', eenheid: 'AANTAL', richting: 'HOGER_IS_BETER', niveau: 'REGIO', actiefVanaf: '2027-01-01' };
    expect((await t.execute(KpiVastleggenDocument, { invoer: { ...invoer, periode: 'KWARTAAL' } } as never, ALS.beheerder)).errors).toBeUndefined();
    expect((await t.execute(KpiVastleggenDocument, { invoer: { ...invoer, periode: 'JAAR' } } as never, ALS.beheerder)).errors).toBeUndefined();
    const [{ periode }] = await sql<{ periode: string }>(`select periode from kpi where code = 'NIEUW_ZONDER_WAARDEN'`);
    expect(periode).toBe('JAAR');
  });
});
