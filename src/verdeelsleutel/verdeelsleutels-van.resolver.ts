import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { JaarArg } from '../core/jaar.js';
import { Verdeelsleutel } from './verdeelsleutel.entity.js';
import { ModuleType } from '../module/module.types.js';

// A module's allocation keys live here, with the key, so that module/ does not depend on
// verdeelsleutel/ (dependencies run child -> parent).
@Resolver(() => ModuleType)
export class VerdeelsleutelsVanModuleResolver {
  @FieldResolver(() => [Verdeelsleutel])
  verdeelsleutels(@Root() module: ModuleType, @Ctx() ctx: Context, @JaarArg('jaar', { nullable: true }) jaar?: number) {
    return ctx.loaders.manyBy(Verdeelsleutel, 'module', jaar === undefined ? {} : { jaar }, { jaar: 'asc' }).load(module.id);
  }
}
