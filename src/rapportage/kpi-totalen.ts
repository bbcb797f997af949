import type { QBFilterQuery } from '@mikro-orm/postgresql';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { Context } from '../context.js';
import type { Decimal } from '../core/decimal.js';
import { DecimaalScalar } from '../core/scalars.js';
import { groepKolommen, totalenPerGroep } from '../core/totalen.js';
import { KpiWaarde } from './kpi-waarde.entity.js';
import { zichtbareKpiWaarden } from './rapportage.access.js';
import { actueleVersies } from './rapportage.service.js';
import { kpiWaardeWhere, type KpiWaardeWhere } from './rapportage.where.js';

export enum KpiGroepering {
  KPI = 'KPI',
  GEMEENTE = 'GEMEENTE',
  MODULE = 'MODULE',
  JAAR = 'JAAR',
  KWARTAAL = 'KWARTAAL',
}
registerEnumType(KpiGroepering, { name: 'KpiGroepering', description: 'Waarop KPI-waarden worden gegroepeerd.' });

const KOLOM: Record<KpiGroepering, string> = {
  KPI: 'w.kpi_id',
  GEMEENTE: 'w.gemeente_id',
  MODULE: 'r.module_id',
  JAAR: 'r.jaar',
  KWARTAAL: 'r.kwartaal',
};

@ObjectType({ simpleResolvers: true, description: 'Statistiek van een groep KPI-waarden, altijd binnen één KPI (eenheden verschillen); niet-gegroepeerde velden zijn leeg.' })
export class KpiTotaal {
  kpiId!: number | null;
  gemeenteId!: number | null;
  moduleId!: number | null;

  @Field(() => Int, { nullable: true })
  jaar!: number | null;

  @Field(() => Int, { nullable: true })
  kwartaal!: number | null;

  @Field(() => DecimaalScalar)
  som!: Decimal;

  @Field(() => DecimaalScalar, { description: 'Gemiddelde, afgerond op vier decimalen.' })
  gemiddelde!: Decimal;

  @Field(() => DecimaalScalar)
  minimum!: Decimal;

  @Field(() => DecimaalScalar)
  maximum!: Decimal;

  @Field(() => Int)
  aantal!: number;
}

interface Groep {
  kpi_id?: number;
  gemeente_id?: number | null;
  module_id?: number;
  jaar?: number;
  kwartaal?: number;
}

/**
 * Aggregates of the KPI values the caller may see (current versions), by PostgreSQL GROUP BY.
 * Always per KPI: values of different KPIs have different units and never add up.
 */
export async function kpiTotalen(ctx: Context, groepen: KpiGroepering[], where?: KpiWaardeWhere): Promise<KpiTotaal[]> {
  const kolommen = groepKolommen(KOLOM, [KpiGroepering.KPI, ...groepen]);
  const filter = { $and: [zichtbareKpiWaarden(ctx.identity), kpiWaardeWhere(where), { rapportage: { $in: await actueleVersies(ctx) } }] };
  const qb = ctx.em
    .createQueryBuilder(KpiWaarde, 'w')
    .join('w.rapportage', 'r')
    .where(filter as QBFilterQuery<KpiWaarde>);
  const rijen = await totalenPerGroep<Groep, KpiWaarde>(qb, kolommen, 'w.waarde', 4);
  return rijen.map(({ groep: r, ...totalen }) => ({
    kpiId: r.kpi_id ?? null,
    gemeenteId: r.gemeente_id ?? null,
    moduleId: r.module_id ?? null,
    jaar: r.jaar ?? null,
    kwartaal: r.kwartaal ?? null,
    ...totalen,
  }));
}
