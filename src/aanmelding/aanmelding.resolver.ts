import { Ctx, Field, FieldResolver, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Rol } from '../auth/identity.js';
import type { Context } from '../context.js';
import { alleGemeenten } from '../gemeente/gemeente.service.js';
import { GemeenteType } from '../gemeente/gemeente.types.js';
import { kpiGemeentenInZicht } from '../rapportage/rapportage.access.js';

@ObjectType('Aanmelding', { simpleResolvers: true, description: 'Wie u bent voor de hub: uw naam, rol en scope, en wat u daardoor mag zien.' })
export class Aanmelding {
  @Field(() => String)
  naam!: string;

  @Field(() => Rol)
  rol!: Rol;

  @Field(() => String, { nullable: true, description: 'CBS-code van uw gemeente (rol GEMEENTE, of een dashboard van één gemeente).' })
  cbsCode!: string | null;

  @Field(() => [String], { description: 'De modules die u als modulemanager beheert.' })
  modules!: string[];
}

@Resolver(() => Aanmelding)
export class AanmeldingResolver {
  @Query(() => Aanmelding, { description: 'Uw aanmelding: naam, rol en scope (voor schermen die alleen tonen wat u mag zien).' })
  aanmelding(@Ctx() ctx: Context): Aanmelding {
    const { naam, rol, gemeente, modules } = ctx.identity;
    return { naam, rol, cbsCode: gemeente, modules };
  }

  @FieldResolver(() => [GemeenteType], {
    description: 'De gemeenten waarvan u KPI-waarden per gemeente mag zien (regionale waarden ziet iedereen), op naam.',
  })
  async kpiGemeenten(@Root() _aanmelding: Aanmelding, @Ctx() ctx: Context): Promise<GemeenteType[]> {
    const inZicht = kpiGemeentenInZicht(ctx.identity);
    if (inZicht === 'alle') return alleGemeenten(ctx.em);
    return inZicht.length ? alleGemeenten(ctx.em, { cbsCode: { in: inZicht } }) : [];
  }
}
