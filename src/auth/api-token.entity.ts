import { Check, Entity, Enum, PrimaryKey, Property, Unique, type Opt } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { DateTime } from '../core/graphql-types.js';
import { Rol } from './identity.js';

/**
 * A service-account token. Only a SHA-256 hash of the secret is stored (the secret is 256 random
 * bits, so a slow password hash adds nothing); the secret is shown once, at creation.
 */
@ObjectType({ simpleResolvers: true, description: 'API-token van een serviceaccount (dashboard, BI-tool). Het geheim zelf wordt nooit opgeslagen.' })
@Entity({ tableName: 'api_token' })
@Check({ name: 'api_token_gemeente_check', expression: "gemeente is null or gemeente ~ '^GM[0-9]{4}$'" })
export class ApiToken {
  @Field(() => ID)
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field(() => String)
  @Property({ type: 'string', length: 120 })
  naam!: string;

  @Field(() => Rol)
  @Enum({ items: () => Rol })
  rol!: Rol;

  @Field(() => String, { nullable: true, description: 'CBS-code bij een gemeente- of gemeentelijk dashboardtoken.' })
  @Property({ type: 'string', length: 6, nullable: true })
  gemeente?: string | null;

  @Field(() => [String], { description: 'Modulecodes bij een modulemanagertoken.' })
  @Property({ type: 'string[]', columnType: 'text[]', default: '{}' })
  modules: Opt<string[]> = [];

  /** hex SHA-256 of the secret. */
  @Property({ type: 'string', length: 64 })
  @Unique({ name: 'api_token_hash_unique' })
  hash!: string;

  @Field(() => String, { description: 'Begin van het token, om het te herkennen.' })
  @Property({ type: 'string', length: 12 })
  prefix!: string;

  @Field(() => DateTime)
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  aangemaaktOp: Opt<Date> = new Date();

  @Field(() => DateTime, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  ingetrokkenOp?: Date | null;

  @Field(() => DateTime, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  laatstGebruiktOp?: Date | null;
}
