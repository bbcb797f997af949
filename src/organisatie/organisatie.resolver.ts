import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { Dvo } from '../dvo/dvo.entity.js';
import { Organisatie } from './organisatie.entity.js';

@Resolver(() => Organisatie)
export class OrganisatieResolver {
  @Query(() => [Organisatie], { description: 'Externe partijen, op naam.' })
  organisaties(@Ctx() ctx: Context): Promise<Organisatie[]> {
    return ctx.em.find(Organisatie, {}, { orderBy: { naam: 'asc' } });
  }

  @FieldResolver(() => [Dvo])
  dvos(@Root() organisatie: Organisatie, @Ctx() ctx: Context): Promise<Dvo[]> {
    return ctx.loaders.manyBy(Dvo, 'organisatie', {}, { ingangsdatum: 'asc' }).load(organisatie.id);
  }
}
