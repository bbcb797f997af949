import { pino } from 'pino';

/** One structured logger for the process; requests get child loggers with their id. */
export const logger = pino({
  level: process.env.LOG_LEVEL || 'info',
  base: { service: 'regiohub' },
});
