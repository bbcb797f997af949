import type { FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import { Field, InputType, registerEnumType } from 'type-graphql';
import { CbsCodeFilter, CodeFilter, DecimaalFilter, filterFrom, IntFilter, Richting, field } from '../core/filters.js';
import { gehaaldFilter } from '../kpi/kpi-beoordeling.service.js';
import type { KpiWaarde } from './kpi-waarde.entity.js';
import { RapportageStatus, type Kwartaalrapportage } from './kwartaalrapportage.entity.js';

@InputType({ description: 'Filter op rapportagestatus.' })
export class RapportageStatusFilter {
  @Field(() => RapportageStatus, { nullable: true })
  eq?: RapportageStatus;

  @Field(() => [RapportageStatus], { nullable: true })
  in?: RapportageStatus[];
}

@InputType({ description: 'Filter op kwartaalrapportages; velden op één niveau gelden samen, met and/or/not te nesten.' })
export class RapportageWhere {
  @Field(() => [RapportageWhere], { nullable: true })
  and?: RapportageWhere[];

  @Field(() => [RapportageWhere], { nullable: true })
  or?: RapportageWhere[];

  @Field(() => RapportageWhere, { nullable: true })
  not?: RapportageWhere;

  @Field(() => CodeFilter, { nullable: true })
  module?: CodeFilter;

  @Field(() => IntFilter, { nullable: true })
  jaar?: IntFilter;

  @Field(() => IntFilter, { nullable: true })
  kwartaal?: IntFilter;

  @Field(() => IntFilter, { nullable: true })
  versie?: IntFilter;

  @Field(() => RapportageStatusFilter, { nullable: true })
  status?: RapportageStatusFilter;
}

export function rapportageWhere(where: RapportageWhere | null | undefined): FilterQuery<Kwartaalrapportage> {
  return filterFrom<RapportageWhere, Kwartaalrapportage>(where, (w) => [
    field((ops) => ({ module: { code: ops } }), w.module),
    field((ops) => ({ jaar: ops }), w.jaar),
    field((ops) => ({ kwartaal: ops }), w.kwartaal),
    field((ops) => ({ versie: ops }), w.versie),
    field((ops) => ({ status: ops }), w.status),
  ]);
}

@InputType({ description: 'Filter op KPI-waarden; velden op één niveau gelden samen, met and/or/not te nesten.' })
export class KpiWaardeWhere {
  @Field(() => [KpiWaardeWhere], { nullable: true })
  and?: KpiWaardeWhere[];

  @Field(() => [KpiWaardeWhere], { nullable: true })
  or?: KpiWaardeWhere[];

  @Field(() => KpiWaardeWhere, { nullable: true })
  not?: KpiWaardeWhere;

  @Field(() => CodeFilter, { nullable: true, description: 'KPI-code.' })
  kpi?: CodeFilter;

  @Field(() => CodeFilter, { nullable: true })
  module?: CodeFilter;

  @Field(() => CbsCodeFilter, { nullable: true, description: 'CBS-code; regionale waarden hebben geen gemeente.' })
  gemeente?: CbsCodeFilter;

  @Field(() => IntFilter, { nullable: true })
  jaar?: IntFilter;

  @Field(() => IntFilter, { nullable: true })
  kwartaal?: IntFilter;

  @Field(() => RapportageStatusFilter, { nullable: true })
  status?: RapportageStatusFilter;

  @Field(() => DecimaalFilter, { nullable: true })
  waarde?: DecimaalFilter;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Norm gehaald (true) of niet (false); waarden zonder norm of uit teruggestuurde rapportages vallen buiten beide.',
  })
  gehaald?: boolean;
}

export function kpiWaardeWhere(where: KpiWaardeWhere | null | undefined): FilterQuery<KpiWaarde> {
  return filterFrom<KpiWaardeWhere, KpiWaarde>(where, (w) => [
    field((ops) => ({ kpi: { code: ops } }), w.kpi),
    field((ops) => ({ rapportage: { module: { code: ops } } }), w.module),
    field((ops) => ({ gemeente: { cbsCode: ops } }), w.gemeente),
    field((ops) => ({ rapportage: { jaar: ops } }), w.jaar),
    field((ops) => ({ rapportage: { kwartaal: ops } }), w.kwartaal),
    field((ops) => ({ rapportage: { status: ops } }), w.status),
    field((ops) => ({ waarde: ops }), w.waarde),
    w.gehaald === undefined || w.gehaald === null ? undefined : (gehaaldFilter(w.gehaald) as object),
  ]);
}

export enum KpiWaardeSorteerveld {
  PERIODE = 'PERIODE',
  WAARDE = 'WAARDE',
  KPI = 'KPI',
  GEMEENTE = 'GEMEENTE',
}
registerEnumType(KpiWaardeSorteerveld, { name: 'KpiWaardeSorteerveld', description: 'PERIODE = jaar, kwartaal en versie.' });

@InputType()
export class KpiWaardeOrder {
  @Field(() => KpiWaardeSorteerveld)
  veld!: KpiWaardeSorteerveld;

  @Field(() => Richting, { defaultValue: Richting.ASC })
  richting!: Richting;
}

export function kpiWaardeOrder(order: KpiWaardeOrder[] | null | undefined): QueryOrderMap<KpiWaarde>[] {
  const volgorde = (order ?? [{ veld: KpiWaardeSorteerveld.PERIODE, richting: Richting.ASC }]).map(
    ({ veld: v, richting }): QueryOrderMap<KpiWaarde> => {
      const r = richting === Richting.DESC ? 'desc' : 'asc';
      if (v === KpiWaardeSorteerveld.WAARDE) return { waarde: r };
      if (v === KpiWaardeSorteerveld.KPI) return { kpi: { code: r } };
      if (v === KpiWaardeSorteerveld.GEMEENTE) return { gemeente: { cbsCode: r } };
      return { rapportage: { jaar: r, kwartaal: r, versie: r } };
    },
  );
  return [...volgorde, { id: 'asc' }];
}
