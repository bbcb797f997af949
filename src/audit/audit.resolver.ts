import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { vereisRol } from '../auth/authenticate.js';
import { Rol } from '../auth/identity.js';
import type { Context } from '../context.js';
import { AuditLog } from './audit-log.entity.js';

@Resolver(() => AuditLog)
export class AuditLogResolver {
  @Query(() => [AuditLog], { description: 'Het auditlog, nieuwste eerst (controller en beheerder).' })
  auditLog(
    @Ctx() ctx: Context,
    @Arg('entiteit', () => String, { nullable: true }) entiteit?: string,
    @Arg('laatste', () => Int, { defaultValue: 50, description: 'Aantal regels, hoogstens 500.' }) laatste = 50,
  ): Promise<AuditLog[]> {
    vereisRol(ctx.identity, [Rol.BEHEERDER, Rol.CONTROLLER], 'het auditlog lezen');
    const where: FilterQuery<AuditLog> = entiteit ? { entiteit } : {};
    return ctx.em.find(AuditLog, where, { orderBy: { id: 'desc' }, limit: Math.min(Math.max(laatste, 1), 500) });
  }
}
