/**
 * Recognises errors that mean "the database cannot be reached right now" rather than "this request
 * is wrong": refused or broken connections, a server shutting down, a full or timed-out pool. They
 * come from pg, knex or MikroORM in different shapes (SQLSTATE, errno code, error name, message).
 */
const OUTAGE_CODES = new Set([
  // SQLSTATE class 08 (connection exception), server shutting down or starting, too many connections.
  '08000', '08001', '08003', '08004', '08006', '57P01', '57P02', '57P03', '53300',
  // Node socket errors.
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN',
]);

const OUTAGE_MESSAGES = /Connection terminated|Connection ended unexpectedly|not queryable|Timeout acquiring a connection|timeout exceeded when trying to connect/i;

export function isDatabaseOutage(error: unknown): boolean {
  for (let e = error as { code?: unknown; name?: unknown; message?: unknown; cause?: unknown; previous?: unknown } | undefined, depth = 0; e && depth < 5; depth++) {
    if (typeof e.code === 'string' && OUTAGE_CODES.has(e.code)) return true;
    if (e.name === 'KnexTimeoutError') return true;
    if (typeof e.message === 'string' && OUTAGE_MESSAGES.test(e.message)) return true;
    e = (e.previous ?? e.cause) as typeof e;
  }
  return false;
}
