import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Decimal } from '../src/core/decimal.js';
import { DvoNormMetPeriodeDocument, KpiReeksDocument, KpiWaardenGefilterdDocument } from './generated/graphql.js';
import { ALS } from './helpers/identities.js';
import { startTestHub, type TestHub } from './helpers/test-hub.js';
import { NU } from './helpers/scenario.js';

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub({ now: NU });
});
afterAll(() => t.close());

const waarden = async (where: Record<string, unknown>) => (await t.execute(KpiWaardenGefilterdDocument, { where, first: 500 })).data!.kpiWaarden;

describe('KPI-normen en gehaald per waarde', () => {
  it('"alle RBL-waarden onder de norm in Q2 2025" is één gefilterde vraag, en het filter en de velden zeggen hetzelfde', async () => {
    const periode = { module: { eq: 'RBL' }, jaar: { eq: 2025 }, kwartaal: { eq: 2 } };
    const alle = await waarden(periode);
    const niet = await waarden({ ...periode, gehaald: false });
    const wel = await waarden({ ...periode, gehaald: true });
    expect(niet.totalCount).toBeGreaterThan(0);
    expect(wel.totalCount).toBeGreaterThan(0);
    // Every value of the quarter has a norm here, so the two filters split it.
    expect(alle.nodes.every((w) => w.norm !== null)).toBe(true);
    expect(niet.totalCount + wel.totalCount).toBe(alle.totalCount);
    for (const w of niet.nodes) {
      expect(w.gehaald).toBe(false);
      // Both RBL quarterly KPIs are lower-is-better: missed means above the norm.
      expect(w.kpi.richting).toBe('LAGER_IS_BETER');
      expect(new Decimal(w.waarde).greaterThan(w.norm!)).toBe(true);
    }
    expect(wel.nodes.every((w) => w.gehaald === true && new Decimal(w.waarde).lessThanOrEqualTo(w.norm!))).toBe(true);
  });

  it('vergelijkt een jaarcijfer alleen met een jaarnorm, in het vierde kwartaal (VSV)', async () => {
    const { data } = await t.execute(KpiReeksDocument, { module: 'RBL', kpi: 'VSV_PERCENTAGE', van: { jaar: 2024, kwartaal: 1 }, tot: { jaar: 2025, kwartaal: 4 } });
    expect(data!.kpiReeks.map((p) => [p.jaar, p.kwartaal, p.norm])).toEqual([
      [2024, 4, '1.81'],
      [2025, 4, '1.81'],
    ]);
    const fout = await t.execute(DvoNormMetPeriodeDocument, { invoer: { dvo: 'DVO-RBL-2024-GM0202', kpi: 'VSV_PERCENTAGE', jaar: 2026, periode: 'KWARTAAL', norm: '0.5' } }, ALS.beheerder);
    expect(fout.errors![0].message).toBe(
      'Deze norm is niet te gebruiken: KPI VSV_PERCENTAGE wordt per jaar gerapporteerd; een norm per kwartaal is met geen enkele waarde te vergelijken.',
    );
  });

  it('vergelijkt een waarde "jaar tot nu" met een norm "jaar tot nu" (ziekteverzuim WgSW)', async () => {
    const { data } = await t.execute(KpiReeksDocument, { module: 'WGSW', kpi: 'ZIEKTEVERZUIM', van: { jaar: 2025, kwartaal: 1 }, tot: { jaar: 2025, kwartaal: 4 } });
    expect(data!.kpiReeks).toHaveLength(4);
    // 14.2 % × 0.95, rounded to two decimals: the year-to-date target of the Scalabor DVO.
    expect(data!.kpiReeks.every((p) => p.norm === '13.49')).toBe(true);
  });

  it('kiest de regionale norm met een vaste regel: eerst de regiobrede overeenkomst (WSP met UWV)', async () => {
    const w = await waarden({ module: { eq: 'WSP' }, kpi: { eq: 'WERKGEVERSCONTACTEN' }, jaar: { eq: 2025 } });
    expect(w.totalCount).toBe(4);
    // The nine gemeente DVOs carry 1250, the samenwerkingsovereenkomst with UWV 1300: the latter counts.
    expect(new Set(w.nodes.map((x) => x.norm))).toEqual(new Set(['1300']));
  });

  it('kiest bij gelijke overeenkomsten de strengste norm, niet de eerste', async () => {
    // Ten RBL gemeente DVOs of 2024 carry the regional VSV norm 1.81; one now agrees 1.70 for 2025.
    const { errors } = await t.execute(DvoNormMetPeriodeDocument, { invoer: { dvo: 'DVO-RBL-2024-GM0299', kpi: 'VSV_PERCENTAGE', jaar: 2025, norm: '1.70' } }, ALS.beheerder);
    expect(errors).toBeUndefined();
    const { data } = await t.execute(KpiReeksDocument, { module: 'RBL', kpi: 'VSV_PERCENTAGE', van: { jaar: 2025, kwartaal: 4 }, tot: { jaar: 2025, kwartaal: 4 } });
    expect(data!.kpiReeks.map((p) => p.norm)).toEqual(['1.7']);
  });

  it('laat gehaald leeg bij een teruggestuurde rapportage (Inkoop Q3 2026), de norm blijft zichtbaar', async () => {
    const w = await waarden({ module: { eq: 'INKOOP' }, jaar: { eq: 2026 }, kwartaal: { eq: 3 } });
    expect(w.totalCount).toBeGreaterThan(0);
    expect(w.nodes.every((x) => x.rapportage.status === 'TERUGGESTUURD' && x.norm !== null && x.gehaald === null)).toBe(true);
    const gefilterd = await waarden({ module: { eq: 'INKOOP' }, jaar: { eq: 2026 }, kwartaal: { eq: 3 }, or: [{ gehaald: true }, { gehaald: false }] });
    expect(gefilterd.totalCount).toBe(0);
  });

  it('weigert een norm die nooit vergeleken kan worden: regionaal met gemeente, of per gemeente zonder gemeente bij een organisatie', async () => {
    const regionaal = await t.execute(DvoNormMetPeriodeDocument, { invoer: { dvo: 'DVO-WSP-UWV-2024', kpi: 'WERKGEVERSCONTACTEN', jaar: 2026, gemeente: 'GM0202', norm: '10' } }, ALS.beheerder);
    expect(regionaal.errors![0].message).toMatch(/KPI WERKGEVERSCONTACTEN is regionaal; laat de gemeente leeg/);
    const zonderGemeente = await t.execute(DvoNormMetPeriodeDocument, { invoer: { dvo: 'DVO-WGSW-SCALABOR-2023', kpi: 'SW_ARBEIDSJAREN', jaar: 2026, norm: '10' } }, ALS.beheerder);
    expect(zonderGemeente.errors![0].message).toMatch(/geldt per gemeente en de DVO DVO-WGSW-SCALABOR-2023 is met een organisatie: geef de gemeente op/);
  });

  it('geeft in kpiReeks dezelfde norm en hetzelfde oordeel als bij de waarden zelf', async () => {
    const reeks = (await t.execute(
      KpiReeksDocument,
      { module: 'WSP', kpi: 'PLAATSINGEN', gemeente: 'GM0226', van: { jaar: 2024, kwartaal: 4 }, tot: { jaar: 2026, kwartaal: 3 } },
    )).data!.kpiReeks;
    const lijst = await waarden({ module: { eq: 'WSP' }, kpi: { eq: 'PLAATSINGEN' }, gemeente: { eq: 'GM0226' } });
    expect(reeks.filter((p) => p.waarde !== null)).toHaveLength(lijst.totalCount);
    for (const w of lijst.nodes) {
      const punt = reeks.find((p) => p.jaar === w.rapportage.jaar && p.kwartaal === w.rapportage.kwartaal)!;
      expect([punt.waarde, punt.norm, punt.gehaald]).toEqual([w.waarde, w.norm, w.gehaald]);
    }
  });
});
