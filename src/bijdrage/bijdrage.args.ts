import { ArgsType, Field } from 'type-graphql';
import { Fase } from './bijdrage.entity.js';
import { JaarVeld } from '../core/jaar.js';

export const ALLEEN_ACTUEEL_BESCHRIJVING =
  'Alleen bijdragen uit de actuele bron per module, jaar en fase (de primitieve begroting, de laatste begrotingswijziging, de jaarrekening); false voor alle versies.';

@ArgsType()
export class BijdrageFilterArgs {
  @JaarVeld({ nullable: true })
  jaar?: number;

  @Field(() => Fase, { nullable: true })
  fase?: Fase;

  @Field(() => Boolean, { defaultValue: true, description: ALLEEN_ACTUEEL_BESCHRIJVING })
  alleenActueel!: boolean;
}
