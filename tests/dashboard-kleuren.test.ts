import { describe, expect, it } from 'vitest';
import { ACHTERGROND, contrast, MODULE_KLEUREN, moduleKleur, REEKS_KLEUREN } from '../src/web/dashboard/kleuren.js';

describe('kleuren van het dashboard', () => {
  it('rekent contrast als WCAG 2.1 (zwart op wit 21:1, Okabe–Ito-geel op wit 1,32:1)', () => {
    expect(contrast('#000000', '#FFFFFF')).toBeCloseTo(21, 5);
    expect(contrast('#F0E442', '#FFFFFF')).toBeCloseTo(1.32, 2);
  });

  it.each([...MODULE_KLEUREN, ...Object.values(REEKS_KLEUREN)])('%s heeft minstens 3:1 contrast met de achtergrond (WCAG 1.4.11)', (kleur) => {
    expect(contrast(kleur, ACHTERGROND)).toBeGreaterThanOrEqual(3);
  });

  it('geeft elke module in elk jaar dezelfde kleur, en tien modules tien verschillende', () => {
    const ids = [3, 1, 7, 2, 9, 4, 5, 6, 8, 10];
    expect(moduleKleur(ids, 7)).toBe(moduleKleur([...ids].reverse(), 7));
    expect(moduleKleur(ids, 7)).toBe(MODULE_KLEUREN[6]);
    expect(new Set(ids.map((id) => moduleKleur(ids, id))).size).toBe(10);
  });
});
