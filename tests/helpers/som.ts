import { Decimal } from '../../src/core/decimal.js';

/** The exact sum of amounts (as the graph returns them, or as Decimals); null, "no figure", adds nothing. */
export function som(bedragen: ReadonlyArray<string | Decimal | null>): Decimal {
  return bedragen.reduce<Decimal>((totaal, b) => (b === null ? totaal : totaal.plus(b)), new Decimal(0));
}

/** As som, written as the graph writes an amount: two decimals. */
export function somBedrag(bedragen: ReadonlyArray<string | Decimal | null>): string {
  return som(bedragen).toFixed(2);
}
