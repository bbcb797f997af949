import type { EntityManager } from '@mikro-orm/postgresql';
import { Organisatie } from './organisatie.entity.js';

/** External parties, by name. */
export function alleOrganisaties(em: EntityManager): Promise<Organisatie[]> {
  return em.find(Organisatie, {}, { orderBy: { naam: 'asc' } });
}
