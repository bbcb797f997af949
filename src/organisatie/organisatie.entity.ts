import { Check, Entity, Enum, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { registerEnumType } from 'type-graphql';

export enum OrganisatieSoort {
  BEDRIJF = 'BEDRIJF',
  OVERHEID = 'OVERHEID',
  STICHTING = 'STICHTING',
}
registerEnumType(OrganisatieSoort, { name: 'OrganisatieSoort', description: 'Soort externe partij.' });

/** An external party (write model; the graph reads OrganisatieType). */
@Entity({ tableName: 'organisatie' })
@Check({ name: 'organisatie_kvk_check', expression: "kvk_nummer is null or kvk_nummer ~ '^[0-9]{8}$'" })
export class Organisatie {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'string', length: 150 })
  @Unique({ name: 'organisatie_naam_unique' })
  naam!: string;

  @Enum({ items: () => OrganisatieSoort })
  soort!: OrganisatieSoort;

  @Property({ type: 'string', length: 8, nullable: true })
  kvkNummer?: string | null;
}
