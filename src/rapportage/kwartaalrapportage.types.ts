import type { Platform } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTime } from '../core/graphql-types.js';
import { isoTimestamp, ReadModel } from '../core/read-model.js';
import { Kwartaalrapportage, RapportageStatus } from './kwartaalrapportage.entity.js';

/** One version of a module's quarterly report as the graph reads it; timestamps as ISO text (see ReadModel). */
@ObjectType('Kwartaalrapportage', { simpleResolvers: true, description: 'Kwartaalrapportage van een module: KPI-waarden over één kwartaal, in versies.' })
export class KwartaalrapportageType {
  @Field(() => ID)
  id!: number;

  moduleId!: number;

  @Field(() => Int)
  jaar!: number;

  @Field(() => Int)
  kwartaal!: number;

  @Field(() => Int, { description: '1 voor de eerste versie; elke correctie na goedkeuring is een nieuwe versie.' })
  versie!: number;

  @Field(() => RapportageStatus)
  status!: RapportageStatus;

  @Field(() => String, { nullable: true, description: 'Reden van terugsturen of van correctie.' })
  reden!: string | null;

  @Field(() => DateTime, { nullable: true })
  ingediendOp!: string | null;

  @Field(() => DateTime, { nullable: true, description: 'Wanneer de controller de rapportage goedkeurde.' })
  goedgekeurdOp!: string | null;

  @Field(() => DateTime)
  gewijzigdOp!: string;

  @Field(() => Int, { description: 'Wijzigingsnummer: geef het mee bij elke wijziging; is het intussen veranderd, dan volgt CONFLICT.' })
  revisie!: number;
}

/** How the graph reads report versions (see ReadModel). */
export const kwartaalrapportageLezen = new ReadModel(Kwartaalrapportage, KwartaalrapportageType, {
  id: 'e.id',
  moduleId: 'e.module_id',
  jaar: 'e.jaar',
  kwartaal: 'e.kwartaal',
  versie: 'e.versie',
  status: 'e.status',
  reden: 'e.reden',
  ingediendOp: isoTimestamp('e.ingediend_op'),
  goedgekeurdOp: isoTimestamp('e.goedgekeurd_op'),
  gewijzigdOp: isoTimestamp('e.gewijzigd_op'),
  revisie: 'e.revisie',
});

/** A kwartaalrapportage row as the driver returns it (`returning *`): column names, timestamps as PostgreSQL text. */
export interface KwartaalrapportageRij {
  id: number;
  module_id: number;
  jaar: number;
  kwartaal: number;
  versie: number;
  status: RapportageStatus;
  reden: string | null;
  ingediend_op: string | null;
  goedgekeurd_op: string | null;
  gewijzigd_op: string;
  revisie: number;
}

/**
 * The read type of a row a write already has (its `returning *`), so a mutation answers without
 * reading the row again. Timestamps are parsed as MikroORM parses them for an entity, then written
 * as the ISO text the read path gives.
 */
export function kwartaalrapportageUitRij(platform: Platform, rij: KwartaalrapportageRij): KwartaalrapportageType {
  const iso = (tekst: string | null) => (tekst === null ? null : (platform.parseDate(tekst) as Date).toISOString());
  return Object.assign(new KwartaalrapportageType(), {
    id: rij.id,
    moduleId: rij.module_id,
    jaar: rij.jaar,
    kwartaal: rij.kwartaal,
    versie: rij.versie,
    status: rij.status,
    reden: rij.reden,
    ingediendOp: iso(rij.ingediend_op),
    goedgekeurdOp: iso(rij.goedgekeurd_op),
    gewijzigdOp: iso(rij.gewijzigd_op)!,
    revisie: rij.revisie,
  });
}
