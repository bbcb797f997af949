import { Check, Entity, Enum, PrimaryKey, Property, Unique, type Opt } from '@mikro-orm/core';
import { Rol } from './identity.js';

/**
 * A service-account token. Only a SHA-256 hash of the secret is stored (the secret is 256 random
 * bits, so a slow password hash adds nothing); the secret is shown once, at creation. Write model;
 * the graph reads ApiTokenType (api-token/).
 */
@Entity({ tableName: 'api_token' })
@Check({ name: 'api_token_gemeente_check', expression: "gemeente is null or gemeente ~ '^GM[0-9]{4}$'" })
export class ApiToken {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'string', length: 120 })
  naam!: string;

  @Enum({ items: () => Rol })
  rol!: Rol;

  @Property({ type: 'string', length: 6, nullable: true })
  gemeente?: string | null;

  @Property({ type: 'string[]', columnType: 'text[]', default: '{}' })
  modules: Opt<string[]> = [];

  /** hex SHA-256 of the secret. */
  @Property({ type: 'string', length: 64 })
  @Unique({ name: 'api_token_hash_unique' })
  hash!: string;

  @Property({ type: 'string', length: 12 })
  prefix!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  aangemaaktOp: Opt<Date> = new Date();

  @Property({ type: 'datetime', nullable: true })
  ingetrokkenOp?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  laatstGebruiktOp?: Date | null;
}
