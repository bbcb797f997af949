import type { Knex } from '@mikro-orm/postgresql';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { ErrorCode, hubError } from './errors.js';

/** Where request counts are kept; the values are those of the RATE_LIMIT_OPSLAG setting. */
export type RateLimitStore = 'postgres' | 'geheugen';

/**
 * Requests per identity per minute (rate-limiter-flexible). With `postgres` the counts live in the
 * table rate_limit, so every hub instance on the same database shares one limit (one upsert per
 * request); should that table be unwritable (a read-only replica), a limiter in this process takes
 * over. With `geheugen` (in memory) each process counts for itself (a single instance, tests).
 */
export function rateLimiter(perMinute: number, store: { kind: RateLimitStore; knex?: Knex } = { kind: 'geheugen' }) {
  const inMemory = new RateLimiterMemory({ points: perMinute, duration: 60 });
  const limiter: RateLimiterAbstract =
    store.kind === 'postgres' && store.knex
      ? new RateLimiterPostgres({
          storeClient: store.knex,
          storeType: 'knex',
          tableName: 'rate_limit',
          tableCreated: true,
          points: perMinute,
          duration: 60,
          insuranceLimiter: inMemory,
        })
      : inMemory;
  return async (identityId: string): Promise<void> => {
    try {
      await limiter.consume(identityId);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const seconds = Math.ceil(rejection.msBeforeNext / 1000);
      throw hubError(ErrorCode.RATE_LIMITED, `Te veel verzoeken; probeer het over ${seconds} seconden opnieuw.`, {
        retryAfterSeconds: seconds,
        http: { status: 429, headers: new Map([['retry-after', String(seconds)]]) },
      });
    }
  };
}
