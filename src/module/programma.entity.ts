import { Check, Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { LocalDate } from '../core/graphql-types.js';

@ObjectType({ simpleResolvers: true, description: 'Programma: een groep modules (sinds 2024: Zorg, Onderwijs, Participatie).' })
@Entity({ tableName: 'programma' })
@Check({ name: 'programma_code_check', expression: "code ~ '^[A-Z][A-Z0-9-]{1,29}$'" })
export class Programma {
  @Field(() => ID)
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field(() => String)
  @Property({ type: 'string', length: 30 })
  @Unique({ name: 'programma_code_unique' })
  code!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  naam!: string;

  @Field(() => LocalDate)
  @Property({ type: 'date' })
  vanaf!: string;
}
