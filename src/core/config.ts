import type { MetricsExposure } from './metrics.js';
import type { RateLimitStore } from './rate-limit.js';
import path from 'node:path';

/** OpenID Connect settings: which issuer and audience to trust, and where the roles are in its tokens. */
export interface OidcConfig {
  issuer: string;
  audience: string;
  jwksUrl: string;
  /** Claim paths (dotted for nested claims, e.g. "realm_access.roles"). */
  rolClaim: string;
  gemeenteClaim: string;
  modulesClaim: string;
}

/** Who may introspect the schema (INTROSPECTIE): everyone, beheerders and controllers, or nobody. */
export type IntrospectionSetting = 'alle' | 'controllers' | 'uit';

type Env = Readonly<Record<string, string | undefined>>;

/** Runtime settings, read once from the environment. */
export interface Config {
  port: number;
  host: string;
  /** Set in production; when absent the hub starts its own embedded PostgreSQL. */
  databaseUrl: string | undefined;
  embedded: { dataDir: string; port: number };
  /** Load the demo region into an empty database (default only for the embedded database). */
  loadDemoData: boolean;
  production: boolean;
  /** OpenID Connect; null when OIDC_ISSUER is not set (API tokens only). */
  oidc: OidcConfig | null;
  introspectie: IntrospectionSetting;
  requestsPerMinuut: number;
  /** postgres: one limit shared by all instances on the database; geheugen: per process. */
  rateLimitOpslag: RateLimitStore;
  statementTimeoutMs: number;
  /** Connections to PostgreSQL per hub process. */
  poolSize: number;
  /** Wait for a pool connection at most this long before answering DATABASE_UNAVAILABLE. */
  acquireTimeoutMs: number;
  /** On SIGTERM, in-flight requests get this long to finish before the process exits anyway. */
  shutdownTimeoutMs: number;
  rapportageTermijnDagen: number;
  /** Serve the offline GraphiQL (GRAPHIQL=aan|uit; default on outside production). */
  graphiql: boolean;
  /** Cache cost overviews (KOSTEN_CACHE=aan|uit; default on); writes invalidate it. */
  kostenCache: boolean;
  /** Seconds a verified API token is kept in memory (API_TOKEN_CACHE_SECONDEN; 0 = off); revocation still acts at once. */
  apiTokenCacheSeconden: number;
  /** Upper bound of the cost-overview cache in MiB (KOSTEN_CACHE_MB; default 256). */
  kostenCacheMb: number;
  /** Prometheus metrics: at /metrics with this bearer token (METRICS_TOKEN) and/or on METRICS_PORT; both unset = not served. */
  metrics: MetricsExposure;
}

function intFrom(env: Env, name: string, fallback: number, max = 65535): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new Error(`Omgevingsvariabele ${name} moet een geheel getal zijn (nu: "${raw}")`);
  }
  return value;
}

function boolFrom(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'ja', 'aan'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'nee', 'uit'].includes(raw.toLowerCase())) return false;
  throw new Error(`Omgevingsvariabele ${name} moet true of false zijn (nu: "${raw}")`);
}

function oidcFrom(env: Env): OidcConfig | null {
  const issuer = env.OIDC_ISSUER;
  if (!issuer) return null;
  const audience = env.OIDC_AUDIENCE;
  if (!audience) throw new Error('OIDC_ISSUER is gezet maar OIDC_AUDIENCE niet');
  return {
    issuer,
    audience,
    jwksUrl: env.OIDC_JWKS_URL || new URL('.well-known/jwks.json', issuer.endsWith('/') ? issuer : `${issuer}/`).href,
    rolClaim: env.OIDC_ROL_CLAIM || 'regiohub_rol',
    gemeenteClaim: env.OIDC_GEMEENTE_CLAIM || 'regiohub_gemeente',
    modulesClaim: env.OIDC_MODULES_CLAIM || 'regiohub_modules',
  };
}

/** INTROSPECTIE: "alle", "controllers" (beheerder and controller) or "uit"; off by default in production. */
function introspectieFrom(env: Env, production: boolean): IntrospectionSetting {
  const raw = (env.INTROSPECTIE || (production ? 'uit' : 'alle')).toLowerCase();
  if (raw === 'alle' || raw === 'controllers' || raw === 'uit') return raw;
  throw new Error(`INTROSPECTIE moet alle, controllers of uit zijn (nu: "${raw}")`);
}

/**
 * Reads the settings from the environment (the process's by default; tests pass their own, e.g. `{}`
 * for the defaults). The one place where defaults are decided.
 */
export function loadConfig(env: Env = process.env): Config {
  const databaseUrl = env.DATABASE_URL || undefined;
  const production = env.NODE_ENV === 'production';
  return {
    port: intFrom(env, 'PORT', 4000),
    host: env.HOST || '0.0.0.0',
    databaseUrl,
    embedded: {
      dataDir: path.resolve(env.REGIOHUB_DATA_DIR || '.data'),
      port: intFrom(env, 'EMBEDDED_PG_PORT', 54329),
    },
    loadDemoData: boolFrom(env, 'DEMO_DATA', databaseUrl === undefined),
    production,
    oidc: oidcFrom(env),
    introspectie: introspectieFrom(env, production),
    requestsPerMinuut: intFrom(env, 'RATE_LIMIT_PER_MINUUT', 600, 1_000_000),
    rateLimitOpslag: rateLimitOpslagFrom(env, databaseUrl),
    statementTimeoutMs: intFrom(env, 'STATEMENT_TIMEOUT_MS', 15_000, 3_600_000),
    poolSize: intFrom(env, 'DB_POOL_MAX', 10, 1000),
    acquireTimeoutMs: intFrom(env, 'DB_ACQUIRE_TIMEOUT_MS', 10_000, 600_000),
    shutdownTimeoutMs: intFrom(env, 'SHUTDOWN_TIMEOUT_MS', 15_000, 600_000),
    rapportageTermijnDagen: intFrom(env, 'RAPPORTAGE_TERMIJN_DAGEN', 45, 365),
    graphiql: boolFrom(env, 'GRAPHIQL', !production),
    kostenCache: boolFrom(env, 'KOSTEN_CACHE', true),
    kostenCacheMb: intFrom(env, 'KOSTEN_CACHE_MB', 256, 65_536),
    apiTokenCacheSeconden: intFrom(env, 'API_TOKEN_CACHE_SECONDEN', 60, 3_600),
    metrics: metricsFrom(env),
  };
}

function rateLimitOpslagFrom(env: Env, databaseUrl: string | undefined): RateLimitStore {
  const waarde = env.RATE_LIMIT_OPSLAG?.trim().toLowerCase();
  if (!waarde) return databaseUrl ? 'postgres' : 'geheugen';
  if (waarde === 'postgres' || waarde === 'geheugen') return waarde;
  throw new Error(`RATE_LIMIT_OPSLAG moet postgres of geheugen zijn, niet "${env.RATE_LIMIT_OPSLAG}".`);
}

function metricsFrom(env: Env): Config['metrics'] {
  const token = env.METRICS_TOKEN || undefined;
  if (token !== undefined && token.length < 16) throw new Error('METRICS_TOKEN moet minstens 16 tekens lang zijn.');
  const port = intFrom(env, 'METRICS_PORT', 0) || undefined;
  return { token, port, host: env.METRICS_HOST || env.HOST || '0.0.0.0' };
}
