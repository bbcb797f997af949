import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { Deelname } from '../deelname/deelname.entity.js';
import { Gemeente } from '../gemeente/gemeente.entity.js';
import { Module } from '../module/module.entity.js';
import { BijdrageFilterArgs } from './bijdrage.args.js';
import { Bijdrage } from './bijdrage.entity.js';
import { bijdragenVanDeelnemer, bijdragenVanGemeente, bijdragenVanModule } from './bijdrage.loaders.js';

// The contributions of a module, gemeente or participation live here, with the contribution, so that
// those lower folders do not depend on bijdrage/ (dependencies run child -> parent).

@Resolver(() => Module)
export class BijdragenVanModuleResolver {
  @FieldResolver(() => [Bijdrage], { description: 'Bijdragen van alle gemeenten aan deze (sub)module.' })
  bijdragen(@Root() module: Module, @Args(() => BijdrageFilterArgs) args: BijdrageFilterArgs, @Ctx() ctx: Context) {
    return bijdragenVanModule(ctx, args).load(module.id);
  }
}

@Resolver(() => Gemeente)
export class BijdragenVanGemeenteResolver {
  @FieldResolver(() => [Bijdrage], { description: 'Bijdragen van de gemeente aan alle modules.' })
  bijdragen(@Root() gemeente: Gemeente, @Args(() => BijdrageFilterArgs) args: BijdrageFilterArgs, @Ctx() ctx: Context) {
    return bijdragenVanGemeente(ctx, args).load(gemeente.id);
  }
}

@Resolver(() => Deelname)
export class BijdragenVanDeelnameResolver {
  @FieldResolver(() => [Bijdrage], { description: 'Bijdragen van deze gemeente aan deze (sub)module.' })
  bijdragen(@Root() deelname: Deelname, @Args(() => BijdrageFilterArgs) args: BijdrageFilterArgs, @Ctx() ctx: Context) {
    return bijdragenVanDeelnemer(ctx, args).load(`${deelname.gemeente.id}:${deelname.module.id}`);
  }
}
