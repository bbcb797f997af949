import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Decimal } from '../core/decimal.js';
import { LocalDate } from '../core/graphql-types.js';
import { BedragScalar } from '../core/scalars.js';
import { Betaalritme } from '../module/module.entity.js';

export enum Afrekenuitkomst {
  BIJBETALEN = 'BIJBETALEN',
  TERUGONTVANGEN = 'TERUGONTVANGEN',
  NIHIL = 'NIHIL',
}
registerEnumType(Afrekenuitkomst, { name: 'Afrekenuitkomst', description: 'Wat de gemeente bij de nacalculatie doet.' });

export enum Afrekengrondslag {
  RESULTAATBESTEMMING = 'RESULTAATBESTEMMING',
  VOLLEDIG_VERSCHIL = 'VOLLEDIG_VERSCHIL',
}
registerEnumType(Afrekengrondslag, {
  name: 'Afrekengrondslag',
  description: 'Waarop de afrekening rust: de resultaatbestemming van het algemeen bestuur, of (zonder resultaatbestemming) het volledige verschil tussen gerealiseerd en gefactureerd.',
  valuesConfig: {
    RESULTAATBESTEMMING: { description: 'De regels terugbetalen aan / bijbetalen door de gemeenten, verdeeld naar de verdeelsleutel van het jaar.' },
    VOLLEDIG_VERSCHIL: { description: 'Geen resultaatbestemming: per gemeente gerealiseerd − gefactureerd.' },
  },
});

@ObjectType({ simpleResolvers: true, description: 'Nacalculatie van één gemeente: wat in rekening is gebracht, wat het had moeten zijn, en het verschil.' })
export class AfrekeningRegel {
  gemeenteId!: number | null;

  @Field(() => BedragScalar, { description: 'In rekening gebracht: de bijdrage volgens de begroting na wijziging (de actuele wijziging, anders de primitieve begroting).' })
  gefactureerd!: Decimal;

  @Field(() => BedragScalar, { description: 'Volgens de jaarrekening (actuele realisatie).' })
  gerealiseerd!: Decimal;

  @Field(() => BedragScalar, {
    description:
      'Te verrekenen; positief = de gemeente betaalt bij, negatief = zij ontvangt terug. Zonder resultaatbestemming gerealiseerd − gefactureerd; ' +
      'met resultaatbestemming haar deel (verdeelsleutel) van wat het algemeen bestuur terugbetaalt of laat bijbetalen.',
  })
  teVerrekenen!: Decimal;

  @Field(() => Afrekenuitkomst)
  uitkomst!: Afrekenuitkomst;
}

@ObjectType({ simpleResolvers: true, description: 'De afrekening (nacalculatie) van een module over een jaar.' })
export class Afrekening {
  @Field(() => Int)
  jaar!: number;

  @Field(() => Afrekengrondslag, { description: 'Of de afrekening de resultaatbestemming volgt of het volledige verschil.' })
  grondslag!: Afrekengrondslag;

  @Field(() => [AfrekeningRegel])
  regels!: AfrekeningRegel[];

  @Field(() => AfrekeningRegel, { description: 'Totaal over de gemeenten.' })
  totaal!: AfrekeningRegel;
}

@ObjectType({ simpleResolvers: true, description: 'Eén voorschottermijn.' })
export class Voorschot {
  @Field(() => Int, { description: 'Maand (1–12) of kwartaal (1–4).' })
  termijn!: number;

  @Field(() => LocalDate, { description: 'Eerste dag van de termijn.' })
  vanaf!: string;

  @Field(() => BedragScalar)
  bedrag!: Decimal;
}

@ObjectType({ simpleResolvers: true, description: 'De voorschotten van één gemeente in een jaar; samen exact de jaarbijdrage.' })
export class VoorschotGemeente {
  gemeenteId!: number;

  @Field(() => BedragScalar, { description: 'De bijdrage volgens de begroting na wijziging (de actuele wijziging, anders de primitieve begroting).' })
  jaarbedrag!: Decimal;

  @Field(() => [Voorschot])
  termijnen!: Voorschot[];
}

@ObjectType({ simpleResolvers: true, description: 'Het voorschotschema van een module: per gemeente per maand of kwartaal.' })
export class Voorschottenschema {
  @Field(() => Int)
  jaar!: number;

  @Field(() => Betaalritme)
  betaalritme!: Betaalritme;

  @Field(() => [VoorschotGemeente])
  perGemeente!: VoorschotGemeente[];
}
