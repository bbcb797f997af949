import { Field, InputType, Int, ObjectType } from 'type-graphql';
import type { Decimal } from '../core/decimal.js';
import { JaarVeld } from '../core/jaar.js';
import { DecimaalScalar } from '../core/scalars.js';
import { RapportageStatus } from './kwartaalrapportage.entity.js';

@InputType({ description: 'Een kwartaal: jaar en kwartaalnummer (1–4).' })
export class KwartaalInvoer {
  @JaarVeld()
  jaar!: number;

  @Field(() => Int)
  kwartaal!: number;
}

@ObjectType({
  simpleResolvers: true,
  description: 'De waarde van een KPI in één kwartaal (een jaarcijfer: in het vierde kwartaal), met de DVO-norm voor die periode en of die is gehaald.',
})
export class KpiReeksPunt {
  @Field(() => Int)
  jaar!: number;

  @Field(() => Int)
  kwartaal!: number;

  @Field(() => DecimaalScalar, { nullable: true, description: 'Leeg als er (voor u) geen actuele waarde is.' })
  waarde!: Decimal | null;

  @Field(() => DecimaalScalar, { nullable: true, description: 'Norm uit de DVO voor dat jaar en de periode van de KPI, volgens de vaste keuzeregel.' })
  norm!: Decimal | null;

  @Field(() => Boolean, { nullable: true, description: 'Norm gehaald, gegeven de richting van de KPI; leeg zonder waarde of norm en bij een teruggestuurde rapportage.' })
  gehaald!: boolean | null;

  @Field(() => Int, { nullable: true, description: 'Versie van de rapportage waaruit de waarde komt.' })
  versie!: number | null;

  @Field(() => RapportageStatus, { nullable: true })
  status!: RapportageStatus | null;
}
