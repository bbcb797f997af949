import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { DateTime } from '../core/graphql-types.js';
import { isoTimestamp, ReadModel } from '../core/read-model.js';
import { AuditLog } from './audit-log.entity.js';

/** One audit entry as the graph reads it; the before and after are the stored JSON as they are. */
@ObjectType('AuditLog', { simpleResolvers: true, description: 'Regel in het auditlog: wie wijzigde wat, wanneer, met de gegevens ervoor en erna.' })
export class AuditLogType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  wie!: string;

  @Field(() => DateTime)
  wanneer!: string;

  @Field(() => String)
  actie!: string;

  @Field(() => String)
  entiteit!: string;

  @Field(() => String)
  entiteitId!: string;

  @Field(() => GraphQLJSON, { nullable: true })
  voor!: unknown;

  @Field(() => GraphQLJSON, { nullable: true })
  na!: unknown;
}

/** How the graph reads the audit log (see ReadModel). The id is a bigint, as text like the entity's. */
export const auditLogLezen = new ReadModel(AuditLog, AuditLogType, {
  id: 'e.id::text',
  wie: 'e.wie',
  wanneer: isoTimestamp('e.wanneer'),
  actie: 'e.actie',
  entiteit: 'e.entiteit',
  entiteitId: 'e.entiteit_id',
  voor: 'e.voor',
  na: 'e.na',
});
