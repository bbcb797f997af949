import { Check, Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';

@Entity({ tableName: 'programma' })
@Check({ name: 'programma_code_check', expression: "code ~ '^[A-Z][A-Z0-9-]{1,29}$'" })
export class Programma {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'string', length: 30 })
  @Unique({ name: 'programma_code_unique' })
  code!: string;

  @Property({ type: 'string', length: 100 })
  naam!: string;

  @Property({ type: 'date' })
  vanaf!: string;
}
