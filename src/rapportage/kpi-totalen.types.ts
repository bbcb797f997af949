import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Decimal } from '../core/decimal.js';
import { DecimaalScalar } from '../core/scalars.js';

export enum KpiGroepering {
  KPI = 'KPI',
  GEMEENTE = 'GEMEENTE',
  MODULE = 'MODULE',
  JAAR = 'JAAR',
  KWARTAAL = 'KWARTAAL',
}
registerEnumType(KpiGroepering, { name: 'KpiGroepering', description: 'Waarop KPI-waarden worden gegroepeerd.' });

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
