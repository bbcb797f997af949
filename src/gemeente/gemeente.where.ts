import type { FilterQuery } from '@mikro-orm/core';
import { Field, InputType } from 'type-graphql';
import { CbsCodeFilter, CodeFilter, filterVan, veld } from '../core/filters.js';
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
  return filterVan<GemeenteWhere, Gemeente>(where, (w) => [
    veld((ops) => ({ cbsCode: ops }), w.cbsCode),
    veld((ops) => ({ naam: ops }), w.naam),
  ]);
}
