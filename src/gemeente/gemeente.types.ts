import { Field, ID, ObjectType } from 'type-graphql';
import { ReadModel } from '../core/read-model.js';
import { Gemeente } from './gemeente.entity.js';

@ObjectType('Gemeente', { simpleResolvers: true, description: 'Deelnemende gemeente, landelijk geïdentificeerd met haar CBS-code.' })
export class GemeenteType {
  @Field(() => ID)
  id!: number;

  @Field(() => String, { description: 'CBS-gemeentecode: GM gevolgd door vier cijfers, bijvoorbeeld GM0202 (Arnhem).' })
  cbsCode!: string;

  @Field(() => String)
  naam!: string;
}

/** How the graph reads gemeenten (see ReadModel). */
export const gemeenteLezen = new ReadModel(Gemeente, GemeenteType, { id: 'e.id', cbsCode: 'e.cbs_code', naam: 'e.naam' });
