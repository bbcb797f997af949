import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { JaarArg } from '../core/jaar.js';
import { Module } from '../module/module.entity.js';
import { Verdeelsleutel } from './verdeelsleutel.entity.js';

// A module's allocation keys live here, with the key, so that module/ does not depend on
// verdeelsleutel/ (dependencies run child -> parent).
@Resolver(() => Module)
export class VerdeelsleutelsVanModuleResolver {
  @FieldResolver(() => [Verdeelsleutel])
  verdeelsleutels(@Root() module: Module, @Ctx() ctx: Context, @JaarArg('jaar', { nullable: true }) jaar?: number) {
    return ctx.loaders.manyBy(Verdeelsleutel, 'module', jaar === undefined ? {} : { jaar }, { jaar: 'asc' }).load(module.id);
  }
}
