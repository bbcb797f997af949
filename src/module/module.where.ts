import type { FilterQuery } from '@mikro-orm/core';
import { Field, InputType } from 'type-graphql';
import { CodeFilter, filterVan, veld } from '../core/filters.js';
import type { Module } from './module.entity.js';

@InputType({ description: 'Filter op modules; velden op één niveau gelden samen, met and/or/not te nesten.' })
export class ModuleWhere {
  @Field(() => [ModuleWhere], { nullable: true })
  and?: ModuleWhere[];

  @Field(() => [ModuleWhere], { nullable: true })
  or?: ModuleWhere[];

  @Field(() => ModuleWhere, { nullable: true })
  not?: ModuleWhere;

  @Field(() => CodeFilter, { nullable: true })
  code?: CodeFilter;

  @Field(() => CodeFilter, { nullable: true, description: 'Code van het programma.' })
  programma?: CodeFilter;

  @Field(() => CodeFilter, { nullable: true, description: 'Code van de hoofdmodule (alleen submodules).' })
  hoofdmodule?: CodeFilter;

  @Field(() => CodeFilter, { nullable: true, description: 'BBV-taakveld.' })
  taakveld?: CodeFilter;
}

export function moduleWhere(where: ModuleWhere | null | undefined): FilterQuery<Module> {
  return filterVan<ModuleWhere, Module>(where, (w) => [
    veld((ops) => ({ code: ops }), w.code),
    veld((ops) => ({ programma: { code: ops } }), w.programma),
    veld((ops) => ({ hoofdmodule: { code: ops } }), w.hoofdmodule),
    veld((ops) => ({ taakveld: ops }), w.taakveld),
  ]);
}
