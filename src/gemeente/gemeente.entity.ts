import { Check, Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ simpleResolvers: true, description: 'Deelnemende gemeente, landelijk geïdentificeerd met haar CBS-code.' })
@Entity({ tableName: 'gemeente' })
@Check({ name: 'gemeente_cbs_code_check', expression: "cbs_code ~ '^GM[0-9]{4}$'" })
export class Gemeente {
  @Field(() => ID)
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field(() => String, { description: 'CBS-gemeentecode: GM gevolgd door vier cijfers, bijvoorbeeld GM0202 (Arnhem).' })
  @Property({ type: 'string', length: 6 })
  @Unique({ name: 'gemeente_cbs_code_unique' })
  cbsCode!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  naam!: string;
}
