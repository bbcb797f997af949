import type { RateLimitOpslag } from './rate-limit.js';
import path from 'node:path';
import { Rol } from '../auth/identity.js';
import type { OidcConfig } from '../auth/oidc.js';

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
  /** Roles allowed to introspect the schema; null = everyone. */
  introspectie: Rol[] | null;
  requestsPerMinuut: number;
  /** postgres: one limit shared by all instances on the database; geheugen: per process. */
  rateLimitOpslag: RateLimitOpslag;
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
  /** Prometheus metrics: at /metrics with this bearer token (METRICS_TOKEN) and/or on METRICS_PORT; both unset = not served. */
  metrics: { token?: string; port?: number; host: string };
}

function intFrom(name: string, fallback: number, max = 65535): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new Error(`Omgevingsvariabele ${name} moet een geheel getal zijn (nu: "${raw}")`);
  }
  return value;
}

function boolFrom(name: string, fallback: boolean): boolean {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'ja', 'aan'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'nee', 'uit'].includes(raw.toLowerCase())) return false;
  throw new Error(`Omgevingsvariabele ${name} moet true of false zijn (nu: "${raw}")`);
}

function oidcFrom(): OidcConfig | null {
  const issuer = process.env.OIDC_ISSUER;
  if (!issuer) return null;
  const audience = process.env.OIDC_AUDIENCE;
  if (!audience) throw new Error('OIDC_ISSUER is gezet maar OIDC_AUDIENCE niet');
  return {
    issuer,
    audience,
    jwksUrl: process.env.OIDC_JWKS_URL || new URL('.well-known/jwks.json', issuer.endsWith('/') ? issuer : `${issuer}/`).href,
    rolClaim: process.env.OIDC_ROL_CLAIM || 'regiohub_rol',
    gemeenteClaim: process.env.OIDC_GEMEENTE_CLAIM || 'regiohub_gemeente',
    modulesClaim: process.env.OIDC_MODULES_CLAIM || 'regiohub_modules',
  };
}

/** INTROSPECTIE: "alle", "controllers" (beheerder and controller) or "uit"; off by default in production. */
function introspectieFrom(production: boolean): Rol[] | null {
  const raw = (process.env.INTROSPECTIE || (production ? 'uit' : 'alle')).toLowerCase();
  if (raw === 'alle') return null;
  if (raw === 'controllers') return [Rol.BEHEERDER, Rol.CONTROLLER];
  if (raw === 'uit') return [];
  throw new Error(`INTROSPECTIE moet alle, controllers of uit zijn (nu: "${raw}")`);
}

export function loadConfig(): Config {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const production = process.env.NODE_ENV === 'production';
  return {
    port: intFrom('PORT', 4000),
    host: process.env.HOST || '0.0.0.0',
    databaseUrl,
    embedded: {
      dataDir: path.resolve(process.env.REGIOHUB_DATA_DIR || '.data'),
      port: intFrom('EMBEDDED_PG_PORT', 54329),
    },
    loadDemoData: boolFrom('DEMO_DATA', databaseUrl === undefined),
    production,
    oidc: oidcFrom(),
    introspectie: introspectieFrom(production),
    requestsPerMinuut: intFrom('RATE_LIMIT_PER_MINUUT', 600, 1_000_000),
    rateLimitOpslag: rateLimitOpslagFrom(databaseUrl),
    statementTimeoutMs: intFrom('STATEMENT_TIMEOUT_MS', 15_000, 3_600_000),
    poolSize: intFrom('DB_POOL_MAX', 10, 1000),
    acquireTimeoutMs: intFrom('DB_ACQUIRE_TIMEOUT_MS', 10_000, 600_000),
    shutdownTimeoutMs: intFrom('SHUTDOWN_TIMEOUT_MS', 15_000, 600_000),
    rapportageTermijnDagen: intFrom('RAPPORTAGE_TERMIJN_DAGEN', 45, 365),
    graphiql: boolFrom('GRAPHIQL', !production),
    kostenCache: boolFrom('KOSTEN_CACHE', true),
    metrics: metricsFrom(),
  };
}

function rateLimitOpslagFrom(databaseUrl: string | undefined): RateLimitOpslag {
  const waarde = process.env.RATE_LIMIT_OPSLAG?.trim().toLowerCase();
  if (!waarde) return databaseUrl ? 'postgres' : 'geheugen';
  if (waarde === 'postgres' || waarde === 'geheugen') return waarde;
  throw new Error(`RATE_LIMIT_OPSLAG moet postgres of geheugen zijn, niet "${process.env.RATE_LIMIT_OPSLAG}".`);
}

function metricsFrom(): Config['metrics'] {
  const token = process.env.METRICS_TOKEN || undefined;
  if (token !== undefined && token.length < 16) throw new Error('METRICS_TOKEN moet minstens 16 tekens lang zijn.');
  const port = intFrom('METRICS_PORT', 0) || undefined;
  return { token, port, host: process.env.METRICS_HOST || process.env.HOST || '0.0.0.0' };
}
