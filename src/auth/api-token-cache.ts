import pg from 'pg';
import type { Logger } from 'pino';
import type { Identity } from './identity.js';

const KANAAL = 'api_token_gewijzigd';

interface Entry {
  tokenId: number;
  identity: Identity;
  until: number;
}

/**
 * Verified API tokens, kept for a short while so that a request with a known token costs no statement.
 * Revocation stays immediate: every change to a token notifies all hub instances on the database
 * (trigger api_token_gewijzigd, LISTEN on a connection of its own), and each drops the token as soon as
 * the change commits. The cache only answers while that connection listens: when it breaks (or cannot
 * listen, e.g. on a read replica), every request looks its token up in the database until it is back.
 */
export class ApiTokenCache {
  readonly #entries = new Map<string, Entry>();
  #client: pg.Client | null = null;
  #listening = false;
  #stopped = false;
  #retry: NodeJS.Timeout | null = null;
  #warned = false;
  /** Tokens dropped after a notification (tests wait for it; metrics may show it). */
  evictions = 0;

  constructor(
    private readonly url: string,
    private readonly ttlMs: number,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** Starts listening; resolves when listening or when it failed (then the cache stays off and retries). */
  async start(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, connectionTimeoutMillis: 2_000, keepAlive: true });
    // An 'error' without a listener would crash the process; a broken connection only turns the cache off.
    client.on('error', (error) => this.#lost(client, error));
    client.on('end', () => this.#lost(client, null));
    client.on('notification', (melding) => {
      if (melding.channel === KANAAL && melding.payload) this.#evict(Number(melding.payload));
    });
    try {
      await client.connect();
      await client.query(`listen ${KANAAL}`);
      if (this.#stopped) {
        await client.end();
        return;
      }
      this.#client = client;
      this.#listening = true;
      this.#warned = false;
    } catch (error) {
      this.#lost(client, error as Error);
      await client.end().catch(() => undefined);
    }
  }

  /** The identity of a verified token (by its hash), if known and fresh and the cache is listening. */
  get(hash: string): Identity | undefined {
    if (!this.#listening) return undefined;
    const entry = this.#entries.get(hash);
    if (!entry) return undefined;
    if (entry.until <= this.now()) {
      this.#entries.delete(hash);
      return undefined;
    }
    return entry.identity;
  }

  set(hash: string, tokenId: number, identity: Identity): void {
    if (!this.#listening) return;
    // Bounded by the number of active tokens in practice; a flood of distinct valid tokens is not possible.
    this.#entries.set(hash, { tokenId, identity, until: this.now() + this.ttlMs });
  }

  /**
   * Drops a token at once in this process (after a revocation through this hub has committed), rather
   * than when the notification arrives a moment later; other processes still rely on the notification.
   */
  drop(tokenId: number): void {
    this.#evict(tokenId);
  }

  get listening(): boolean {
    return this.#listening;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#retry) clearTimeout(this.#retry);
    this.#listening = false;
    this.#entries.clear();
    const client = this.#client;
    this.#client = null;
    await client?.end().catch(() => undefined);
  }

  #evict(tokenId: number): void {
    for (const [hash, entry] of this.#entries) {
      if (entry.tokenId === tokenId) {
        this.#entries.delete(hash);
        this.evictions++;
      }
    }
  }

  #lost(client: pg.Client, error: Error | null): void {
    if (this.#client !== null && this.#client !== client) return;
    const wasListening = this.#listening;
    this.#listening = false;
    this.#client = null;
    // Notifications may have been missed: nothing cached may be trusted any more.
    this.#entries.clear();
    if (this.#stopped || this.#retry) return;
    if (wasListening || !this.#warned) {
      this.#warned = true;
      this.log.warn({ err: error ?? undefined }, 'API-tokencache uit: geen LISTEN-verbinding; tokens worden in de database opgezocht');
    }
    this.#retry = setTimeout(() => {
      this.#retry = null;
      if (!this.#stopped) void this.start();
    }, 5_000);
    this.#retry.unref();
  }
}
