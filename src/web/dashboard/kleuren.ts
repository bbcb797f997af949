/**
 * Colours of the dashboard's charts. Every colour has at least 3:1 contrast with the page background
 * (WCAG 2.1 success criterion 1.4.11, non-text contrast), which the Okabe–Ito yellow and orange did
 * not; they stay apart for the common forms of colour blindness by lightness as well as hue, and
 * stacked segments are separated by a white line. tests/dashboard-kleuren.test.ts checks the contrast.
 */
export const ACHTERGROND = '#fafafa';

/** One colour per module, in the order of the modules' ids, so a module keeps its colour in every year and chart. */
export const MODULE_KLEUREN = ['#0072B2', '#D55E00', '#117733', '#AA4499', '#8C6D00', '#332288', '#00838F', '#882255', '#5E5E5E', '#000000'];

/** Series that are not modules. */
export const REEKS_KLEUREN = {
  begroot: '#0072B2',
  naWijziging: '#8C6D00',
  gerealiseerd: '#D55E00',
  prognose: '#AA4499',
  geraamd: '#117733',
  waarde: '#0072B2',
  norm: '#5E5E5E',
  gehaald: '#117733',
  nietGehaald: '#C2185B',
} as const;

/** A module's colour: by its place among all modules ordered by id (new modules get new ids, so colours never shift). */
export function moduleKleur(moduleIds: readonly number[], id: number): string {
  const plek = [...moduleIds].sort((a, b) => a - b).indexOf(id);
  return MODULE_KLEUREN[(plek < 0 ? 0 : plek) % MODULE_KLEUREN.length];
}

/** Relative luminance of an sRGB colour (#rrggbb), as WCAG 2.1 defines it. */
function luminantie(kleur: string): number {
  const kanaal = (i: number) => {
    const c = parseInt(kleur.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * kanaal(0) + 0.7152 * kanaal(1) + 0.0722 * kanaal(2);
}

/** WCAG 2.1 contrast ratio of two colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [licht, donker] = [luminantie(a), luminantie(b)].sort((x, y) => y - x);
  return (licht + 0.05) / (donker + 0.05);
}
