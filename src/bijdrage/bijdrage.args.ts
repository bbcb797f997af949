import { ArgsType, Field, Int } from 'type-graphql';
import { Fase } from './bijdrage.entity.js';

@ArgsType()
export class BijdrageFilterArgs {
  @Field(() => Int, { nullable: true })
  jaar?: number;

  @Field(() => Fase, { nullable: true })
  fase?: Fase;
}

@ArgsType()
export class BijdragenArgs extends BijdrageFilterArgs {
  @Field(() => String, { nullable: true, description: 'CBS-code van de gemeente.' })
  gemeente?: string;

  @Field(() => String, { nullable: true, description: 'Code van de (sub)module.' })
  module?: string;
}
