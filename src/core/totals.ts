import { raw } from '@mikro-orm/core';
import type { QueryBuilder } from '@mikro-orm/postgresql';
import { Decimal } from './decimal.js';

/** Sum, average, minimum, maximum and count of one group, exact (NUMERIC from PostgreSQL, never a float). */
export interface Totalen {
  som: Decimal;
  gemiddelde: Decimal;
  minimum: Decimal;
  maximum: Decimal;
  aantal: number;
}

interface RawTotals {
  som: string;
  gemiddelde: string;
  minimum: string;
  maximum: string;
  aantal: string;
}

/** The SQL columns of the chosen groupings, each once, in the order given. */
export function groupColumns<G extends string>(column: Record<G, string>, groups: readonly G[]): string[] {
  return [...new Set(groups)].map((g) => column[g]);
}

/**
 * Totals per group of a query that already has its FROM, joins and WHERE: selects the group columns and
 * the aggregates of `value` (average rounded to `decimals`), groups and orders by the columns, in one
 * statement. Each row comes back as its raw group columns (named as in SQL) with the parsed totals.
 */
export async function totalsPerGroup<Group extends object, T extends object>(
  qb: QueryBuilder<T>,
  columns: readonly string[],
  value: string,
  decimals: number,
): Promise<Array<{ group: Group } & Totalen>> {
  qb.select([
    ...columns.map((c) => raw(c)),
    raw(`sum(${value}) as som`),
    raw(`round(avg(${value}), ${decimals}) as gemiddelde`),
    raw(`min(${value}) as minimum`),
    raw(`max(${value}) as maximum`),
    raw('count(*) as aantal'),
  ]);
  if (columns.length) qb.groupBy(columns.map((c) => raw(c))).orderBy(columns.map((c) => ({ [raw(c)]: 'asc' })));
  const rows = await qb.execute<Array<Group & RawTotals>>('all', false);
  return rows
    .filter((r) => Number(r.aantal) > 0)
    .map(({ som, gemiddelde, minimum, maximum, aantal, ...group }) => ({
      group: group as unknown as Group,
      som: new Decimal(som),
      gemiddelde: new Decimal(gemiddelde),
      minimum: new Decimal(minimum),
      maximum: new Decimal(maximum),
      aantal: Number(aantal),
    }));
}
