import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Identity } from './auth/identity.js';
import type { KostenCache } from './bijdrage/kosten-cache.js';
import { RequestLoaders } from './core/loaders.js';

/** Everything one GraphQL request works with; built once per request, never shared. */
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
  /** Days after a quarter's end by which its report is due. */
  rapportageTermijnDagen: number;
  /** Cost overviews shared by the requests of this process; null when switched off. */
  kostenCache: KostenCache | null;
}

export interface ContextOptions {
  em: EntityManager;
  identity: Identity;
  requestId: string;
  log: Logger;
  now?: () => Date;
  rapportageTermijnDagen?: number;
  kostenCache?: KostenCache | null;
}

export function createContext(options: ContextOptions): Context {
  const em = options.em.fork();
  return {
    em,
    loaders: new RequestLoaders(em),
    identity: options.identity,
    requestId: options.requestId,
    log: options.log.child({ identity: options.identity.id, rol: options.identity.rol }),
    now: options.now ?? (() => new Date()),
    rapportageTermijnDagen: options.rapportageTermijnDagen ?? 45,
    kostenCache: options.kostenCache ?? null,
  };
}

const DUTCH_DATE = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' });

/** Today's date (YYYY-MM-DD) in the Netherlands, by the request's clock. */
export function vandaag(ctx: Pick<Context, 'now'>): string {
  return DUTCH_DATE.format(ctx.now());
}

/** What a writing service needs: the request's EntityManager, who is writing (rules, audit) and the clock. */
export type Schrijver = Pick<Context, 'em' | 'identity' | 'now'>;
