import { Entity, Index, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { DateTime } from '../core/graphql-types.js';

/** Who changed what, when, with the record before and after (JSON). Written by services, never updated. */
@ObjectType({ simpleResolvers: true, description: 'Regel in het auditlog: wie wijzigde wat, wanneer, met de gegevens ervoor en erna.' })
@Entity({ tableName: 'audit_log' })
@Index({ name: 'audit_log_entiteit_idx', properties: ['entiteit', 'entiteitId'] })
@Index({ name: 'audit_log_wanneer_idx', properties: ['wanneer'] })
export class AuditLog {
  @Field(() => ID)
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  wie!: string;

  @Field(() => DateTime)
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  wanneer: Opt<Date> = new Date();

  @Field(() => String)
  @Property({ type: 'string', length: 60 })
  actie!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 60 })
  entiteit!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 60 })
  entiteitId!: string;

  @Field(() => GraphQLJSON, { nullable: true })
  @Property({ type: 'json', nullable: true })
  voor?: unknown;

  @Field(() => GraphQLJSON, { nullable: true })
  @Property({ type: 'json', nullable: true })
  na?: unknown;
}
