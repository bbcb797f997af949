import { Check, Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/** A participating gemeente (write model; the graph reads GemeenteType). */
@Entity({ tableName: 'gemeente' })
@Check({ name: 'gemeente_cbs_code_check', expression: "cbs_code ~ '^GM[0-9]{4}$'" })
export class Gemeente {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'string', length: 6 })
  @Unique({ name: 'gemeente_cbs_code_unique' })
  cbsCode!: string;

  @Property({ type: 'string', length: 100 })
  naam!: string;
}
