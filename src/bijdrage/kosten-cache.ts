import type { EntityManager } from '@mikro-orm/postgresql';
import { LRUCache } from 'lru-cache';
import type { Kostenoverzicht } from './kostenoverzicht.types.js';

/**
 * Cost overviews by filter, each valid for one value of the "kosten" data version. Every write to
 * the tables behind the overview raises that version inside the writing transaction (triggers in
 * the kostenversie migration), so a committed write makes older entries unreachable on every hub
 * instance, and a rolled-back one changes nothing. Reading the version costs one statement.
 */
export class KostenCache {
  readonly #cache: LRUCache<string, Kostenoverzicht[], () => Promise<Kostenoverzicht[]>>;
  treffers = 0;
  missers = 0;

  constructor(maxRegels = 500_000) {
    this.#cache = new LRUCache({
      // Bounded by the number of rows held, so one national multi-year overview cannot crowd out memory.
      maxSize: maxRegels,
      sizeCalculation: (overzichten) => Math.max(1, overzichten.reduce((n, o) => n + o.regels.length + o.perGemeente.length + o.perModule.length + 1, 0)),
      // Concurrent requests for the same missing key share one computation.
      fetchMethod: (_key, _stale, { context }) => {
        this.missers++;
        return context();
      },
    });
  }

  /** The overviews for `sleutel` at the current data version, computed by `bereken` when not cached. */
  async haal(em: EntityManager, sleutel: string, bereken: () => Promise<Kostenoverzicht[]>): Promise<Kostenoverzicht[]> {
    // Version first, data second: data computed after reading version v is never older than v.
    const [{ versie }] = await em.getConnection().execute<{ versie: string }[]>(`select versie from gegevensversie where onderwerp = 'kosten'`);
    const sleutelMetVersie = `${versie}:${sleutel}`;
    if (this.#cache.has(sleutelMetVersie)) this.treffers++;
    return (await this.#cache.fetch(sleutelMetVersie, { context: bereken }))!;
  }

  get omvang(): number {
    return this.#cache.size;
  }
}
