import { raw, type EntityClass, type FilterQuery, type QueryOrderMap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ClassType } from 'type-graphql';

/** Alias of the root table in every read statement; raw filter fragments receive it. */
export const ROOT_ALIAS = 'e';

/** Order and window of a read statement. */
export interface ReadOptions<T> {
  orderBy?: QueryOrderMap<T> | QueryOrderMap<T>[];
  limit?: number;
  offset?: number;
}

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
  readonly #properties: string[];
  #byIdSql: string | undefined;

  constructor(
    readonly entity: EntityClass<T>,
    readonly type: ClassType<R>,
    columns: { [K in keyof R]?: string },
  ) {
    this.#properties = Object.keys(columns);
    this.#select = Object.entries(columns)
      .map(([property, sql]) => `${sql} as "${property}"`)
      .join(', ');
  }

  /**
   * A row as an instance of the read type, so type-graphql passes it to field resolvers as it is. Only
   * the read type's properties are copied: extra select items never end up on it (and are never
   * deleted from it, which would make every row a slow dictionary object).
   */
  map(row: Record<string, unknown>): R {
    const read = new this.type() as Record<string, unknown>;
    for (const property of this.#properties) read[property] = row[property];
    return read as R;
  }

  /** Read rows matching `where`; one statement. */
  async find(em: EntityManager, where: FilterQuery<T>, options: ReadOptions<T> = {}): Promise<R[]> {
    const rows = await this.#query(em, where, this.#select, options);
    return rows.map((row) => this.map(row));
  }

  /**
   * As find, with extra select items (SQL by name) that belong to the query, not to the read type: a
   * window count, a key to group by. They come back beside each row.
   */
  async findWith<E extends string>(
    em: EntityManager,
    where: FilterQuery<T>,
    extra: Record<E, string>,
    options: ReadOptions<T> = {},
  ): Promise<Array<{ row: R; extra: Record<E, unknown> }>> {
    const names = Object.keys(extra) as E[];
    const select = `${this.#select}, ${names.map((name) => `${extra[name]} as "${name}"`).join(', ')}`;
    const rows = await this.#query(em, where, select, options);
    return rows.map((row) => ({ row: this.map(row), extra: Object.fromEntries(names.map((name) => [name, row[name]])) as Record<E, unknown> }));
  }

  #query(em: EntityManager, where: FilterQuery<T>, select: string, options: ReadOptions<T>): Promise<Array<Record<string, unknown>>> {
    const qb = em.createQueryBuilder(this.entity, ROOT_ALIAS).select(raw(select)).where(where);
    if (options.orderBy) qb.orderBy(options.orderBy);
    if (options.limit !== undefined) qb.limit(options.limit);
    if (options.offset) qb.offset(options.offset);
    return qb.execute<Array<Record<string, unknown>>>('all', false);
  }

  /**
   * Rows by primary key, in one prepared-once SQL text: the loaders of foreign keys ask this for every
   * request, so it skips the query builder.
   */
  async byIds(em: EntityManager, ids: readonly number[]): Promise<R[]> {
    this.#byIdSql ??= `select ${this.#select} from ${this.#table(em)} ${ROOT_ALIAS} where ${ROOT_ALIAS}.id = any(?::int[])`;
    const rows = await em.getConnection().execute<Array<Record<string, unknown>>>(this.#byIdSql, [`{${ids.join(',')}}`]);
    return rows.map((row) => this.map(row));
  }

  /**
   * A select item for another read statement: the read row whose id is `key` (SQL on that statement's
   * root alias), as one JSON object with the read type's property names, or null. The row is read in
   * a derived table, so the columns keep their SQL on `e` while `key` still refers to the outer `e`;
   * PostgreSQL pulls the derived table up into an index lookup per row. `map` turns the object into
   * the same read row as `byIds` gives (the columns are text, integers and booleans, which JSON
   * carries alike; tests/leespad-json.test.ts checks every model).
   */
  jsonById(em: EntityManager, key: string): string {
    return `(select to_json(r) from (select ${this.#select} from ${this.#table(em)} ${ROOT_ALIAS}) r where r.id = ${key})`;
  }

  #table(em: EntityManager): string {
    return em.getMetadata().get(this.entity.name).tableName;
  }

  /** The number of rows matching `where`. */
  count(em: EntityManager, where: FilterQuery<T>): Promise<number> {
    return em.createQueryBuilder(this.entity, ROOT_ALIAS).where(where).getCount();
  }
}
