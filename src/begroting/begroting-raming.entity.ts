import { Check, Entity, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { NumericType, type Decimal } from '../core/decimal.js';
import { Begroting } from './begroting.entity.js';

/**
 * One year of the meerjarenraming a budget version carries: the lasten and baten the algemeen bestuur
 * expects for a year after the begrotingsjaar (t+1 … t+3). Write model; the graph reads BegrotingRamingType.
 */
@Entity({ tableName: 'begroting_raming' })
@Unique({ name: 'begroting_raming_unique', properties: ['begroting', 'jaar'] })
@Check({ name: 'begroting_raming_bedragen_check', expression: 'lasten >= 0 and baten >= 0' })
export class BegrotingRaming {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne({ entity: () => Begroting, deleteRule: 'cascade' })
  begroting!: Begroting;

  @Property({ type: 'smallint' })
  jaar!: number;

  @Property({ type: NumericType, precision: 15, scale: 2 })
  lasten!: Decimal;

  @Property({ type: NumericType, precision: 15, scale: 2 })
  baten!: Decimal;
}
