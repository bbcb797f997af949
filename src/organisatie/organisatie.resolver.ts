import { Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../context.js';
import { alleOrganisaties } from './organisatie.service.js';
import { OrganisatieType } from './organisatie.types.js';

@Resolver(() => OrganisatieType)
export class OrganisatieResolver {
  @Query(() => [OrganisatieType], { description: 'Externe partijen, op naam.' })
  organisaties(@Ctx() ctx: Context): Promise<OrganisatieType[]> {
    return alleOrganisaties(ctx.em);
  }
}
