import { Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../context.js';
import { Organisatie } from './organisatie.entity.js';
import { alleOrganisaties } from './organisatie.service.js';

@Resolver(() => Organisatie)
export class OrganisatieResolver {
  @Query(() => [Organisatie], { description: 'Externe partijen, op naam.' })
  organisaties(@Ctx() ctx: Context): Promise<Organisatie[]> {
    return alleOrganisaties(ctx.em);
  }
}
