import { Field, Int, ObjectType } from 'type-graphql';
import { BedragScalar } from '../core/scalars.js';
import { Fase } from './bijdrage.entity.js';
import { GemeenteType } from '../gemeente/gemeente.types.js';
import { ModuleType } from '../module/module.types.js';

@ObjectType({
  simpleResolvers: true,
  description:
    'Kosten van een gemeente in een module in een jaar (of een totaal daarvan): begroot, gewijzigd, gerealiseerd, ' +
    'de begroting na wijziging, het verschil en het bedrag per inwoner. Alleen actuele versies: bij meerdere ' +
    'begrotingswijzigingen telt de laatste.',
})
export class KostenRegel {
  gemeenteId!: number | null;
  moduleId!: number | null;

  // Amounts are text with two decimals, as the Bedrag scalar sends them: computed once when the matrix
  // is built (and cached), not per request and field.
  // Set for the whole matrix at once (metGemeentenEnModules), so a row needs no resolver of its own.
  // Null in overviews computed for other services (afrekening), which work with the ids.
  @Field(() => GemeenteType, { nullable: true, description: 'Leeg bij een totaal over gemeenten.' })
  gemeente!: GemeenteType | null;

  @Field(() => ModuleType, { nullable: true, description: 'Leeg bij een totaal over modules.' })
  module!: ModuleType | null;

  @Field(() => Int)
  jaar!: number;

  @Field(() => BedragScalar, { nullable: true })
  begroot!: string | null;

  @Field(() => BedragScalar, { nullable: true })
  gewijzigd!: string | null;

  @Field(() => BedragScalar, { nullable: true })
  gerealiseerd!: string | null;

  @Field(() => BedragScalar, {
    nullable: true,
    description:
      'Geraamd volgens de meerjarenraming (t+1 … t+3) van de meest recente eerdere begroting die dit jaar raamt, verdeeld zoals ' +
      'bijdragenBerekenen verdeelt (zie meerjarenraming). Een raming, geen vastgestelde bijdrage: het staat naast begroot, nooit erin.',
  })
  geraamd!: string | null;

  @Field(() => Int, { nullable: true, description: 'Het begrotingsjaar waarvan de meerjarenraming `geraamd` levert (bij totalen over modules: het meest recente).' })
  ramingUit!: number | null;

  @Field(() => BedragScalar, { nullable: true, description: 'Geraamd per inwoner, afgerond op centen; leeg zolang het inwonertal van het jaar er niet is.' })
  geraamdPerInwoner!: string | null;

  @Field(() => BedragScalar, {
    nullable: true,
    description:
      'Begroting na wijziging (BBV): de actuele begrotingswijziging als de module dat jaar een gewijzigde begroting heeft, ' +
      'anders de primitieve begroting. Dit bedrag is in rekening gebracht en is de basis van de afrekening.',
  })
  naWijziging!: string | null;

  @Field(() => BedragScalar, { nullable: true, description: 'Gerealiseerd min begroting na wijziging.' })
  verschil!: string | null;

  @Field(() => BedragScalar, { nullable: true, description: 'Het bedrag in de gevraagde fase.' })
  bedrag!: string | null;

  @Field(() => Int, { nullable: true, description: 'Inwoners op 1 januari van het jaar (bij totalen: van de gemeenten erin).' })
  inwoners!: number | null;

  @Field(() => BedragScalar, { nullable: true, description: 'Bedrag in de gevraagde fase per inwoner, afgerond op centen.' })
  perInwoner!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'De kostenmatrix van de regio voor één jaar: gemeente × module, met totalen.' })
export class Kostenoverzicht {
  @Field(() => Int)
  jaar!: number;

  @Field(() => Fase, { description: 'De fase van `bedrag` en `perInwoner`.' })
  fase!: Fase;

  @Field(() => Boolean, {
    description:
      'Waar als dit jaar (binnen het filter) alleen geraamde bedragen heeft: nog geen begroting, wijziging of jaarrekening, wel een meerjarenraming. ' +
      'Dan zijn begroot, naWijziging en bedrag leeg en staat het cijfer in geraamd.',
  })
  alleenRaming!: boolean;

  @Field(() => [KostenRegel], { description: 'Eén regel per gemeente × module.' })
  regels!: KostenRegel[];

  @Field(() => [KostenRegel], { description: 'Totaal per gemeente over de modules.' })
  perGemeente!: KostenRegel[];

  @Field(() => [KostenRegel], { description: 'Totaal per module over de gemeenten.' })
  perModule!: KostenRegel[];

  @Field(() => KostenRegel, { nullable: true, description: 'Totaal van de regio.' })
  regio!: KostenRegel | null;
}
