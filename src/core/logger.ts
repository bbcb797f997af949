import { pino } from 'pino';

/**
 * One structured logger for the process; requests get child loggers with their id. It writes
 * synchronously: with pino's default asynchronous stream, a line still in flight when the process
 * exits lands after the lines flushed at exit, so the last steps of a shutdown appeared out of order
 * (and could be lost on a crash). One short line per request costs a write call, not a measurable delay.
 */
export const logger = pino(
  {
    // Read here, the only place, rather than in Config: the logger is created on import, before any
    // configuration is loaded, and the CLI scripts use it without loading the hub's configuration.
    level: process.env.LOG_LEVEL || 'info',
    base: { service: 'regiohub' },
  },
  pino.destination({ dest: 1, sync: true }),
);
