import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { DeelnameType } from '../deelname/deelname.types.js';
import { BijdrageFilterArgs } from './bijdrage.args.js';
import { BijdrageType } from './bijdrage.types.js';
import { bijdragenVanDeelnemer, bijdragenVanGemeente, bijdragenVanModule } from './bijdrage.loaders.js';
import { GemeenteType } from '../gemeente/gemeente.types.js';
import { ModuleType } from '../module/module.types.js';

// The contributions of a module, gemeente or participation live here, with the contribution, so that
// those lower folders do not depend on bijdrage/ (dependencies run child -> parent).

@Resolver(() => ModuleType)
export class BijdragenVanModuleResolver {
  @FieldResolver(() => [BijdrageType], { description: 'Bijdragen van alle gemeenten aan deze (sub)module.' })
  bijdragen(@Root() module: ModuleType, @Args(() => BijdrageFilterArgs) args: BijdrageFilterArgs, @Ctx() ctx: Context) {
    return bijdragenVanModule(ctx, args).load(module.id);
  }
}

@Resolver(() => GemeenteType)
export class BijdragenVanGemeenteResolver {
  @FieldResolver(() => [BijdrageType], { description: 'Bijdragen van de gemeente aan alle modules.' })
  bijdragen(@Root() gemeente: GemeenteType, @Args(() => BijdrageFilterArgs) args: BijdrageFilterArgs, @Ctx() ctx: Context) {
    return bijdragenVanGemeente(ctx, args).load(gemeente.id);
  }
}

@Resolver(() => DeelnameType)
export class BijdragenVanDeelnameResolver {
  @FieldResolver(() => [BijdrageType], { description: 'Bijdragen van deze gemeente aan deze (sub)module.' })
  bijdragen(@Root() deelname: DeelnameType, @Args(() => BijdrageFilterArgs) args: BijdrageFilterArgs, @Ctx() ctx: Context) {
    return bijdragenVanDeelnemer(ctx, args).load(`${deelname.gemeenteId}:${deelname.moduleId}`);
  }
}
