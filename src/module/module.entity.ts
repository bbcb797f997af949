import { Check, Entity, Enum, ManyToOne, PrimaryKey, Property, Unique, type Opt } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '../core/graphql-types.js';
import { Programma } from './programma.entity.js';

export enum Betaalritme {
  MAANDELIJKS = 'MAANDELIJKS',
  PER_KWARTAAL = 'PER_KWARTAAL',
}
registerEnumType(Betaalritme, { name: 'Betaalritme', description: 'Hoe vaak gemeenten voorschotten op hun bijdrage betalen.' });

@ObjectType({ simpleResolvers: true, description: 'Module (of submodule) van de MGR, met eigen taak, begroting en bestuurscommissie.' })
@Entity({ tableName: 'module' })
@Check({ name: 'module_code_check', expression: "code ~ '^[A-Z][A-Z0-9-]{1,29}$'" })
@Check({ name: 'module_periode_check', expression: 'einddatum is null or einddatum > startdatum' })
@Check({ name: 'module_taakveld_check', expression: "taakveld is null or taakveld ~ '^[0-8]\\.[0-9]{1,2}[a-z]?$'" })
@Check({ name: 'module_niet_eigen_hoofdmodule_check', expression: 'hoofdmodule_id is null or hoofdmodule_id <> id' })
export class Module {
  @Field(() => ID)
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field(() => String, { description: 'Korte code, bijvoorbeeld WGSW of INKOOP-JEUGD.' })
  @Property({ type: 'string', length: 30 })
  @Unique({ name: 'module_code_unique' })
  code!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  naam!: string;

  @Field(() => String)
  @Property({ type: 'text' })
  omschrijving!: string;

  @ManyToOne({ entity: () => Programma, nullable: true, deleteRule: 'restrict' })
  programma?: Programma | null;

  /** Set for a submodule (e.g. Inkoop Jeugd under Inkoop Zorg). */
  @ManyToOne({ entity: () => Module, nullable: true, deleteRule: 'restrict' })
  hoofdmodule?: Module | null;

  @Field(() => LocalDate)
  @Property({ type: 'date' })
  startdatum!: string;

  @Field(() => LocalDate, { nullable: true })
  @Property({ type: 'date', nullable: true })
  einddatum?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'BBV-taakveld waarop de gemeenten hun bijdrage aan deze module boeken, uit de huidige lijst (sinds 2023 met subtaakvelden, ' +
      'bijvoorbeeld 6.72d); bijdragen over jaren vóór 2023 landen op het hoofdtaakveld (6.72).',
  })
  @Property({ type: 'string', length: 5, nullable: true })
  taakveld?: string | null;

  @Field(() => Betaalritme, { description: 'WgSW brengt loonkosten maandelijks in rekening; de meeste modules per kwartaal.' })
  @Enum({ items: () => Betaalritme, default: Betaalritme.PER_KWARTAAL })
  betaalritme: Opt<Betaalritme> = Betaalritme.PER_KWARTAAL;
}
