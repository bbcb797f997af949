import { Field, Int, ObjectType } from 'type-graphql';
import { LocalDate } from '../core/graphql-types.js';
import { RapportageStatus } from './kwartaalrapportage.entity.js';

@ObjectType({ simpleResolvers: true, description: 'Stand van de kwartaalrapportage van één module over één kwartaal.' })
export class RapportageStand {
  moduleId!: number;

  @Field(() => Int)
  kwartaal!: number;

  @Field(() => RapportageStatus, { nullable: true, description: 'Status van de actuele versie; leeg als er nog niets is.' })
  status!: RapportageStatus | null;

  @Field(() => Int, { nullable: true })
  versie!: number | null;

  @Field(() => LocalDate, { description: 'Uiterste datum van indienen: einde kwartaal plus de termijn.' })
  deadline!: string;

  @Field(() => Boolean)
  kwartaalAfgelopen!: boolean;

  @Field(() => Boolean, { description: 'Niet (op tijd) ingediend terwijl de deadline voorbij is.' })
  teLaat!: boolean;

  @Field(() => Int, { description: 'Dagen na de deadline (0 als op tijd of nog niet verlopen).' })
  dagenTeLaat!: number;
}
