import type { FilterQuery } from '@mikro-orm/core';
import { Field, InputType, Int, registerEnumType } from 'type-graphql';
import type { Decimal } from './decimal.js';
import { BedragScalar, CbsCodeScalar, DecimaalScalar } from './scalars.js';

/** Equality and set membership on codes (CBS code, module code, taakveld…). */
@InputType({ description: 'Filter op een code: gelijk aan (eq) of één van (in).' })
export class CodeFilter {
  @Field(() => String, { nullable: true })
  eq?: string;

  @Field(() => [String], { nullable: true })
  in?: string[];
}

/** Equality and set membership on CBS codes, accepted in lower case. */
@InputType({ description: 'Filter op een CBS-gemeentecode: gelijk aan (eq) of één van (in); kleine letters mogen.' })
export class CbsCodeFilter {
  @Field(() => CbsCodeScalar, { nullable: true })
  eq?: string;

  @Field(() => [CbsCodeScalar], { nullable: true })
  in?: string[];
}

@InputType({ description: 'Filter op een geheel getal: gelijk, één van, of een bereik.' })
export class IntFilter {
  @Field(() => Int, { nullable: true })
  eq?: number;

  @Field(() => [Int], { nullable: true })
  in?: number[];

  @Field(() => Int, { nullable: true })
  gt?: number;

  @Field(() => Int, { nullable: true })
  gte?: number;

  @Field(() => Int, { nullable: true })
  lt?: number;

  @Field(() => Int, { nullable: true })
  lte?: number;
}

@InputType({ description: 'Filter op een bedrag: gelijk of een bereik.' })
export class BedragFilter {
  @Field(() => BedragScalar, { nullable: true })
  eq?: Decimal;

  @Field(() => BedragScalar, { nullable: true })
  gt?: Decimal;

  @Field(() => BedragScalar, { nullable: true })
  gte?: Decimal;

  @Field(() => BedragScalar, { nullable: true })
  lt?: Decimal;

  @Field(() => BedragScalar, { nullable: true })
  lte?: Decimal;
}

@InputType({ description: 'Filter op een decimaal getal: gelijk of een bereik.' })
export class DecimaalFilter {
  @Field(() => DecimaalScalar, { nullable: true })
  eq?: Decimal;

  @Field(() => DecimaalScalar, { nullable: true })
  gt?: Decimal;

  @Field(() => DecimaalScalar, { nullable: true })
  gte?: Decimal;

  @Field(() => DecimaalScalar, { nullable: true })
  lt?: Decimal;

  @Field(() => DecimaalScalar, { nullable: true })
  lte?: Decimal;
}

export enum Richting {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(Richting, { name: 'Richting', description: 'Oplopend (ASC) of aflopend (DESC).' });

type Comparison = { eq?: unknown; in?: unknown[]; gt?: unknown; gte?: unknown; lt?: unknown; lte?: unknown };

/** A comparison filter as MikroORM operators; decimals travel as exact strings. */
export function operators(filter: Comparison | undefined): Record<string, unknown> | undefined {
  if (!filter) return undefined;
  const value = (v: unknown) => (v !== null && typeof v === 'object' && 'toFixed' in v ? (v as Decimal).toFixed() : v);
  const ops: Record<string, unknown> = {};
  if (filter.eq !== undefined && filter.eq !== null) ops.$eq = value(filter.eq);
  if (filter.in) ops.$in = filter.in.map(value);
  for (const op of ['gt', 'gte', 'lt', 'lte'] as const) {
    if (filter[op] !== undefined && filter[op] !== null) ops[`$${op}`] = value(filter[op]);
  }
  return Object.keys(ops).length ? ops : undefined;
}

/** The and/or/not part that every `where` input shares. */
export interface Logical<W> {
  and?: W[] | null;
  or?: W[] | null;
  not?: W | null;
}

/**
 * Turns a `where` input into a MikroORM filter: the fields of one level are combined with AND,
 * `and`/`or`/`not` nest. `fields` maps one level's own fields to conditions.
 */
export function filterFrom<W extends Logical<W>, T>(where: W | null | undefined, fields: (w: W) => Array<object | undefined>): FilterQuery<T> {
  if (!where) return {} as FilterQuery<T>;
  const parts = fields(where).filter((d): d is object => d !== undefined);
  if (where.and?.length) parts.push(...where.and.map((w) => filterFrom<W, T>(w, fields) as object));
  if (where.or?.length) parts.push({ $or: where.or.map((w) => filterFrom<W, T>(w, fields)) });
  if (where.not) parts.push({ $not: filterFrom<W, T>(where.not, fields) });
  return (parts.length === 0 ? {} : parts.length === 1 ? parts[0] : { $and: parts }) as FilterQuery<T>;
}

/** Helper for one field: `{ [path]: operators }` or nothing when the filter is empty. */
export function field(path: (ops: Record<string, unknown>) => object, filter: Comparison | undefined): object | undefined {
  const ops = operators(filter);
  return ops ? path(ops) : undefined;
}
