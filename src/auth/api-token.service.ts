import type { EntityManager } from '@mikro-orm/postgresql';
import { createHash } from 'node:crypto';
import type { ApiTokenCache } from './api-token-cache.js';
import { parseRol, type Identity } from './identity.js';

// Looking a token up is authentication and stays here, below every domain; creating and revoking
// tokens checks gemeenten and modules and is audited, so it lives in src/api-token/ above them.

export const TOKEN_PREFIX = 'rh_';

export function hashVan(geheim: string): string {
  return createHash('sha256').update(geheim).digest('hex');
}

interface TokenRij {
  id: number;
  naam: string;
  rol: string;
  gemeente: string | null;
  modules: string[];
}

const ALLEEN_OPZOEKEN = 'select id, naam, rol, gemeente, modules from api_token where hash = ? and ingetrokken_op is null';
const OPZOEKEN_EN_BIJHOUDEN = `with gevonden as (
     select id, naam, rol, gemeente, modules, laatst_gebruikt_op from api_token where hash = ? and ingetrokken_op is null
   ), bijgewerkt as (
     update api_token t set laatst_gebruikt_op = now() from gevonden g
     where t.id = g.id and (g.laatst_gebruikt_op is null or g.laatst_gebruikt_op < now() - interval '1 minute')
   )
   select id, naam, rol, gemeente, modules from gevonden`;
const READ_ONLY_TRANSACTION = '25006';

/** Set once a database turns out to be read-only (a hub on a read replica): last use is then not recorded. */
let databaseAlleenLezen = false;

/**
 * The identity behind an API token secret, or null when unknown or revoked. From the cache when it
 * knows the token (no statement); otherwise one statement, which also records the last use, at most
 * once a minute per token so that reads do not turn into writes. A token served from the cache has its
 * use recorded at its next lookup, after the cache's time (API_TOKEN_CACHE_SECONDEN) has passed.
 */
export async function identiteitVanApiToken(em: EntityManager, geheim: string, cache: ApiTokenCache | null = null): Promise<Identity | null> {
  const hash = hashVan(geheim);
  const bekend = cache?.get(hash);
  if (bekend) return bekend;
  const zoek = (sql: string) => em.getConnection().execute<TokenRij[]>(sql, [hash]);
  let rows: TokenRij[];
  try {
    rows = await zoek(databaseAlleenLezen ? ALLEEN_OPZOEKEN : OPZOEKEN_EN_BIJHOUDEN);
  } catch (error) {
    if ((error as { code?: string }).code !== READ_ONLY_TRANSACTION) throw error;
    databaseAlleenLezen = true;
    rows = await zoek(ALLEEN_OPZOEKEN);
  }
  const rij = rows[0];
  const rol = rij && parseRol(rij.rol);
  if (!rij || !rol) return null;
  const identity: Identity = { id: `token:${rij.id}`, naam: rij.naam, rol, gemeente: rij.gemeente, modules: rij.modules ?? [] };
  cache?.set(hash, rij.id, identity);
  return identity;
}
