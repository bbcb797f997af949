import { raw, type FilterQuery } from '@mikro-orm/core';
import type { Bijdrage } from './bijdrage.entity.js';

/**
 * "The current figure", defined once, as this SQL condition on a bijdrage row:
 *   BEGROOT:      the contributions of the primitieve begroting,
 *   GEWIJZIGD:    those of the latest begrotingswijziging whose contributions have been computed —
 *                 both picked per module and year by the view actuele_begroting (migration eenAntwoord),
 *   GEREALISEERD: those of the module's jaarrekening of the year (bijdrage.jaarrekening_id; there is
 *                 one jaarrekening per module and year, so every realised contribution is current).
 * Every path that totals money (the cost overview, totals, the bijdragen lists, the settlement, the
 * advance payments, the result, the CSV exports and the dashboard on top of them) reads through this,
 * so the same question gets the same answer. A condition on the row, not a join: PostgreSQL turns
 * the subquery into one hashed set per statement.
 */
export const actueleBijdrage = (alias: string) => `(${alias}.jaarrekening_id is not null or ${alias}.begroting_id in (${ACTUELE_BEGROTINGEN}))`;

/** The budget versions (primitief, amendments) whose contributions are current. */
export const ACTUELE_BEGROTINGEN = 'select id from actuele_begroting';

/** Restricts a Bijdrage filter to current contributions (as a condition on the root alias). */
export function actueleBijdragen(): FilterQuery<Bijdrage> {
  return { [raw((alias: string) => actueleBijdrage(alias))]: [] } as FilterQuery<Bijdrage>;
}
