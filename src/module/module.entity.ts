import { Check, Entity, Enum, ManyToOne, PrimaryKey, Property, Unique, type Opt } from '@mikro-orm/core';
import { registerEnumType } from 'type-graphql';
import { Programma } from './programma.entity.js';

export enum Betaalritme {
  MAANDELIJKS = 'MAANDELIJKS',
  PER_KWARTAAL = 'PER_KWARTAAL',
}
registerEnumType(Betaalritme, { name: 'Betaalritme', description: 'Hoe vaak gemeenten voorschotten op hun bijdrage betalen.' });

@Entity({ tableName: 'module' })
@Check({ name: 'module_code_check', expression: "code ~ '^[A-Z][A-Z0-9-]{1,29}$'" })
@Check({ name: 'module_periode_check', expression: 'einddatum is null or einddatum > startdatum' })
@Check({ name: 'module_taakveld_check', expression: "taakveld is null or taakveld ~ '^[0-8]\\.[0-9]{1,2}[a-z]?$'" })
@Check({ name: 'module_niet_eigen_hoofdmodule_check', expression: 'hoofdmodule_id is null or hoofdmodule_id <> id' })
export class Module {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'string', length: 30 })
  @Unique({ name: 'module_code_unique' })
  code!: string;

  @Property({ type: 'string', length: 100 })
  naam!: string;

  @Property({ type: 'text' })
  omschrijving!: string;

  @ManyToOne({ entity: () => Programma, nullable: true, deleteRule: 'restrict' })
  programma?: Programma | null;

  /** Set for a submodule (e.g. Inkoop Jeugd under Inkoop Zorg). */
  @ManyToOne({ entity: () => Module, nullable: true, deleteRule: 'restrict' })
  hoofdmodule?: Module | null;

  @Property({ type: 'date' })
  startdatum!: string;

  @Property({ type: 'date', nullable: true })
  einddatum?: string | null;

  @Property({ type: 'string', length: 5, nullable: true })
  taakveld?: string | null;

  @Enum({ items: () => Betaalritme, default: Betaalritme.PER_KWARTAAL })
  betaalritme: Opt<Betaalritme> = Betaalritme.PER_KWARTAAL;
}
