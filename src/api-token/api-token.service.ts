import type { EntityManager } from '@mikro-orm/postgresql';
import { randomBytes } from 'node:crypto';
import { audit, tijdstip, type Door } from '../audit/audit.service.js';
import type { ApiTokenCache } from '../auth/api-token-cache.js';
import { ApiToken } from '../auth/api-token.entity.js';
import { TOKEN_PREFIX, hashVan } from '../auth/api-token.service.js';
import { scopeFout, type Rol } from '../auth/identity.js';
import { ErrorCode, hubError, notFound } from '../core/errors.js';
import { normaliseerCbsCode } from '../core/scalars.js';
import { Gemeente } from '../gemeente/gemeente.entity.js';
import { Module } from '../module/module.entity.js';
import { apiTokenLezen, type ApiTokenType } from './api-token.types.js';
import { formulaProblem } from '../core/spreadsheet-text.js';

export interface NieuwToken {
  naam: string;
  rol: Rol;
  gemeente?: string | null;
  modules?: string[];
}

/** Creates a token; the secret is returned once and never stored. One transaction, audited. */
export async function maakApiToken(em: EntityManager, invoer: NieuwToken, door: Door) {
  const naam = invoer.naam.trim();
  const modules = [...new Set(invoer.modules ?? [])].sort();
  const gemeente = invoer.gemeente ? normaliseerCbsCode(invoer.gemeente) : null;
  if (!naam || naam.length > 120) throw hubError(ErrorCode.BAD_USER_INPUT, 'Geef het token een naam van 1 tot 120 tekens.');
  // Here and not only on the GraphQL input: `npm run token -- create` comes through this function too.
  const formule = formulaProblem('Naam', naam, 'name');
  if (formule) throw hubError(ErrorCode.BAD_USER_INPUT, formule, { veld: 'naam' });
  const fout = scopeFout(invoer.rol, gemeente, modules);
  if (fout) throw hubError(ErrorCode.BAD_USER_INPUT, fout);
  return em.transactional(async (tx) => {
    if (gemeente && !(await tx.count(Gemeente, { cbsCode: gemeente }))) throw notFound('Gemeente', gemeente);
    const bestaand = await tx.find(Module, { code: { $in: modules } });
    const onbekend = modules.filter((code) => !bestaand.some((m) => m.code === code));
    if (onbekend.length) throw notFound('Module', onbekend.join(', '));

    const geheim = TOKEN_PREFIX + randomBytes(32).toString('base64url');
    const token = tx.create(ApiToken, { naam, rol: invoer.rol, gemeente, modules, hash: hashVan(geheim), prefix: geheim.slice(0, 10), aangemaaktOp: tijdstip(door) });
    await tx.flush();
    audit(tx, door, 'API_TOKEN_AANGEMAAKT', 'ApiToken', token.id, null, { ...token, hash: undefined });
    return { token, geheim };
  });
}

/**
 * Revokes a token. Every hub instance drops it from memory when the revocation commits (notification
 * from the database); this process at once, through `tokenCache`.
 */
export async function trekApiTokenIn(em: EntityManager, id: number, door: Door, tokenCache: ApiTokenCache | null = null): Promise<ApiToken> {
  const token = await em.transactional(async (tx) => {
    const token = await tx.findOne(ApiToken, id);
    if (!token) throw notFound('API-token', String(id));
    if (!token.ingetrokkenOp) {
      const voor = { ...token, hash: undefined };
      token.ingetrokkenOp = tijdstip(door);
      audit(tx, door, 'API_TOKEN_INGETROKKEN', 'ApiToken', token.id, voor, { ...token, hash: undefined });
    }
    return token;
  });
  tokenCache?.drop(id);
  return token;
}

/** All tokens as entities, for the token CLI (it prints dates and scopes itself). */
export function alleApiTokens(em: EntityManager): Promise<ApiToken[]> {
  return em.find(ApiToken, {}, { orderBy: { id: 'asc' } });
}

/** All tokens as the graph reads them, oldest first. */
export function leesApiTokens(em: EntityManager): Promise<ApiTokenType[]> {
  return apiTokenLezen.find(em, {}, { orderBy: { id: 'asc' } });
}
