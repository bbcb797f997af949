import { Check, Entity, Enum, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum OrganisatieSoort {
  BEDRIJF = 'BEDRIJF',
  OVERHEID = 'OVERHEID',
  STICHTING = 'STICHTING',
}
registerEnumType(OrganisatieSoort, { name: 'OrganisatieSoort', description: 'Soort externe partij.' });

@ObjectType({ simpleResolvers: true, description: 'Externe partij, bijvoorbeeld Scalabor B.V. (uitvoerder Wsw) of UWV.' })
@Entity({ tableName: 'organisatie' })
@Check({ name: 'organisatie_kvk_check', expression: "kvk_nummer is null or kvk_nummer ~ '^[0-9]{8}$'" })
export class Organisatie {
  @Field(() => ID)
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field(() => String)
  @Property({ type: 'string', length: 150 })
  @Unique({ name: 'organisatie_naam_unique' })
  naam!: string;

  @Field(() => OrganisatieSoort)
  @Enum({ items: () => OrganisatieSoort })
  soort!: OrganisatieSoort;

  @Field(() => String, { nullable: true, description: 'KvK-nummer (8 cijfers), indien bekend.' })
  @Property({ type: 'string', length: 8, nullable: true })
  kvkNummer?: string | null;
}
