import { normaliseerCbsCode } from '../core/scalars.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createHash, randomBytes } from 'node:crypto';
import { audit, tijdstip, type Door } from '../audit/audit.service.js';
import { ErrorCode, hubError, notFound } from '../core/errors.js';
import { Gemeente } from '../gemeente/gemeente.entity.js';
import { Module } from '../module/module.entity.js';
import { ApiToken } from './api-token.entity.js';
import { parseRol, scopeFout, type Identity, type Rol } from './identity.js';

export const TOKEN_PREFIX = 'rh_';

export interface NieuwToken {
  naam: string;
  rol: Rol;
  gemeente?: string | null;
  modules?: string[];
}

export function hashVan(geheim: string): string {
  return createHash('sha256').update(geheim).digest('hex');
}

/** Creates a token; the secret is returned once and never stored. One transaction, audited. */
export async function maakApiToken(em: EntityManager, invoer: NieuwToken, door: Door) {
  const naam = invoer.naam.trim();
  const modules = [...new Set(invoer.modules ?? [])].sort();
  const gemeente = invoer.gemeente ? normaliseerCbsCode(invoer.gemeente) : null;
  if (!naam || naam.length > 120) throw hubError(ErrorCode.BAD_USER_INPUT, 'Geef het token een naam van 1 tot 120 tekens.');
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

export async function trekApiTokenIn(em: EntityManager, id: number, door: Door): Promise<ApiToken> {
  return em.transactional(async (tx) => {
    const token = await tx.findOne(ApiToken, id);
    if (!token) throw notFound('API-token', String(id));
    if (!token.ingetrokkenOp) {
      const voor = { ...token, hash: undefined };
      token.ingetrokkenOp = tijdstip(door);
      audit(tx, door, 'API_TOKEN_INGETROKKEN', 'ApiToken', token.id, voor, { ...token, hash: undefined });
    }
    return token;
  });
}

export function alleApiTokens(em: EntityManager): Promise<ApiToken[]> {
  return em.find(ApiToken, {}, { orderBy: { id: 'asc' } });
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
 * The identity behind an API token secret, or null when unknown or revoked. One statement: it also
 * records the last use, at most once a minute per token so that reads do not turn into writes.
 */
export async function identiteitVanApiToken(em: EntityManager, geheim: string): Promise<Identity | null> {
  const zoek = (sql: string) => em.getConnection().execute<TokenRij[]>(sql, [hashVan(geheim)]);
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
  return { id: `token:${rij.id}`, naam: rij.naam, rol, gemeente: rij.gemeente, modules: rij.modules ?? [] };
}
