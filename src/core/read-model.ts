import { raw, type EntityClass, type FilterQuery, type QueryOrderMap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ClassType } from 'type-graphql';

/** Alias of the root table in every read statement; raw filter fragments receive it. */
export const ROOT_ALIAS = 'e';

/**
 * A timestamptz column as the ISO text the DateTime scalar gives (UTC, milliseconds): the same
 * answer as a hydrated Date, without one per field.
 */
export const isoTimestamp = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * How the graph reads one table: straight from SQL into a plain read type, without hydrating
 * MikroORM entities (no identity map, no reference wrappers, no change-set snapshots). Entities and
 * their unit of work stay for writes; the filters and orders of the read path are still MikroORM
 * FilterQuery/QueryOrderMap objects, so each scope rule and filter is written once for both.
 *
 * `columns` maps each property of the read type to its SQL on the root alias `e`. Numerics come out
 * as text in their canonical form (`bedrag::text`, `trim_scale(x)::text`) and go to the client as
 * they are: no Decimal per field on the way out, and never a float.
 */
export class ReadModel<T extends object, R extends object> {
  readonly #select: string;
  #byIdSql: string | undefined;

  constructor(
    readonly entity: EntityClass<T>,
    readonly type: ClassType<R>,
    columns: { [K in keyof R]?: string },
  ) {
    this.#select = Object.entries(columns)
      .map(([property, sql]) => `${sql} as "${property}"`)
      .join(', ');
  }

  /** Rows as instances of the read type, so type-graphql passes them to field resolvers as they are. */
  map(row: object): R {
    return Object.assign(new this.type(), row);
  }

  /** Read rows matching `where`; one statement. `extra` adds SQL select items (e.g. a window count). */
  async find(
    em: EntityManager,
    where: FilterQuery<T>,
    options: { orderBy?: QueryOrderMap<T> | QueryOrderMap<T>[]; limit?: number; offset?: number; extra?: string } = {},
  ): Promise<Array<R & Record<string, unknown>>> {
    const qb = em
      .createQueryBuilder(this.entity, ROOT_ALIAS)
      .select(raw(options.extra ? `${this.#select}, ${options.extra}` : this.#select))
      .where(where);
    if (options.orderBy) qb.orderBy(options.orderBy);
    if (options.limit !== undefined) qb.limit(options.limit);
    if (options.offset) qb.offset(options.offset);
    const rows = await qb.execute<object[]>('all', false);
    return rows.map((row) => this.map(row) as R & Record<string, unknown>);
  }

  /**
   * Rows by primary key, in one prepared-once SQL text: the loaders of foreign keys ask this for every
   * request, so it skips the query builder.
   */
  async byIds(em: EntityManager, ids: readonly number[]): Promise<R[]> {
    this.#byIdSql ??= `select ${this.#select} from ${em.getMetadata().get(this.entity.name).tableName} ${ROOT_ALIAS} where ${ROOT_ALIAS}.id = any(?::int[])`;
    const rows = await em.getConnection().execute<object[]>(this.#byIdSql, [`{${ids.join(',')}}`]);
    return rows.map((row) => this.map(row));
  }

  /** The number of rows matching `where`. */
  count(em: EntityManager, where: FilterQuery<T>): Promise<number> {
    return em.createQueryBuilder(this.entity, ROOT_ALIAS).where(where).getCount();
  }
}
