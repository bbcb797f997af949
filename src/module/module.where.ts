import type { FilterQuery } from '@mikro-orm/core';
import { Field, InputType } from 'type-graphql';
import { CodeFilter, filterFrom, field } from '../core/filters.js';
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
  return filterFrom<ModuleWhere, Module>(where, (w) => [
    field((ops) => ({ code: ops }), w.code),
    field((ops) => ({ programma: { code: ops } }), w.programma),
    field((ops) => ({ hoofdmodule: { code: ops } }), w.hoofdmodule),
    field((ops) => ({ taakveld: ops }), w.taakveld),
  ]);
}
