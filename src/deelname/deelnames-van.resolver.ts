import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { PeriodeArgs } from './deelname.args.js';
import { DeelnameType } from './deelname.types.js';
import { deelnamesVanGemeente, deelnamesVanModule } from './deelname.loaders.js';
import { GemeenteType } from '../gemeente/gemeente.types.js';
import { moduleLezen, ModuleType } from '../module/module.types.js';

// Who takes part in what is known here, with the participation, so that gemeente/ and module/ do not
// depend on deelname/ (dependencies run child -> parent).

@Resolver(() => ModuleType)
export class DeelnemersVanModuleResolver {
  @FieldResolver(() => [DeelnameType], { description: 'Deelnames van gemeenten aan deze (sub)module; zonder periode: die van vandaag.' })
  deelnemers(@Root() module: ModuleType, @Args(() => PeriodeArgs) periode: PeriodeArgs, @Ctx() ctx: Context) {
    return deelnamesVanModule(ctx, periode).load(module.id);
  }
}

@Resolver(() => GemeenteType)
export class DeelnamesVanGemeenteResolver {
  @FieldResolver(() => [DeelnameType], { description: 'Deelnames aan (sub)modules; zonder periode: die van vandaag.' })
  deelnames(@Root() gemeente: GemeenteType, @Args(() => PeriodeArgs) periode: PeriodeArgs, @Ctx() ctx: Context) {
    return deelnamesVanGemeente(ctx, periode).load(gemeente.id);
  }

  @FieldResolver(() => [ModuleType], { description: 'Modules waaraan de gemeente deelneemt; zonder periode: vandaag.' })
  async modules(
    @Root() gemeente: GemeenteType,
    @Args(() => PeriodeArgs) periode: PeriodeArgs,
    @Ctx() ctx: Context,
    @Arg('inclusiefSubmodules', () => Boolean, { defaultValue: false }) inclusiefSubmodules: boolean,
  ): Promise<ModuleType[]> {
    const deelnames = await deelnamesVanGemeente(ctx, periode).load(gemeente.id);
    const ids = [...new Set(deelnames.map((d) => d.moduleId))];
    const modules = (await ctx.loaders.read(moduleLezen).loadMany(ids)) as Array<ModuleType | null>;
    return modules
      .filter((m): m is ModuleType => m !== null && (inclusiefSubmodules || m.hoofdmoduleId === null))
      .sort((a, b) => (a.code < b.code ? -1 : 1));
  }
}
