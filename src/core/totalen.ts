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

interface RuweTotalen {
  som: string;
  gemiddelde: string;
  minimum: string;
  maximum: string;
  aantal: string;
}

/** The SQL columns of the chosen groupings, each once, in the order given. */
export function groepKolommen<G extends string>(kolom: Record<G, string>, groepen: readonly G[]): string[] {
  return [...new Set(groepen)].map((g) => kolom[g]);
}

/**
 * Totals per group of a query that already has its FROM, joins and WHERE: selects the group columns and
 * the aggregates of `waarde` (average rounded to `decimalen`), groups and orders by the columns, in one
 * statement. Each row comes back as its raw group columns (named as in SQL) with the parsed totals.
 */
export async function totalenPerGroep<Groep extends object, T extends object>(
  qb: QueryBuilder<T>,
  kolommen: readonly string[],
  waarde: string,
  decimalen: number,
): Promise<Array<{ groep: Groep } & Totalen>> {
  qb.select([
    ...kolommen.map((k) => raw(k)),
    raw(`sum(${waarde}) as som`),
    raw(`round(avg(${waarde}), ${decimalen}) as gemiddelde`),
    raw(`min(${waarde}) as minimum`),
    raw(`max(${waarde}) as maximum`),
    raw('count(*) as aantal'),
  ]);
  if (kolommen.length) qb.groupBy(kolommen.map((k) => raw(k))).orderBy(kolommen.map((k) => ({ [raw(k)]: 'asc' })));
  const rijen = await qb.execute<Array<Groep & RuweTotalen>>('all', false);
  return rijen
    .filter((r) => Number(r.aantal) > 0)
    .map(({ som, gemiddelde, minimum, maximum, aantal, ...groep }) => ({
      groep: groep as unknown as Groep,
      som: new Decimal(som),
      gemiddelde: new Decimal(gemiddelde),
      minimum: new Decimal(minimum),
      maximum: new Decimal(maximum),
      aantal: Number(aantal),
    }));
}
