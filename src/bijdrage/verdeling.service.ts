import { Decimal } from '../core/decimal.js';

export interface Verdeelpost {
  /** Stable key for deterministic tie-breaking, e.g. the CBS code. */
  sleutel: string;
  /** Weight in the allocation: units × participation days / days in the year. */
  gewicht: Decimal;
}

export interface VerdeeldDeel {
  sleutel: string;
  bedrag: Decimal;
  /** Exact share of the whole (gewicht / Σ gewicht), before rounding to cents. */
  aandeel: Decimal;
}

/**
 * Splits an amount in euros over weighted parts so that the parts add up exactly to the whole, to
 * the cent (largest-remainder method): every part gets its share rounded down to whole cents, and
 * the cents left over go one each to the parts with the largest remainders, ties by sleutel.
 * Each part is therefore within one cent of its exact share.
 */
export function verdeel(totaal: Decimal, posten: readonly Verdeelpost[]): VerdeeldDeel[] {
  if (posten.length === 0) throw new Error('verdeling zonder deelnemers');
  if (posten.some((p) => p.gewicht.isNegative())) throw new Error('negatief gewicht in verdeling');
  const somGewicht = posten.reduce((som, p) => som.plus(p.gewicht), new Decimal(0));
  if (somGewicht.isZero()) throw new Error('verdeling waarin alle gewichten nul zijn');
  if (totaal.decimalPlaces() > 2) throw new Error('te verdelen bedrag heeft meer dan twee decimalen');

  // Negative totals (baten above lasten) are split as their absolute value and negated, so the
  // rounding rule is the same in both directions.
  const teken = totaal.isNegative() ? -1 : 1;
  const centen = totaal.abs().times(100);
  const delen = posten.map((p) => {
    const aandeel = p.gewicht.dividedBy(somGewicht);
    const exact = centen.times(aandeel);
    const afgerond = exact.floor();
    return { sleutel: p.sleutel, aandeel, afgerond, rest: exact.minus(afgerond) };
  });
  let over = centen.minus(delen.reduce((som, d) => som.plus(d.afgerond), new Decimal(0))).toNumber();
  const opRest = [...delen].sort((a, b) => b.rest.comparedTo(a.rest) || (a.sleutel < b.sleutel ? -1 : a.sleutel > b.sleutel ? 1 : 0));
  for (const deel of opRest) {
    if (over <= 0) break;
    deel.afgerond = deel.afgerond.plus(1);
    over -= 1;
  }
  return delen.map((d) => ({
    sleutel: d.sleutel,
    aandeel: d.aandeel,
    bedrag: d.afgerond.dividedBy(100).times(teken),
  }));
}

const DAG_MS = 86_400_000;

/** Days of participation [vanaf, tot) within the period [periodeBegin, periodeEinde) (UTC ms); tot null = open. */
export function deelnameDagenIn(vanaf: string, tot: string | null | undefined, periodeBegin: number, periodeEinde: number): number {
  const begin = Math.max(periodeBegin, Date.parse(`${vanaf}T00:00:00Z`));
  const einde = Math.min(periodeEinde, tot ? Date.parse(`${tot}T00:00:00Z`) : periodeEinde);
  return Math.max(0, Math.round((einde - begin) / DAG_MS));
}

/** Days in [vanaf, tot) that fall within the calendar year; tot null means open-ended. */
export function deelnameDagenInJaar(vanaf: string, tot: string | null | undefined, jaar: number): number {
  return deelnameDagenIn(vanaf, tot, Date.UTC(jaar, 0, 1), Date.UTC(jaar + 1, 0, 1));
}

export function dagenInJaar(jaar: number): number {
  return Math.round((Date.UTC(jaar + 1, 0, 1) - Date.UTC(jaar, 0, 1)) / DAG_MS);
}
