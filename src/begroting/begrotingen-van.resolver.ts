import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { JaarArg } from '../core/jaar.js';
import { BEGROTING_VOLGORDE } from './begroting.service.js';
import { begrotingLezen, BegrotingType } from './begroting.types.js';
import { ModuleType } from '../module/module.types.js';

// A module's budget versions live here, with the budget, so that module/ does not depend on
// begroting/ (dependencies run child -> parent).
@Resolver(() => ModuleType)
export class BegrotingenVanModuleResolver {
  @FieldResolver(() => [BegrotingType], { description: 'Begrotingsversies per jaar, in volgorde van vaststelling: primitief, wijzigingen, realisatie.' })
  begrotingen(@Root() module: ModuleType, @Ctx() ctx: Context, @JaarArg('jaar', { nullable: true }) jaar?: number) {
    return ctx.loaders.readManyBy(begrotingLezen, { relation: 'module', key: 'moduleId' }, jaar === undefined ? {} : { jaar }, BEGROTING_VOLGORDE).load(module.id);
  }
}
