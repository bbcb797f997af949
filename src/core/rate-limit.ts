import type { Knex } from '@mikro-orm/postgresql';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { ErrorCode, hubError } from './errors.js';

export type RateLimitOpslag = 'postgres' | 'geheugen';

/**
 * Requests per identity per minute (rate-limiter-flexible). With `postgres` the counts live in the
 * table rate_limit, so every hub instance on the same database shares one limit (one upsert per
 * request); should that table be unwritable (a read-only replica), a limiter in this process takes
 * over. With `geheugen` each process counts for itself (a single instance, tests).
 */
export function rateLimiter(perMinuut: number, opslag: { soort: RateLimitOpslag; knex?: Knex } = { soort: 'geheugen' }) {
  const inGeheugen = new RateLimiterMemory({ points: perMinuut, duration: 60 });
  const limiter: RateLimiterAbstract =
    opslag.soort === 'postgres' && opslag.knex
      ? new RateLimiterPostgres({
          storeClient: opslag.knex,
          storeType: 'knex',
          tableName: 'rate_limit',
          tableCreated: true,
          points: perMinuut,
          duration: 60,
          insuranceLimiter: inGeheugen,
        })
      : inGeheugen;
  return async (identityId: string): Promise<void> => {
    try {
      await limiter.consume(identityId);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const seconden = Math.ceil(rejection.msBeforeNext / 1000);
      throw hubError(ErrorCode.RATE_LIMITED, `Te veel verzoeken; probeer het over ${seconden} seconden opnieuw.`, {
        retryAfterSeconds: seconden,
        http: { status: 429, headers: new Map([['retry-after', String(seconden)]]) },
      });
    }
  };
}
