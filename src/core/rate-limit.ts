import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { ErrorCode, hubError } from './errors.js';

/**
 * Requests per identity per minute, kept in this process (rate-limiter-flexible). With several
 * instances, use its RateLimiterPostgres or RateLimiterRedis so that they share the counts.
 */
export function rateLimiter(perMinuut: number) {
  const limiter = new RateLimiterMemory({ points: perMinuut, duration: 60 });
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
