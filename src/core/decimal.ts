import { Type, type EntityProperty, type Platform } from '@mikro-orm/core';
import { Decimal as DecimalJs } from 'decimal.js';

/**
 * Exact decimal arithmetic for money and measured values (decimal.js). Our own clone, so other
 * libraries cannot change its precision or rounding.
 */
export const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP });
export type Decimal = DecimalJs;

/** Parses a decimal from a string or an existing Decimal; never from a float. */
export function toDecimal(value: Decimal | string | bigint): Decimal {
  return new Decimal(typeof value === 'bigint' ? value.toString() : value);
}

/**
 * PostgreSQL NUMERIC(precision, scale) mapped to a Decimal: the driver hands NUMERIC over as a string
 * and it never passes through a JavaScript number.
 */
export class NumericType extends Type<Decimal | null | undefined, string | null | undefined> {
  override convertToDatabaseValue(value: Decimal | string | null | undefined): string | null | undefined {
    if (value === null || value === undefined) return value;
    return typeof value === 'string' ? new Decimal(value).toFixed() : value.toFixed();
  }

  override convertToJSValue(value: Decimal | string | null | undefined): Decimal | null | undefined {
    if (value === null || value === undefined) return value;
    return typeof value === 'string' ? new Decimal(value) : value;
  }

  override compareAsType(): string {
    return 'string';
  }

  override compareValues(a: unknown, b: unknown): boolean {
    if (a === null || a === undefined || b === null || b === undefined) return a === b;
    return new Decimal(String(a)).equals(new Decimal(String(b)));
  }

  override getColumnType(prop: EntityProperty, platform: Platform): string {
    return platform.getDecimalTypeDeclarationSQL({ precision: prop.precision ?? 15, scale: prop.scale ?? 2 });
  }
}
