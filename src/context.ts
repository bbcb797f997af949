import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { RequestLoaders } from './core/loaders.js';

/** Everything one GraphQL request works with; built once per request, never shared. */
export interface Context {
  /** EntityManager fork of this request: its own identity map and unit of work. */
  em: EntityManager;
  loaders: RequestLoaders;
  requestId: string;
  log: Logger;
  /** The request's clock, so that "today" can be fixed in tests. */
  now: () => Date;
}

export function createContext(em: EntityManager, requestId: string, log: Logger, now: () => Date = () => new Date()): Context {
  const fork = em.fork();
  return { em: fork, loaders: new RequestLoaders(fork), requestId, log, now };
}

const DUTCH_DATE = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' });

/** Today's date (YYYY-MM-DD) in the Netherlands, by the request's clock. */
export function vandaag(ctx: Context): string {
  return DUTCH_DATE.format(ctx.now());
}
