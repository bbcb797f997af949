import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { Gemeente } from '../gemeente/gemeente.entity.js';
import { Module } from '../module/module.entity.js';
import { PeriodeArgs } from './deelname.args.js';
import { Deelname } from './deelname.entity.js';
import { deelnamesVanGemeente, deelnamesVanModule } from './deelname.loaders.js';

// Who takes part in what is known here, with the participation, so that gemeente/ and module/ do not
// depend on deelname/ (dependencies run child -> parent).

@Resolver(() => Module)
export class DeelnemersVanModuleResolver {
  @FieldResolver(() => [Deelname], { description: 'Deelnames van gemeenten aan deze (sub)module; zonder periode: die van vandaag.' })
  deelnemers(@Root() module: Module, @Args(() => PeriodeArgs) periode: PeriodeArgs, @Ctx() ctx: Context) {
    return deelnamesVanModule(ctx, periode).load(module.id);
  }
}

@Resolver(() => Gemeente)
export class DeelnamesVanGemeenteResolver {
  @FieldResolver(() => [Deelname], { description: 'Deelnames aan (sub)modules; zonder periode: die van vandaag.' })
  deelnames(@Root() gemeente: Gemeente, @Args(() => PeriodeArgs) periode: PeriodeArgs, @Ctx() ctx: Context) {
    return deelnamesVanGemeente(ctx, periode).load(gemeente.id);
  }

  @FieldResolver(() => [Module], { description: 'Modules waaraan de gemeente deelneemt; zonder periode: vandaag.' })
  async modules(
    @Root() gemeente: Gemeente,
    @Args(() => PeriodeArgs) periode: PeriodeArgs,
    @Ctx() ctx: Context,
    @Arg('inclusiefSubmodules', () => Boolean, { defaultValue: false }) inclusiefSubmodules: boolean,
  ): Promise<Module[]> {
    const deelnames = await deelnamesVanGemeente(ctx, periode).load(gemeente.id);
    const ids = [...new Set(deelnames.map((d) => d.module.id))];
    const modules = (await ctx.loaders.byId(Module).loadMany(ids)) as Array<Module | null>;
    return modules
      .filter((m): m is Module => m !== null && (inclusiefSubmodules || !m.hoofdmodule))
      .sort((a, b) => (a.code < b.code ? -1 : 1));
  }
}
