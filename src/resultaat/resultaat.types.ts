import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '../core/graphql-types.js';
import { ReadModel } from '../core/read-model.js';
import { BedragScalar } from '../core/scalars.js';
import { Reserve, Reservemutatie, ReservemutatieSoort, ReserveSoort } from './reserve.entity.js';
import { BestemmingSoort, Resultaatbestemming, ResultaatbestemmingRegel } from './resultaatbestemming.entity.js';

// Amounts are text in their canonical two-decimal form, straight from PostgreSQL (see ReadModel).

@ObjectType('Reserve', { simpleResolvers: true, description: 'Een reserve of voorziening van een module of van de MGR als geheel.' })
export class ReserveType {
  @Field(() => ID)
  id!: number;

  moduleId!: number | null;

  @Field(() => ReserveSoort)
  soort!: ReserveSoort;

  @Field(() => String)
  naam!: string;

  @Field(() => String, { description: 'Waarvoor de reserve of voorziening dient.' })
  doel!: string;

  @Field(() => LocalDate)
  ingesteldOp!: string;
}

export const reserveLezen = new ReadModel(Reserve, ReserveType, {
  id: 'e.id',
  moduleId: 'e.module_id',
  soort: 'e.soort',
  naam: 'e.naam',
  doel: 'e.doel',
  ingesteldOp: 'e.ingesteld_op::text',
});

@ObjectType('Reservemutatie', { simpleResolvers: true, description: 'Een toevoeging, onttrekking of vrijval van een reserve of voorziening.' })
export class ReservemutatieType {
  @Field(() => ID)
  id!: number;

  reserveId!: number;

  @Field(() => ReservemutatieSoort)
  soort!: ReservemutatieSoort;

  @Field(() => LocalDate)
  datum!: string;

  @Field(() => Int, { description: 'Het boekjaar: het jaar van de datum.' })
  jaar!: number;

  @Field(() => BedragScalar, { description: 'Altijd positief; de soort zegt de richting.' })
  bedrag!: string;

  @Field(() => String)
  reden!: string;

  resultaatbestemmingId!: number | null;
}

export const reservemutatieLezen = new ReadModel(Reservemutatie, ReservemutatieType, {
  id: 'e.id',
  reserveId: 'e.reserve_id',
  soort: 'e.soort',
  datum: 'e.datum::text',
  jaar: 'extract(year from e.datum)::int',
  bedrag: 'e.bedrag::text',
  reden: 'e.reden',
  resultaatbestemmingId: 'e.resultaatbestemming_id',
});

@ObjectType('Reservestand', { simpleResolvers: true, description: 'Het verloop van een reserve of voorziening in een jaar (uit de mutaties berekend).' })
export class ReservestandType {
  reserveId!: number;

  @Field(() => Int)
  jaar!: number;

  @Field(() => BedragScalar, { description: 'Stand op 1 januari.' })
  beginstand!: string;

  @Field(() => BedragScalar)
  toevoegingen!: string;

  @Field(() => BedragScalar)
  onttrekkingen!: string;

  @Field(() => BedragScalar, { description: 'Vrijval (alleen bij een voorziening).' })
  vrijval!: string;

  @Field(() => BedragScalar, { description: 'Stand op 31 december: beginstand + toevoegingen − onttrekkingen − vrijval.' })
  eindstand!: string;
}

@ObjectType('Resultaatbestemming', { simpleResolvers: true, description: 'Het besluit van het algemeen bestuur over het resultaat van een module over een jaar.' })
export class ResultaatbestemmingType {
  @Field(() => ID)
  id!: number;

  moduleId!: number;

  @Field(() => Int)
  jaar!: number;

  @Field(() => LocalDate, { description: 'Datum van het AB-besluit.' })
  besluitOp!: string;

  @Field(() => BedragScalar, { description: 'Het resultaat waarover besloten is (positief = voordelig).' })
  resultaat!: string;

  @Field(() => String)
  omschrijving!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Leeg zolang het besluit geldt; anders de dag waarop het is ingetrokken (de reservemutaties zijn die dag teruggeboekt).' })
  ingetrokkenOp!: string | null;

  @Field(() => String, { nullable: true, description: 'Waarom het besluit is ingetrokken.' })
  redenIntrekking!: string | null;
}

export const resultaatbestemmingLezen = new ReadModel(Resultaatbestemming, ResultaatbestemmingType, {
  id: 'e.id',
  moduleId: 'e.module_id',
  jaar: 'e.jaar',
  besluitOp: 'e.besluit_op::text',
  resultaat: 'e.resultaat::text',
  omschrijving: 'e.omschrijving',
  ingetrokkenOp: 'e.ingetrokken_op::text',
  redenIntrekking: 'e.reden_intrekking',
});

@ObjectType('ResultaatbestemmingRegel', { simpleResolvers: true, description: 'Eén regel van een resultaatbestemming.' })
export class ResultaatbestemmingRegelType {
  @Field(() => ID)
  id!: number;

  resultaatbestemmingId!: number;

  @Field(() => BestemmingSoort)
  soort!: BestemmingSoort;

  @Field(() => BedragScalar, { description: 'Altijd positief; de soort zegt de richting.' })
  bedrag!: string;

  reserveId!: number | null;
}

export const resultaatbestemmingRegelLezen = new ReadModel(ResultaatbestemmingRegel, ResultaatbestemmingRegelType, {
  id: 'e.id',
  resultaatbestemmingId: 'e.resultaatbestemming_id',
  soort: 'e.soort',
  bedrag: 'e.bedrag::text',
  reserveId: 'e.reserve_id',
});

export enum Resultaatuitkomst {
  VOORDELIG = 'VOORDELIG',
  NADELIG = 'NADELIG',
  NIHIL = 'NIHIL',
}
registerEnumType(Resultaatuitkomst, { name: 'Resultaatuitkomst', description: 'Voordelig: een overschot; nadelig: een tekort.' });

@ObjectType('Jaarresultaat', {
  simpleResolvers: true,
  description:
    'Het gerealiseerde resultaat van een module over een jaar (BBV: saldo van baten en lasten): de begrote netto lasten na wijziging ' +
    '(wat de gemeenten als bijdrage in rekening is gebracht) min de gerealiseerde netto lasten volgens de jaarrekening.',
})
export class JaarresultaatType {
  moduleId!: number;

  @Field(() => Int)
  jaar!: number;

  @Field(() => BedragScalar, { description: 'Gerealiseerde lasten volgens de jaarrekening.' })
  lasten!: string;

  @Field(() => BedragScalar, { description: 'Gerealiseerde baten volgens de jaarrekening (zonder de bijdragen van de gemeenten).' })
  baten!: string;

  @Field(() => BedragScalar, { description: 'Begrote netto lasten na wijziging: de bijdragen die de gemeenten in rekening zijn gebracht.' })
  begrootNaWijziging!: string;

  @Field(() => BedragScalar, { description: 'Gerealiseerde netto lasten (lasten − baten): de gerealiseerde bijdragen.' })
  gerealiseerd!: string;

  @Field(() => BedragScalar, { description: 'Resultaat = begroot na wijziging − gerealiseerd; positief = voordelig (overschot), negatief = nadelig (tekort).' })
  resultaat!: string;

  @Field(() => Resultaatuitkomst)
  uitkomst!: Resultaatuitkomst;

  resultaatbestemmingId!: number | null;

  @Field(() => BedragScalar, {
    description: 'Het deel van het resultaat waarover het AB nog niet besloot (BBV-balans: saldo van rekening); nul na de resultaatbestemming.',
  })
  nogTeBestemmen!: string;
}
