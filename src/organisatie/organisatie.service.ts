import type { EntityManager } from '@mikro-orm/postgresql';
import { organisatieLezen, type OrganisatieType } from './organisatie.types.js';

/** External parties, by name. */
export function alleOrganisaties(em: EntityManager): Promise<OrganisatieType[]> {
  return organisatieLezen.find(em, {}, { orderBy: { naam: 'asc' } });
}
