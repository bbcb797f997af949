import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Args, Ctx, Field, InputType, ObjectType, Query, Resolver } from 'type-graphql';
import { vereisRol } from '../auth/authenticate.js';
import { Rol } from '../auth/identity.js';
import type { Context } from '../context.js';
import { Connection, PageArgs, paginateRead, type ConnectionResult } from '../core/connection.js';
import { CodeFilter, filterFrom, field } from '../core/filters.js';
import type { AuditLog } from './audit-log.entity.js';
import { auditLogLezen, AuditLogType } from './audit-log.types.js';

@InputType({ description: 'Filter op het auditlog; velden op één niveau gelden samen, met and/or/not te nesten.' })
export class AuditLogWhere {
  @Field(() => [AuditLogWhere], { nullable: true })
  and?: AuditLogWhere[];

  @Field(() => [AuditLogWhere], { nullable: true })
  or?: AuditLogWhere[];

  @Field(() => AuditLogWhere, { nullable: true })
  not?: AuditLogWhere;

  @Field(() => CodeFilter, { nullable: true, description: 'Soort gegeven, bijvoorbeeld Deelname.' })
  entiteit?: CodeFilter;

  @Field(() => CodeFilter, { nullable: true })
  entiteitId?: CodeFilter;

  @Field(() => CodeFilter, { nullable: true, description: 'Bijvoorbeeld DEELNAME_TOEGEVOEGD.' })
  actie?: CodeFilter;
}

@ObjectType({ simpleResolvers: true })
export class AuditLogConnection extends Connection(AuditLogType, 'AuditLog') {}

@Resolver(() => AuditLogType)
export class AuditLogResolver {
  @Query(() => AuditLogConnection, { description: 'Het auditlog, nieuwste eerst (controller en beheerder).' })
  auditLog(
    @Ctx() ctx: Context,
    @Args(() => PageArgs) pagina: PageArgs,
    @Arg('where', () => AuditLogWhere, { nullable: true }) where?: AuditLogWhere,
  ): Promise<ConnectionResult<AuditLogType>> {
    vereisRol(ctx.identity, [Rol.BEHEERDER, Rol.CONTROLLER], 'het auditlog lezen');
    // paginateRead builds the filter for each statement it sends (see there).
    const filter = (): FilterQuery<AuditLog> =>
      filterFrom<AuditLogWhere, AuditLog>(where, (w) => [
        field((ops) => ({ entiteit: ops }), w.entiteit),
        field((ops) => ({ entiteitId: ops }), w.entiteitId),
        field((ops) => ({ actie: ops }), w.actie),
      ]);
    return paginateRead(ctx.em, auditLogLezen, filter, [{ id: 'desc' }], pagina);
  }
}
