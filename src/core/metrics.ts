import type { Knex } from '@mikro-orm/postgresql';
import { createHash, timingSafeEqual } from 'node:crypto';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Where /metrics is served: behind a bearer token on the hub's own port, and/or on a port (and address) of its own. */
export interface MetricsExposure {
  token?: string;
  port?: number;
  host: string;
}

/** Counts read when Prometheus scrapes, from a component that keeps its own (the cost-overview cache). */
export interface CacheCounts {
  hits: number;
  misses: number;
  entries: number;
}

// Operation names come from clients; past this many distinct names, new ones are counted as "overig"
// so a client cannot blow up the number of time series.
const MAX_OPERATION_NAMES = 200;

/**
 * One Prometheus registry per hub (prom-client), so two hubs in one process (tests) never share
 * counters. Request counters are always kept (a few increments per request); Node's process metrics
 * are only collected when /metrics is exposed, because they start an event-loop monitor.
 */
export class HubMetrics {
  readonly registry = new Registry();
  readonly #operationNames = new Set<string>();
  readonly #requests = new Counter({
    name: 'regiohub_graphql_requests_total',
    help: 'GraphQL operations by operation name and outcome (OK or the first error code).',
    labelNames: ['operation', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly #duration = new Histogram({
    name: 'regiohub_graphql_request_duration_seconds',
    help: 'Time from receiving a GraphQL operation to sending its response.',
    labelNames: ['operation', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15],
    registers: [this.registry],
  });
  readonly #refused = new Counter({
    name: 'regiohub_requests_refused_total',
    help: 'Requests refused before execution (no or invalid token, RATE_LIMITED, database unavailable), by error code.',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });
  readonly #sqlStatements = new Counter({
    name: 'regiohub_sql_statements_total',
    help: 'SQL statements sent to PostgreSQL by this process.',
    registers: [this.registry],
  });
  readonly #detachKnex: () => void;

  constructor(knex: Knex, options: { processMetrics: boolean; cache?: () => CacheCounts | null }) {
    if (options.processMetrics) collectDefaultMetrics({ register: this.registry });
    const countStatement = () => this.#sqlStatements.inc();
    knex.on('query', countStatement);
    this.#detachKnex = () => knex.off('query', countStatement);

    // tarn.js, knex's pool; its counts are read at scrape time.
    const pool = () => (knex.client as { pool?: TarnPool }).pool;
    const poolGauge = (name: string, help: string, read: (p: TarnPool) => number) =>
      new Gauge({
        name,
        help,
        registers: [this.registry],
        collect() {
          const p = pool();
          this.set(p ? read(p) : 0);
        },
      });
    poolGauge('regiohub_db_pool_connections_in_use', 'Pool connections lent to a request.', (p) => p.numUsed());
    poolGauge('regiohub_db_pool_connections_idle', 'Open pool connections waiting for work.', (p) => p.numFree());
    poolGauge('regiohub_db_pool_waiting_requests', 'Requests waiting for a pool connection.', (p) => p.numPendingAcquires());
    poolGauge('regiohub_db_pool_connections_max', 'Pool size (DB_POOL_MAX).', (p) => p.max);

    const cache = options.cache;
    const cacheCounter = (name: string, help: string, read: (c: CacheCounts) => number) =>
      new Counter({
        name,
        help,
        registers: [this.registry],
        collect() {
          const counts = cache?.();
          this.reset();
          if (counts) this.inc(read(counts));
        },
      });
    cacheCounter('regiohub_cost_cache_hits_total', 'Cost overviews answered from the cache.', (c) => c.hits);
    cacheCounter('regiohub_cost_cache_misses_total', 'Cost overviews computed because they were not cached at the current data version.', (c) => c.misses);
    new Gauge({
      name: 'regiohub_cost_cache_entries',
      help: 'Cost overviews held in the cache.',
      registers: [this.registry],
      collect() {
        this.set(cache?.()?.entries ?? 0);
      },
    });
  }

  operationFinished(operationName: string | null | undefined, outcome: string, seconds: number): void {
    const operation = this.#operationLabel(operationName);
    this.#requests.inc({ operation, outcome });
    this.#duration.observe({ operation, outcome }, seconds);
  }

  requestRefused(code: string): void {
    this.#refused.inc({ code });
  }

  /** The text Prometheus scrapes. */
  scrape(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  close(): void {
    this.#detachKnex();
    this.registry.clear();
  }

  #operationLabel(name: string | null | undefined): string {
    if (!name) return 'anoniem';
    if (this.#operationNames.has(name)) return name;
    if (this.#operationNames.size >= MAX_OPERATION_NAMES) return 'overig';
    this.#operationNames.add(name);
    return name;
  }
}

interface TarnPool {
  max: number;
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
}

/** Whether an Authorization header carries the metrics token (compared in constant time). */
export function metricsTokenValid(header: string | undefined, token: string): boolean {
  const given = header?.startsWith('Bearer ') ? header.slice(7) : '';
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(token)) && given.length > 0;
}
