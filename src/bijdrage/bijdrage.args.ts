import { ArgsType, Field, Int } from 'type-graphql';
import { Fase } from './bijdrage.entity.js';

@ArgsType()
export class BijdrageFilterArgs {
  @Field(() => Int, { nullable: true })
  jaar?: number;

  @Field(() => Fase, { nullable: true })
  fase?: Fase;
}
