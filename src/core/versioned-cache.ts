import type { EntityManager } from '@mikro-orm/postgresql';
import { LRUCache } from 'lru-cache';

interface Entry {
  value: unknown;
  size: number;
}

/**
 * Results by key, each valid for one value of a data version in the table gegevensversie. Every write
 * to the tables behind a subject raises that subject's version inside the writing transaction
 * (triggers, see the kostenversie migration), so a committed write makes older entries unreachable on
 * every hub instance, and a rolled-back one changes nothing. Reading the version costs one statement.
 */
export class VersionedCache {
  readonly #cache: LRUCache<string, Entry, () => Promise<Entry>>;
  hits = 0;
  misses = 0;

  /** `maxSize` bounds the sum of the sizes the callers give their values (bytes, for the cost overviews). */
  constructor(
    private readonly subject: string,
    maxSize: number,
  ) {
    this.#cache = new LRUCache({
      maxSize,
      sizeCalculation: (entry) => entry.size,
      // Concurrent requests for the same missing key share one computation.
      fetchMethod: (_key, _stale, { context }) => {
        this.misses++;
        return context();
      },
    });
  }

  /**
   * The value for `key` at the current data version, computed by `compute` when not cached. One key
   * always holds values of one type, so the caller's `T` is what was stored under it.
   */
  async fetch<T>(em: EntityManager, key: string, compute: () => Promise<T>, sizeOf: (value: T) => number): Promise<T> {
    // Version first, data second: data computed after reading version v is never older than v.
    const [{ versie }] = await em.getConnection().execute<{ versie: string }[]>('select versie from gegevensversie where onderwerp = ?', [this.subject]);
    const versionedKey = `${versie}:${key}`;
    if (this.#cache.has(versionedKey)) this.hits++;
    const entry = await this.#cache.fetch(versionedKey, {
      context: async () => {
        const value = await compute();
        return { value, size: Math.max(1, sizeOf(value)) };
      },
    });
    return entry!.value as T;
  }

  get size(): number {
    return this.#cache.size;
  }
}
