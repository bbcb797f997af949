import { describe, expect, it } from 'vitest';
import { dagenInJaar, deelnameDagenInJaar, verdeel } from '../src/bijdrage/verdeling.service.js';
import { Decimal } from '../src/core/decimal.js';
import { som } from './helpers/som.js';

const d = (v: string | number) => new Decimal(v);
const somVan = (delen: { bedrag: Decimal }[]) => som(delen.map((x) => x.bedrag));

describe('verdeel (grootste-restmethode)', () => {
  it('verdeelt 100,00 over drie gelijke delen exact; de cent gaat naar de laagste sleutel', () => {
    const delen = verdeel(d('100.00'), [
      { sleutel: 'GM0299', gewicht: d(1) },
      { sleutel: 'GM0202', gewicht: d(1) },
      { sleutel: 'GM0221', gewicht: d(1) },
    ]);
    expect(delen.map((x) => [x.sleutel, x.bedrag.toFixed(2)])).toEqual([
      ['GM0299', '33.33'],
      ['GM0202', '33.34'],
      ['GM0221', '33.33'],
    ]);
    expect(somVan(delen).toFixed(2)).toBe('100.00');
  });

  it('geeft de overgebleven centen aan de grootste resten', () => {
    // exact: 0.10 × 1/7 = 1.428…, × 2/7 = 2.857…, × 4/7 = 5.714… cent → 1, 3, 6
    const delen = verdeel(d('0.10'), [
      { sleutel: 'a', gewicht: d(1) },
      { sleutel: 'b', gewicht: d(2) },
      { sleutel: 'c', gewicht: d(4) },
    ]);
    expect(delen.map((x) => x.bedrag.toFixed(2))).toEqual(['0.01', '0.03', '0.06']);
  });

  it('verdeelt een negatief saldo spiegelbeeldig en exact', () => {
    const delen = verdeel(d('-100.00'), [
      { sleutel: 'a', gewicht: d(1) },
      { sleutel: 'b', gewicht: d(2) },
    ]);
    expect(delen.map((x) => x.bedrag.toFixed(2))).toEqual(['-33.33', '-66.67']);
    expect(somVan(delen).toFixed(2)).toBe('-100.00');
  });

  it('houdt elk deel binnen één cent van het exacte aandeel, ook bij grote bedragen', () => {
    const gewichten = [166_000, 11_600, 26_000, 48_800, 49_900, 44_200, 1_700, 15_200, 45_100].map((g, i) => ({
      sleutel: `GM${String(i).padStart(4, '0')}`,
      gewicht: d(g),
    }));
    const totaal = d('60061712.64');
    const delen = verdeel(totaal, gewichten);
    expect(somVan(delen).equals(totaal)).toBe(true);
    for (const deel of delen) {
      expect(deel.bedrag.minus(totaal.times(deel.aandeel)).abs().lessThan(d('0.01'))).toBe(true);
    }
  });

  it('weigert een verdeling zonder gewicht', () => {
    expect(() => verdeel(d(10), [{ sleutel: 'a', gewicht: d(0) }])).toThrow(/gewichten nul/);
    expect(() => verdeel(d(10), [])).toThrow(/zonder deelnemers/);
    expect(() => verdeel(d('10.001'), [{ sleutel: 'a', gewicht: d(1) }])).toThrow(/decimalen/);
  });
});

describe('deelnamedagen', () => {
  it('telt de dagen van [vanaf, tot) binnen het jaar', () => {
    expect(deelnameDagenInJaar('2017-04-01', null, 2024)).toBe(366);
    expect(deelnameDagenInJaar('2024-07-01', null, 2024)).toBe(184);
    expect(deelnameDagenInJaar('2017-04-01', '2023-01-01', 2023)).toBe(0);
    expect(deelnameDagenInJaar('2023-03-01', '2023-03-02', 2023)).toBe(1);
    expect(dagenInJaar(2024)).toBe(366);
    expect(dagenInJaar(2025)).toBe(365);
  });
});
