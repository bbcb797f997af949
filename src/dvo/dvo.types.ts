import { Field, ID, ObjectType } from 'type-graphql';
import { LocalDate } from '../core/graphql-types.js';
import { ReadModel } from '../core/read-model.js';
import { Dvo, DvoStatus } from './dvo.entity.js';

/** A service agreement of a module with a gemeente or an external organisation, as the graph reads it. */
@ObjectType('Dvo', { simpleResolvers: true, description: 'Dienstverleningsovereenkomst (DVO) waaronder een module werkt.' })
export class DvoType {
  @Field(() => ID)
  id!: number;

  @Field(() => String, { description: 'Kenmerk van de overeenkomst, bijvoorbeeld DVO-WGSW-SCALABOR-2023.' })
  kenmerk!: string;

  @Field(() => String)
  omschrijving!: string;

  moduleId!: number;

  /** Exactly one of gemeenteId and organisatieId is set (dvo_partij_check). */
  gemeenteId!: number | null;

  organisatieId!: number | null;

  @Field(() => LocalDate)
  ingangsdatum!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Laatste dag van de looptijd; leeg = onbepaalde tijd.' })
  einddatum!: string | null;

  @Field(() => DvoStatus)
  status!: DvoStatus;
}

/** How the graph reads DVO's (see ReadModel). */
export const dvoLezen = new ReadModel(Dvo, DvoType, {
  id: 'e.id',
  kenmerk: 'e.kenmerk',
  omschrijving: 'e.omschrijving',
  moduleId: 'e.module_id',
  gemeenteId: 'e.gemeente_id',
  organisatieId: 'e.organisatie_id',
  ingangsdatum: 'e.ingangsdatum::text',
  einddatum: 'e.einddatum::text',
  status: 'e.status',
});
