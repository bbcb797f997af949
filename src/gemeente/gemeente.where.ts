import type { FilterQuery } from '@mikro-orm/core';
import { Field, InputType } from 'type-graphql';
import { CbsCodeFilter, CodeFilter, filterFrom, field } from '../core/filters.js';
import type { Gemeente } from './gemeente.entity.js';

@InputType({ description: 'Filter op gemeenten; velden op één niveau gelden samen, met and/or/not te nesten.' })
export class GemeenteWhere {
  @Field(() => [GemeenteWhere], { nullable: true })
  and?: GemeenteWhere[];

  @Field(() => [GemeenteWhere], { nullable: true })
  or?: GemeenteWhere[];

  @Field(() => GemeenteWhere, { nullable: true })
  not?: GemeenteWhere;

  @Field(() => CbsCodeFilter, { nullable: true })
  cbsCode?: CbsCodeFilter;

  @Field(() => CodeFilter, { nullable: true })
  naam?: CodeFilter;
}

export function gemeenteWhere(where: GemeenteWhere | null | undefined): FilterQuery<Gemeente> {
  return filterFrom<GemeenteWhere, Gemeente>(where, (w) => [
    field((ops) => ({ cbsCode: ops }), w.cbsCode),
    field((ops) => ({ naam: ops }), w.naam),
  ]);
}
