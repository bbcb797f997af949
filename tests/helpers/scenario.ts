// Named values of the test scenario, so a test says what a number is and a change to the demo region
// is made in one place.
import { GEMEENTEN } from '../../src/demo/regio.js';

/**
 * "Now" for tests with a fixed clock: late November 2026, when the reports of Q3 2026 are in their
 * 45-day window, 2024 has its jaarrekening and 2025 is budgeted and amended.
 */
export const NU = new Date('2026-11-23T10:00:00Z');

/** A clock in March 2024, on the same demo data: before Overbetuwe joins Inburgering. */
export const MAART_2024 = new Date('2024-03-01T10:00:00Z');

/** A clock in March 2027, on the same demo data: 2026 is over, its jaarrekening can be adopted. */
export const MAART_2027 = new Date('2027-03-15T10:00:00Z');

/** Arnhem (GM0202) in the demo region: inwoners on 1 January 2024. */
export const ARNHEM_INWONERS_2024 = 166_000;

/** The CBS codes of the eleven gemeenten of the demo region, sorted. */
export const CBS_CODES: readonly string[] = GEMEENTEN.map((g) => g.cbsCode).sort();

/** Overbetuwe joins Inburgering on 1 July 2024, the only mid-year entry: 184 of 2024's 366 days. */
export const OVERBETUWE_IN_INBURGERING = { cbsCode: 'GM1734', vanaf: '2024-07-01', dagen2024: 184 } as const;

/** RFZ, the sixth module, starts on 1 January 2026. */
export const RFZ_START = '2026-01-01';

/** The gemeente name of the outside check: a live formula in a spreadsheet, unless neutralised. */
export const HYPERLINK = '=HYPERLINK("http://x.invalid","klik")';

/** One text per start that a spreadsheet reads as a formula (OWASP: =, +, -, @, tab, CR). */
export const FORMULE_TEKSTEN: readonly string[] = ['=1+1', '+31 26 377 0000', '- zie bijlage', '@SUM(A1:A9)', '\tingesprongen', '\rregel'];
