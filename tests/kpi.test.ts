import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Decimal } from '../src/core/decimal.js';
import { KpiReeksDocument, KpiTotalenDocument, KpiWaardenGefilterdDocument } from './generated/graphql.js';
import { ALS } from './helpers/identities.js';
import { dataStatements, startTestHub, type TestHub } from './helpers/test-hub.js';

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
});
afterAll(() => t.close());

const van = { jaar: 2024, kwartaal: 4 };
const tot = { jaar: 2026, kwartaal: 3 };

describe('kpiReeks', () => {
  it('geeft een regionale KPI per kwartaal met de norm uit de DVO met Scalabor en of die is gehaald', async () => {
    const { data, errors } = await t.execute(KpiReeksDocument, { module: 'WGSW', kpi: 'ZIEKTEVERZUIM', van, tot }, ALS.dashboardRegio);
    expect(errors).toBeUndefined();
    const reeks = data!.kpiReeks;
    expect(reeks.map((p) => `${p.jaar}-${p.kwartaal}`)).toEqual(['2024-4', '2025-1', '2025-2', '2025-3', '2025-4', '2026-1', '2026-2', '2026-3']);
    // Demo norm: 14.2 × 0.95 (lower is better).
    expect(reeks.every((p) => p.norm === '13.49')).toBe(true);
    for (const p of reeks) {
      expect(p.waarde).not.toBeNull();
      expect(p.gehaald).toBe(new Decimal(p.waarde!).lte(p.norm!));
    }
    expect(reeks.every((p) => p.status === 'GOEDGEKEURD')).toBe(true);
  });

  it('geeft voor een gemeente haar eigen waarden met de norm uit haar DVO; niet ingediende kwartalen blijven leeg', async () => {
    const { data } = await t.execute(KpiReeksDocument, { module: 'RBL', kpi: 'VERZUIMMELDINGEN', gemeente: 'GM0202', van, tot }, ALS.gemeenteArnhem);
    const reeks = data!.kpiReeks;
    expect(reeks.at(-1)).toMatchObject({ jaar: 2026, kwartaal: 3, waarde: null, gehaald: null });
    expect(reeks.slice(0, -1).every((p) => p.waarde !== null && p.norm !== null)).toBe(true);
    const controller = await t.execute(KpiReeksDocument, { module: 'RBL', kpi: 'VERZUIMMELDINGEN', gemeente: 'GM0202', van, tot }, ALS.controller);
    expect(controller.data!.kpiReeks.at(-1)!.status).toBe('INGEDIEND');
  });

  it('weigert de reeks van een andere gemeente en een regionale vraag naar een gemeente-KPI', async () => {
    const ander = await t.execute(KpiReeksDocument, { module: 'RBL', kpi: 'VERZUIMMELDINGEN', gemeente: 'GM0221', van, tot }, ALS.gemeenteArnhem);
    expect(ander.errors![0].extensions!.code).toBe('FORBIDDEN');
    const regio = await t.execute(KpiReeksDocument, { module: 'RBL', kpi: 'VERZUIMMELDINGEN', van, tot });
    expect(regio.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('is één SQL-statement, ook over 40 kwartalen en voor elke rol', async () => {
    for (const identity of [ALS.controller, ALS.modulemanagerWgsw, ALS.dashboardRegio]) {
      t.statements.length = 0;
      const { errors } = await t.execute(KpiReeksDocument, { module: 'WGSW', kpi: 'GEDETACHEERD', van: { jaar: 2017, kwartaal: 1 }, tot: { jaar: 2026, kwartaal: 4 } }, identity);
      expect(errors).toBeUndefined();
      expect(dataStatements(t.statements)).toHaveLength(1);
    }
  });
});

describe('kpiWaarden en kpiTotalen', () => {
  it('geven alleen actuele versies: de correctie van WSP Q2 2025 vervangt versie 1', async () => {
    const where = { module: { eq: 'WSP' }, kpi: { eq: 'PLAATSINGEN' }, jaar: { eq: 2025 }, kwartaal: { eq: 2 } };
    const actueel = (await t.execute(KpiWaardenGefilterdDocument, { where, first: 100 })).data!.kpiWaarden;
    const alle = (await t.execute(KpiWaardenGefilterdDocument, { where, alleenActueel: false, first: 100 })).data!.kpiWaarden;
    expect(actueel.nodes.every((w) => w.rapportage.versie === 2)).toBe(true);
    expect(alle.totalCount).toBe(actueel.totalCount * 2);

    const { data } = await t.execute(KpiTotalenDocument, { groupBy: ['KPI'], where });
    const [totaal] = data!.kpiTotalen;
    expect(totaal.aantal).toBe(actueel.totalCount);
    expect(totaal.som).toBe(actueel.nodes.reduce((s, w) => s.plus(w.waarde), new Decimal(0)).toFixed());
  });

  it('tellen voor een gemeente alleen haar eigen en regionale waarden, altijd per KPI', async () => {
    const { data } = await t.execute(KpiTotalenDocument, { groupBy: ['GEMEENTE'], where: { module: { eq: 'RBL' } } }, ALS.gemeenteArnhem);
    // Values of different KPIs (counts, percentages) are never added: one group per KPI.
    expect(data!.kpiTotalen.map((x) => `${x.kpi!.code}:${x.gemeente?.cbsCode ?? 'regio'}`).sort()).toEqual([
      'THUISZITTERS:GM0202',
      'VERZUIMMELDINGEN:GM0202',
      'VSV_PERCENTAGE:regio',
    ]);
  });
});
