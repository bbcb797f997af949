import { Field, ID, ObjectType } from 'type-graphql';
import { ReadModel } from '../core/read-model.js';
import { Organisatie, OrganisatieSoort } from './organisatie.entity.js';

@ObjectType('Organisatie', { simpleResolvers: true, description: 'Externe partij, bijvoorbeeld Scalabor B.V. (uitvoerder Wsw) of UWV.' })
export class OrganisatieType {
  @Field(() => ID)
  id!: number;

  @Field(() => String)
  naam!: string;

  @Field(() => OrganisatieSoort)
  soort!: OrganisatieSoort;

  @Field(() => String, { nullable: true, description: 'KvK-nummer (8 cijfers), indien bekend.' })
  kvkNummer!: string | null;
}

/** How the graph reads external parties (see ReadModel). */
export const organisatieLezen = new ReadModel(Organisatie, OrganisatieType, { id: 'e.id', naam: 'e.naam', soort: 'e.soort', kvkNummer: 'e.kvk_nummer' });
