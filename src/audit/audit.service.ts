import type { EntityManager } from '@mikro-orm/postgresql';
import type { Identity } from '../auth/identity.js';
import { AuditLog } from './audit-log.entity.js';

/** Plain JSON of an entity's own columns, for the before/after of an audit entry. */
export function momentopname(entity: object | null | undefined): unknown {
  if (!entity) return null;
  return JSON.parse(
    JSON.stringify(entity, (key, value) => (value && typeof value === 'object' && 'id' in value && key !== '' ? value.id : value)),
  );
}

/** Records who changed what, in the same transaction as the change. */
export function audit(
  em: EntityManager,
  wie: Identity | string,
  actie: string,
  entiteit: string,
  entiteitId: string | number,
  voor: unknown,
  na: unknown,
): AuditLog {
  const door = typeof wie === 'string' ? wie : `${wie.naam} (${wie.id}, ${wie.rol})`;
  return em.create(AuditLog, { wie: door, actie, entiteit, entiteitId: String(entiteitId), voor: momentopname(voor as object), na: momentopname(na as object) });
}
