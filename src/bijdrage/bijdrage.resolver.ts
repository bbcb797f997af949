import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Begroting } from '../begroting/begroting.entity.js';
import type { Context } from '../context.js';
import { Gemeente } from '../gemeente/gemeente.entity.js';
import { Module } from '../module/module.entity.js';
import { Verdeelsleutel } from '../verdeelsleutel/verdeelsleutel.entity.js';
import { BijdragenArgs } from './bijdrage.args.js';
import { Bijdrage } from './bijdrage.entity.js';
import { zoekBijdragen } from './bijdrage.service.js';

@Resolver(() => Bijdrage)
export class BijdrageResolver {
  @Query(() => [Bijdrage], { description: 'Bijdragen, te filteren op gemeente, module, jaar en fase.' })
  bijdragen(@Args(() => BijdragenArgs) args: BijdragenArgs, @Ctx() ctx: Context): Promise<Bijdrage[]> {
    return zoekBijdragen(ctx.em, args);
  }

  @FieldResolver(() => Gemeente)
  gemeente(@Root() bijdrage: Bijdrage, @Ctx() ctx: Context): Promise<Gemeente> {
    return ctx.loaders.ref(Gemeente, bijdrage.gemeente);
  }

  @FieldResolver(() => Module)
  module(@Root() bijdrage: Bijdrage, @Ctx() ctx: Context): Promise<Module> {
    return ctx.loaders.ref(Module, bijdrage.module);
  }

  @FieldResolver(() => Begroting, { nullable: true, description: 'De begrotingsversie waaruit het bedrag is berekend.' })
  begroting(@Root() bijdrage: Bijdrage, @Ctx() ctx: Context) {
    return ctx.loaders.optionalRef(Begroting, bijdrage.begroting);
  }

  @FieldResolver(() => Verdeelsleutel, { nullable: true, description: 'De verdeelsleutel waarmee het bedrag is berekend.' })
  verdeelsleutel(@Root() bijdrage: Bijdrage, @Ctx() ctx: Context) {
    return ctx.loaders.optionalRef(Verdeelsleutel, bijdrage.verdeelsleutel);
  }
}
