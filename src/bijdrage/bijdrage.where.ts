import type { FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import { Field, InputType, registerEnumType } from 'type-graphql';
import { BedragFilter, CbsCodeFilter, CodeFilter, filterFrom, IntFilter, Richting, field } from '../core/filters.js';
import { Bijdrage, Fase } from './bijdrage.entity.js';

@InputType({ description: 'Filter op fase.' })
export class FaseFilter {
  @Field(() => Fase, { nullable: true })
  eq?: Fase;

  @Field(() => [Fase], { nullable: true })
  in?: Fase[];
}

@InputType({ description: 'Filter op bijdragen; velden op één niveau gelden samen (EN), met and/or/not te nesten.' })
export class BijdrageWhere {
  @Field(() => [BijdrageWhere], { nullable: true })
  and?: BijdrageWhere[];

  @Field(() => [BijdrageWhere], { nullable: true })
  or?: BijdrageWhere[];

  @Field(() => BijdrageWhere, { nullable: true })
  not?: BijdrageWhere;

  @Field(() => CbsCodeFilter, { nullable: true, description: 'CBS-code van de gemeente.' })
  gemeente?: CbsCodeFilter;

  @Field(() => CodeFilter, { nullable: true, description: 'Code van de (sub)module.' })
  module?: CodeFilter;

  @Field(() => CodeFilter, { nullable: true, description: 'Code van het programma van de module.' })
  programma?: CodeFilter;

  @Field(() => IntFilter, { nullable: true })
  jaar?: IntFilter;

  @Field(() => FaseFilter, { nullable: true })
  fase?: FaseFilter;

  @Field(() => CodeFilter, { nullable: true, description: 'BBV-taakveld, bijvoorbeeld 6.4.' })
  taakveld?: CodeFilter;

  @Field(() => BedragFilter, { nullable: true })
  bedrag?: BedragFilter;
}

export function bijdrageWhere(where: BijdrageWhere | null | undefined): FilterQuery<Bijdrage> {
  return filterFrom<BijdrageWhere, Bijdrage>(where, (w) => [
    field((ops) => ({ gemeente: { cbsCode: ops } }), w.gemeente),
    field((ops) => ({ module: { code: ops } }), w.module),
    field((ops) => ({ module: { programma: { code: ops } } }), w.programma),
    field((ops) => ({ jaar: ops }), w.jaar),
    field((ops) => ({ fase: ops }), w.fase),
    field((ops) => ({ taakveld: ops }), w.taakveld),
    field((ops) => ({ bedrag: ops }), w.bedrag),
  ]);
}

export enum BijdrageSorteerveld {
  JAAR = 'JAAR',
  BEDRAG = 'BEDRAG',
  GEMEENTE = 'GEMEENTE',
  MODULE = 'MODULE',
  FASE = 'FASE',
  TAAKVELD = 'TAAKVELD',
}
registerEnumType(BijdrageSorteerveld, { name: 'BijdrageSorteerveld' });

@InputType()
export class BijdrageOrder {
  @Field(() => BijdrageSorteerveld)
  veld!: BijdrageSorteerveld;

  @Field(() => Richting, { defaultValue: Richting.ASC })
  richting!: Richting;
}

export function bijdrageOrder(order: BijdrageOrder[] | null | undefined): QueryOrderMap<Bijdrage>[] {
  const volgorde = (order ?? []).map(({ veld: v, richting }): QueryOrderMap<Bijdrage> => {
    const r = richting === Richting.DESC ? 'desc' : 'asc';
    switch (v) {
      case BijdrageSorteerveld.GEMEENTE:
        return { gemeente: { cbsCode: r } };
      case BijdrageSorteerveld.MODULE:
        return { module: { code: r } };
      case BijdrageSorteerveld.BEDRAG:
        return { bedrag: r };
      case BijdrageSorteerveld.FASE:
        return { fase: r };
      case BijdrageSorteerveld.TAAKVELD:
        return { taakveld: r };
      default:
        return { jaar: r };
    }
  });
  // Always end on the primary key so that pages are stable.
  return [...volgorde, { id: 'asc' }];
}
