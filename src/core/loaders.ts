import type { FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { ReadModel } from './read-model.js';

type WithId = { id: number };

/** Lines rows up with the requested keys: one result per key, in key order. */
export function groupByKey<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K): V[][] {
  const groups = new Map<K, V[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key)!);
}

/**
 * The DataLoaders of one request, created on first use and bound to that request's EntityManager
 * fork. Never shared between requests: that would leak rows across identities and stale data.
 */
export class RequestLoaders {
  readonly #loaders = new Map<string, DataLoader<unknown, unknown>>();
  /**
   * Rows by id that this request has already read, per read model. A reference to one of them resolves
   * without a promise: graphql-js completes a plain value at once, while every promise (a DataLoader hit
   * is one) costs it a round through the microtask queue, for each of the hundreds of references a page
   * can have.
   */
  readonly #known = new Map<ReadModel<any, any>, Map<number, unknown>>();

  constructor(private readonly em: EntityManager) {}

  /** A named loader with its own batch function (for aggregates or custom SQL). */
  custom<K, V>(name: string, batch: (keys: readonly K[]) => Promise<V[]>): DataLoader<K, V> {
    let loader = this.#loaders.get(name) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V>(batch);
      this.#loaders.set(name, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }

  #knownOf<R extends object>(model: ReadModel<any, R>): Map<number, R> {
    let known = this.#known.get(model);
    if (!known) this.#known.set(model, (known = new Map()));
    return known as Map<number, R>;
  }

  /** Read rows by primary key (see ReadModel); a missing id gives null. */
  read<T extends object, R extends WithId>(model: ReadModel<T, R>): DataLoader<number, R | null> {
    return this.custom(`${model.type.name}#read#id`, async (ids: readonly number[]) => {
      const rows = await model.byIds(this.em, ids);
      const known = this.#knownOf(model);
      for (const row of rows) known.set(row.id, row);
      return ids.map((id) => known.get(id) ?? null);
    });
  }

  /** A row this request has read in another statement (a page's references, a list's rows). */
  prime<T extends object, R extends WithId>(model: ReadModel<T, R>, row: R): void {
    this.read(model).prime(row.id, row);
    const known = this.#knownOf(model);
    if (!known.has(row.id)) known.set(row.id, row);
  }

  /**
   * The read row a foreign key points to; the foreign key guarantees that it exists. A row this request
   * already knows comes back as it is, without a promise (see #known).
   */
  readRef<T extends object, R extends WithId>(model: ReadModel<T, R>, id: number): R | Promise<R> {
    const known = this.#known.get(model)?.get(id) as R | undefined;
    if (known) return known;
    return this.read(model)
      .load(id)
      .then((row) => {
        if (!row) throw new Error(`${model.type.name} ${id} ontbreekt ondanks verwijzing`);
        return row;
      });
  }

  /** As readRef, for an optional foreign key. */
  optionalReadRef<T extends object, R extends WithId>(model: ReadModel<T, R>, id: number | null | undefined): R | null | Promise<R | null> {
    return id === null || id === undefined ? null : this.readRef(model, id);
  }

  /**
   * Forgets every row read so far. The mutations of one request run one after another and share
   * these loaders, so rows cached before a write may be stale after it (a year reopened and closed
   * again, a participation ended twice).
   */
  afterWrite(): void {
    for (const loader of this.#loaders.values()) loader.clearAll();
    this.#known.clear();
  }

  /** The read row of what a mutation just wrote (see afterWrite). */
  readAfterWrite<T extends object, R extends WithId>(model: ReadModel<T, R>, id: number): Promise<R> {
    this.afterWrite();
    return Promise.resolve(this.readRef(model, id));
  }

  /**
   * Read rows that point to a parent through the many-to-one `via` (the read type carries that
   * foreign key as `key`), narrowed by `where`: one statement for all parents of one request. A filter
   * with raw SQL fragments must be built anew for every query (MikroORM consumes them), so it can be
   * given as a function with a `name` for the loader.
   */
  readManyBy<T extends object, R extends WithId>(
    model: ReadModel<T, R>,
    via: { relation: keyof T & string; key: keyof R & string },
    where: { name: string; filter: () => FilterQuery<T> } | FilterQuery<T> = {},
    orderBy: QueryOrderMap<T> = { id: 'asc' } as QueryOrderMap<T>,
  ): DataLoader<number, R[]> {
    const built = typeof where === 'object' && where !== null && 'filter' in where && typeof where.filter === 'function';
    const name = built ? (where as { name: string }).name : JSON.stringify(where);
    const makeFilter = built ? (where as { filter: () => FilterQuery<T> }).filter : () => where as FilterQuery<T>;
    return this.custom(`${model.type.name}#read#${via.relation}#${name}#${JSON.stringify(orderBy)}`, async (parentIds: readonly number[]) => {
      const filter = { $and: [{ [via.relation]: { $in: [...parentIds] } }, makeFilter()] } as FilterQuery<T>;
      const rows = await model.find(this.em, filter, { orderBy });
      for (const row of rows) this.prime(model, row);
      return groupByKey(parentIds, rows, (row) => row[via.key] as number);
    });
  }
}
