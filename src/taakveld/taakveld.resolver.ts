import { Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { vandaag, type Context } from '../context.js';
import { JaarArg } from '../core/jaar.js';
import { taakveldenIn } from './taakvelden.js';

@ObjectType({ simpleResolvers: true, description: 'Een taakveld uit de BBV-lijst (Iv3), waarop gemeenten lasten en baten boeken.' })
export class Taakveld {
  @Field(() => String, { description: 'Code, bijvoorbeeld 6.4 of (sinds 2023) 6.72d.' })
  code!: string;

  @Field(() => String)
  naam!: string;

  @Field(() => Int, { nullable: true, description: 'Eerste jaar van gebruik; leeg = sinds de invoering van de taakvelden (2017).' })
  vanaf!: number | null;

  @Field(() => Int, { nullable: true, description: 'Laatste jaar van gebruik; leeg = nog in gebruik.' })
  tot!: number | null;
}

@Resolver(() => Taakveld)
export class TaakveldResolver {
  @Query(() => [Taakveld], { description: 'De BBV-taakvelden die in een jaar in gebruik zijn (standaard dit jaar), met de subtaakvelden sinds 2023.' })
  taakvelden(@Ctx() ctx: Context, @JaarArg('jaar', { nullable: true }) jaar?: number): Taakveld[] {
    const peiljaar = jaar ?? Number(vandaag(ctx).slice(0, 4));
    return taakveldenIn(peiljaar).map((d) => ({ code: d.code, naam: d.naam, vanaf: d.vanaf ?? null, tot: d.tot ?? null }));
  }
}
