import type { EntityManager } from '@mikro-orm/postgresql';
import type { Schrijver } from '../context.js';
import { AuditLog } from './audit-log.entity.js';

/** Plain JSON of an entity's own columns, for the before/after of an audit entry. */
export function momentopname(entity: object | null | undefined): unknown {
  if (!entity) return null;
  return JSON.parse(
    JSON.stringify(entity, (key, value) => (value && typeof value === 'object' && 'id' in value && key !== '' ? value.id : value)),
  );
}

/**
 * Who makes a change, with the clock it is recorded by: a request (its identity and the request
 * clock, `ctx`), or outside requests a named job such as the token CLI (the system clock).
 */
export type Door = Pick<Schrijver, 'identity' | 'now'> | string;

/** "Now" for a change by `door`. */
export function tijdstip(door: Door): Date {
  return typeof door === 'string' ? new Date() : door.now();
}

/** Records who changed what and when, in the same transaction as the change. */
export function audit(
  em: EntityManager,
  door: Door,
  actie: string,
  entiteit: string,
  entiteitId: string | number,
  voor: unknown,
  na: unknown,
): AuditLog {
  const wie = typeof door === 'string' ? door : `${door.identity.naam} (${door.identity.id}, ${door.identity.rol})`;
  return em.create(AuditLog, {
    wie,
    wanneer: tijdstip(door),
    actie,
    entiteit,
    entiteitId: String(entiteitId),
    voor: momentopname(voor as object),
    na: momentopname(na as object),
  });
}
