import { Field, ID, ObjectType } from 'type-graphql';
import { LocalDate } from '../core/graphql-types.js';
import { ReadModel } from '../core/read-model.js';
import { Betaalritme, Module } from './module.entity.js';
import { Programma } from './programma.entity.js';

@ObjectType('Module', { simpleResolvers: true, description: 'Module (of submodule) van de MGR, met eigen taak, begroting en bestuurscommissie.' })
export class ModuleType {
  @Field(() => ID)
  id!: number;

  @Field(() => String, { description: 'Korte code, bijvoorbeeld WGSW of INKOOP-JEUGD.' })
  code!: string;

  @Field(() => String)
  naam!: string;

  @Field(() => String)
  omschrijving!: string;

  programmaId!: number | null;

  /** Set for a submodule (e.g. Inkoop Jeugd under Inkoop Zorg). */
  hoofdmoduleId!: number | null;

  @Field(() => LocalDate)
  startdatum!: string;

  @Field(() => LocalDate, { nullable: true })
  einddatum!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'BBV-taakveld waarop de gemeenten hun bijdrage aan deze module boeken, uit de huidige lijst (sinds 2023 met subtaakvelden, ' +
      'bijvoorbeeld 6.72d); bijdragen over jaren vóór 2023 landen op het hoofdtaakveld (6.72).',
  })
  taakveld!: string | null;

  @Field(() => Betaalritme, { description: 'WgSW brengt loonkosten maandelijks in rekening; de meeste modules per kwartaal.' })
  betaalritme!: Betaalritme;
}

/** How the graph reads modules (see ReadModel). Dates as ISO text, as the LocalDate scalar gives them. */
export const moduleLezen = new ReadModel(Module, ModuleType, {
  id: 'e.id',
  code: 'e.code',
  naam: 'e.naam',
  omschrijving: 'e.omschrijving',
  programmaId: 'e.programma_id',
  hoofdmoduleId: 'e.hoofdmodule_id',
  startdatum: 'e.startdatum::text',
  einddatum: 'e.einddatum::text',
  taakveld: 'e.taakveld',
  betaalritme: 'e.betaalritme',
});

@ObjectType('Programma', { simpleResolvers: true, description: 'Programma: een groep modules (sinds 2024: Zorg, Onderwijs, Participatie).' })
export class ProgrammaType {
  @Field(() => ID)
  id!: number;

  @Field(() => String)
  code!: string;

  @Field(() => String)
  naam!: string;

  @Field(() => LocalDate)
  vanaf!: string;
}

export const programmaLezen = new ReadModel(Programma, ProgrammaType, { id: 'e.id', code: 'e.code', naam: 'e.naam', vanaf: 'e.vanaf::text' });
