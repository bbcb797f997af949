import { Arg, Ctx, Field, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../context.js';
import { leesApiTokens, maakApiToken, trekApiTokenIn } from './api-token.service.js';
import { apiTokenLezen, ApiTokenType } from './api-token.types.js';
import { vereisRol } from '../auth/authenticate.js';
import { Rol } from '../auth/identity.js';
import { NoFormula } from '../core/spreadsheet-text.js';

@InputType({ description: 'Een nieuw API-token voor een serviceaccount.' })
class ApiTokenInvoer {
  @Field(() => String)
  @NoFormula('Naam')
  naam!: string;

  @Field(() => Rol)
  rol!: Rol;

  @Field(() => String, { nullable: true, description: 'CBS-code; verplicht bij GEMEENTE, optioneel bij DASHBOARD.' })
  gemeente?: string;

  @Field(() => [String], { nullable: true, description: 'Modulecodes; verplicht bij MODULEMANAGER.' })
  modules?: string[];
}

@ObjectType({ simpleResolvers: true, description: 'Een aangemaakt token met zijn geheim; het geheim wordt alleen nu getoond.' })
class NieuwApiToken {
  @Field(() => ApiTokenType)
  token!: ApiTokenType;

  @Field(() => String, { description: 'Gebruik als "Authorization: Bearer <geheim>". Wordt niet bewaard.' })
  geheim!: string;
}

@Resolver(() => ApiTokenType)
export class ApiTokenResolver {
  @Query(() => [ApiTokenType], { description: 'Alle API-tokens (beheerder).' })
  apiTokens(@Ctx() ctx: Context): Promise<ApiTokenType[]> {
    vereisRol(ctx.identity, [Rol.BEHEERDER], 'API-tokens bekijken');
    return leesApiTokens(ctx.em);
  }

  @Mutation(() => NieuwApiToken, { description: 'Maakt een API-token aan (beheerder).' })
  async apiTokenAanmaken(@Arg('invoer', () => ApiTokenInvoer) invoer: ApiTokenInvoer, @Ctx() ctx: Context): Promise<NieuwApiToken> {
    vereisRol(ctx.identity, [Rol.BEHEERDER], 'API-tokens aanmaken');
    const { token, geheim } = await maakApiToken(ctx.em, invoer, ctx);
    return { token: await ctx.loaders.readRef(apiTokenLezen, token.id), geheim };
  }

  @Mutation(() => ApiTokenType, { description: 'Trekt een API-token in; het werkt daarna niet meer (beheerder).' })
  async apiTokenIntrekken(@Arg('id', () => Int) id: number, @Ctx() ctx: Context): Promise<ApiTokenType> {
    vereisRol(ctx.identity, [Rol.BEHEERDER], 'API-tokens intrekken');
    const token = await trekApiTokenIn(ctx.em, id, ctx, ctx.tokenCache);
    return ctx.loaders.readRef(apiTokenLezen, token.id);
  }
}
