import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { ApiTokenCache } from './auth/api-token-cache.js';
import type { Identity } from './auth/identity.js';
import type { Config } from './core/config.js';
import { RequestLoaders } from './core/loaders.js';
import type { VersionedCache } from './core/versioned-cache.js';

/**
 * Everything one GraphQL request works with; built once per request, never shared. It sits between
 * auth/ and the domain folders: it imports core/ and auth/ only, so every domain can depend on it.
 */
export interface Context {
  /** EntityManager fork of this request: its own identity map and unit of work. */
  em: EntityManager;
  loaders: RequestLoaders;
  /** Who makes the request; every service and loader filters by it. */
  identity: Identity;
  requestId: string;
  log: Logger;
  /** The request's clock, so that "today" can be fixed in tests. */
  now: () => Date;
  /** The hub's settings, as read once at start-up (e.g. `rapportageTermijnDagen`). */
  config: Readonly<Config>;
  /** Cost overviews shared by the requests of this process; null when switched off. */
  kostenCache: VersionedCache | null;
  /** Verified API tokens of this process; null when switched off. */
  tokenCache: ApiTokenCache | null;
}

export interface ContextOptions extends Omit<Context, 'em' | 'loaders' | 'log'> {
  /** The process's EntityManager; the context works in a fork of it. */
  em: EntityManager;
  /** The process's logger; the context logs through a child that names the identity. */
  log: Logger;
}

export function createContext(options: ContextOptions): Context {
  const em = options.em.fork();
  return {
    ...options,
    em,
    loaders: new RequestLoaders(em),
    log: options.log.child({ identity: options.identity.id, rol: options.identity.rol }),
  };
}

const DUTCH_DATE = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' });

/** Today's date (YYYY-MM-DD) in the Netherlands, by the request's clock. */
export function vandaag(ctx: Pick<Context, 'now'>): string {
  return DUTCH_DATE.format(ctx.now());
}

/** What a writing service needs: the request's EntityManager, who is writing (rules, audit) and the clock. */
export type Schrijver = Pick<Context, 'em' | 'identity' | 'now'>;
