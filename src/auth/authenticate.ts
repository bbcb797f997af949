import type { EntityManager } from '@mikro-orm/postgresql';
import { ErrorCode, hubError } from '../core/errors.js';
import type { ApiTokenCache } from './api-token-cache.js';
import { TOKEN_PREFIX, identiteitVanApiToken } from './api-token.service.js';
import type { Identity, Rol } from './identity.js';

export type JwtVerifier = (token: string) => Promise<Identity>;

const weigering = (message: string) => hubError(ErrorCode.UNAUTHENTICATED, message, { http: { status: 401 } });

/**
 * The identity behind an Authorization header: an API token (rh_…) or an OpenID Connect JWT.
 * Anything else is refused with UNAUTHENTICATED (HTTP 401).
 */
export async function authenticate(
  em: EntityManager,
  header: string | undefined,
  verifyJwt: JwtVerifier | null,
  tokenCache: ApiTokenCache | null = null,
): Promise<Identity> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  if (!match) throw weigering('Niet aangemeld: stuur een token mee in de header "Authorization: Bearer <token>".');
  const token = match[1];
  if (token.startsWith(TOKEN_PREFIX)) {
    const identity = await identiteitVanApiToken(em, token, tokenCache);
    if (!identity) throw weigering('Dit API-token is onbekend of ingetrokken.');
    return identity;
  }
  if (token.split('.').length === 3) {
    if (!verifyJwt) throw weigering('Aanmelden met OpenID Connect is op deze Regiohub niet ingesteld; gebruik een API-token.');
    return verifyJwt(token);
  }
  throw weigering('Het token heeft geen geldig formaat.');
}

/**
 * Refuses the request unless the identity has one of the roles.
 *
 * The one place for "which roles may call this operation": every mutation (and every query open to
 * some roles only) calls it first thing in its resolver, before any lookup, and services never check
 * a role. Services check data scope instead: which modules or gemeente this identity may touch
 * (`rapportage.access.ts`: visible rows, `vereisModuleScope`, `vereisKpiWaardenVanGemeente`).
 */
export function vereisRol(identity: Identity, rollen: readonly Rol[], wat: string): void {
  if (!rollen.includes(identity.rol)) {
    throw hubError(ErrorCode.FORBIDDEN, `Uw rol (${identity.rol.toLowerCase()}) mag ${wat} niet.`, { rol: identity.rol });
  }
}
