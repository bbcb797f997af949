import { Entity, Index, PrimaryKey, Property, type Opt } from '@mikro-orm/core';

/**
 * Who changed what, when, with the record before and after (JSON). Written by services, never updated.
 * Write model; the graph reads AuditLogType.
 */
@Entity({ tableName: 'audit_log' })
@Index({ name: 'audit_log_entiteit_idx', properties: ['entiteit', 'entiteitId'] })
@Index({ name: 'audit_log_wanneer_idx', properties: ['wanneer'] })
export class AuditLog {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'string', length: 200 })
  wie!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  wanneer: Opt<Date> = new Date();

  @Property({ type: 'string', length: 60 })
  actie!: string;

  @Property({ type: 'string', length: 60 })
  entiteit!: string;

  @Property({ type: 'string', length: 60 })
  entiteitId!: string;

  @Property({ type: 'json', nullable: true })
  voor?: unknown;

  @Property({ type: 'json', nullable: true })
  na?: unknown;
}
