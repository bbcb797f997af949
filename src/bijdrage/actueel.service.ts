import { raw, type FilterQuery } from '@mikro-orm/core';
import type { Bijdrage } from './bijdrage.entity.js';

/**
 * "The current figure", defined once, in the database: the view actuele_begroting (migration
 * eenAntwoord) holds per module, year and phase the budget version that counts —
 *   BEGROOT:      the primitieve begroting,
 *   GEWIJZIGD:    the latest begrotingswijziging whose contributions have been computed,
 *   GEREALISEERD: the jaarrekening —
 * and the current contributions are those of these versions. Every path that totals money (the
 * cost overview, totals, the bijdragen lists, the settlement, the advance payments, the CSV exports
 * and the dashboard on top of them) reads through this, so the same question gets the same answer.
 */
export const ACTUELE_BEGROTINGEN = 'select id from actuele_begroting';

/** Restricts a Bijdrage filter to current versions (as a condition on the root alias). */
export function actueleBijdragen(): FilterQuery<Bijdrage> {
  return { [raw((alias: string) => `${alias}.begroting_id in (${ACTUELE_BEGROTINGEN})`)]: [] } as FilterQuery<Bijdrage>;
}
