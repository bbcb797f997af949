import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Decimal } from '../core/decimal.js';
import { BedragScalar } from '../core/scalars.js';
import { Fase } from './bijdrage.entity.js';

export enum BijdrageGroepering {
  GEMEENTE = 'GEMEENTE',
  MODULE = 'MODULE',
  JAAR = 'JAAR',
  FASE = 'FASE',
  TAAKVELD = 'TAAKVELD',
}
registerEnumType(BijdrageGroepering, { name: 'BijdrageGroepering', description: 'Waarop bijdragen worden gegroepeerd.' });

@ObjectType({
  simpleResolvers: true,
  description:
    'Som, gemiddelde, minimum, maximum en aantal van een groep bijdragen, altijd binnen één fase (begroot, gewijzigd en ' +
    'gerealiseerd tellen nooit bij elkaar op); niet-gegroepeerde velden zijn leeg.',
})
export class BijdrageTotaal {
  gemeenteId!: number | null;
  moduleId!: number | null;

  @Field(() => Int, { nullable: true })
  jaar!: number | null;

  @Field(() => Fase, { description: 'De fase van deze groep; elk totaal blijft binnen één fase.' })
  fase!: Fase;

  @Field(() => Int, {
    nullable: true,
    description: 'Alleen met alleenActueel: false: de begrotingsversie (volgnummer) van deze groep; versies tellen nooit bij elkaar op.',
  })
  versie!: number | null;

  @Field(() => String, { nullable: true })
  taakveld!: string | null;

  @Field(() => BedragScalar)
  som!: Decimal;

  @Field(() => BedragScalar, { description: 'Gemiddelde, afgerond op centen.' })
  gemiddelde!: Decimal;

  @Field(() => BedragScalar)
  minimum!: Decimal;

  @Field(() => BedragScalar)
  maximum!: Decimal;

  @Field(() => Int)
  aantal!: number;
}
