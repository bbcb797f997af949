import { Field, ID, ObjectType } from 'type-graphql';
import { ApiToken } from '../auth/api-token.entity.js';
import { Rol } from '../auth/identity.js';
import { DateTime } from '../core/graphql-types.js';
import { isoTimestamp, ReadModel } from '../core/read-model.js';

/**
 * A service-account token as the graph reads it: never the hash. It lives here, above auth/, because
 * only the graph needs it; authentication reads tokens through the entity and its cache.
 */
@ObjectType('ApiToken', { simpleResolvers: true, description: 'API-token van een serviceaccount (dashboard, BI-tool). Het geheim zelf wordt nooit opgeslagen.' })
export class ApiTokenType {
  @Field(() => ID)
  id!: number;

  @Field(() => String)
  naam!: string;

  @Field(() => Rol)
  rol!: Rol;

  @Field(() => String, { nullable: true, description: 'CBS-code bij een gemeente- of gemeentelijk dashboardtoken.' })
  gemeente!: string | null;

  @Field(() => [String], { description: 'Modulecodes bij een modulemanagertoken.' })
  modules!: string[];

  @Field(() => String, { description: 'Begin van het token, om het te herkennen.' })
  prefix!: string;

  @Field(() => DateTime)
  aangemaaktOp!: string;

  @Field(() => DateTime, { nullable: true })
  ingetrokkenOp!: string | null;

  @Field(() => DateTime, { nullable: true })
  laatstGebruiktOp!: string | null;
}

/** How the graph reads API tokens (see ReadModel); text[] comes out of the driver as an array. */
export const apiTokenLezen = new ReadModel(ApiToken, ApiTokenType, {
  id: 'e.id',
  naam: 'e.naam',
  rol: 'e.rol',
  gemeente: 'e.gemeente',
  modules: 'e.modules',
  prefix: 'e.prefix',
  aangemaaktOp: isoTimestamp('e.aangemaakt_op'),
  ingetrokkenOp: isoTimestamp('e.ingetrokken_op'),
  laatstGebruiktOp: isoTimestamp('e.laatst_gebruikt_op'),
});
