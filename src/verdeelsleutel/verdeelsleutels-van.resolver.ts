import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { JaarArg } from '../core/jaar.js';
import { verdeelsleutelLezen, VerdeelsleutelType } from './verdeelsleutel.types.js';
import { ModuleType } from '../module/module.types.js';

// A module's allocation keys live here, with the key, so that module/ does not depend on
// verdeelsleutel/ (dependencies run child -> parent).
@Resolver(() => ModuleType)
export class VerdeelsleutelsVanModuleResolver {
  @FieldResolver(() => [VerdeelsleutelType])
  verdeelsleutels(@Root() module: ModuleType, @Ctx() ctx: Context, @JaarArg('jaar', { nullable: true }) jaar?: number) {
    return ctx.loaders.readManyBy(verdeelsleutelLezen, { relation: 'module', key: 'moduleId' }, jaar === undefined ? {} : { jaar }, { jaar: 'asc' }).load(module.id);
  }
}
