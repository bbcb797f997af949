// Named values of the test scenario, so a test says what a number is and a change to the demo region
// is made in one place.

/**
 * "Now" for tests with a fixed clock: late November 2026, when the reports of Q3 2026 are in their
 * 45-day window, 2024 has its jaarrekening and 2025 is budgeted and amended.
 */
export const NU = new Date('2026-11-23T10:00:00Z');

/** Arnhem (GM0202) in the demo region: inwoners on 1 January 2024. */
export const ARNHEM_INWONERS_2024 = 166_000;
