import { Arg, Ctx, Field, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../context.js';
import { ApiToken } from '../auth/api-token.entity.js';
import { alleApiTokens, maakApiToken, trekApiTokenIn } from './api-token.service.js';
import { vereisRol } from '../auth/authenticate.js';
import { Rol } from '../auth/identity.js';

@InputType({ description: 'Een nieuw API-token voor een serviceaccount.' })
class ApiTokenInvoer {
  @Field(() => String)
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
  @Field(() => ApiToken)
  token!: ApiToken;

  @Field(() => String, { description: 'Gebruik als "Authorization: Bearer <geheim>". Wordt niet bewaard.' })
  geheim!: string;
}

@Resolver(() => ApiToken)
export class ApiTokenResolver {
  @Query(() => [ApiToken], { description: 'Alle API-tokens (beheerder).' })
  apiTokens(@Ctx() ctx: Context): Promise<ApiToken[]> {
    vereisRol(ctx.identity, [Rol.BEHEERDER], 'API-tokens bekijken');
    return alleApiTokens(ctx.em);
  }

  @Mutation(() => NieuwApiToken, { description: 'Maakt een API-token aan (beheerder).' })
  apiTokenAanmaken(@Arg('invoer', () => ApiTokenInvoer) invoer: ApiTokenInvoer, @Ctx() ctx: Context): Promise<NieuwApiToken> {
    vereisRol(ctx.identity, [Rol.BEHEERDER], 'API-tokens aanmaken');
    return maakApiToken(ctx.em, invoer, ctx);
  }

  @Mutation(() => ApiToken, { description: 'Trekt een API-token in; het werkt daarna niet meer (beheerder).' })
  apiTokenIntrekken(@Arg('id', () => Int) id: number, @Ctx() ctx: Context): Promise<ApiToken> {
    vereisRol(ctx.identity, [Rol.BEHEERDER], 'API-tokens intrekken');
    return trekApiTokenIn(ctx.em, id, ctx, ctx.tokenCache);
  }
}
